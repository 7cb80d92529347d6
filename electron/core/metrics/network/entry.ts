import type { InterfaceAddress, NetworkInterface } from '../../../../shared/snapshot/metrics/network.js';
import type { LinkClass } from './classify.js';
import { ratePerSecond, type NetSample } from './parse.js';

/** Everything about an interface except its counters, whichever platform path found it. */
export interface LinkAttributes extends LinkClass {
  readonly operstate: string;
  readonly up: boolean;
  readonly mac: string | null;
  readonly mtu: number | null;
  readonly speed: number | null;
  readonly addresses: InterfaceAddress[];
}

/** Joins an interface's attributes with its counters at the window's end, and rates since its start. */
export function interfaceEntry(
  name: string,
  a: LinkAttributes,
  end: NetSample,
  start: NetSample | undefined,
): NetworkInterface {
  const c = end.counters.get(name);
  const b = start?.counters.get(name);
  const ms = start ? end.atMs - start.atMs : 0;
  const rate = (before: number | undefined, after: number | undefined): number | null =>
    before === undefined || after === undefined ? null : ratePerSecond(before, after, ms);
  return {
    name,
    type: a.type,
    virtual: a.virtual,
    up: a.up,
    operstate: a.operstate,
    mac: a.mac,
    mtu: a.mtu,
    speed_mbps: a.speed,
    addresses: a.addresses,
    rx_bytes: c?.rxBytes ?? 0,
    tx_bytes: c?.txBytes ?? 0,
    // The schema has no "unknown" for packets; only systeminformation's output lacks them.
    rx_packets: c?.rxPackets ?? 0,
    tx_packets: c?.txPackets ?? 0,
    rx_errors: c?.rxErrors ?? 0,
    tx_errors: c?.txErrors ?? 0,
    rx_dropped: c?.rxDropped ?? 0,
    tx_dropped: c?.txDropped ?? 0,
    rx_bytes_per_s: rate(b?.rxBytes, c?.rxBytes),
    tx_bytes_per_s: rate(b?.txBytes, c?.txBytes),
  };
}
