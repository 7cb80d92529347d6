import type { NetworkInterfaceInfo } from 'node:os';
import type { Systeminformation } from 'systeminformation';
import { addressesOf, macFromNode, macOrNull, type InterfaceType } from './classify.js';
import type { LinkAttributes } from './entry.js';
import type { NetCounters } from './parse.js';

// macOS names its software interfaces by driver: utun/ipsec/gif/stf/ppp are tunnels, bridgeN bridges.
const DARWIN_TUNNEL = /^(utun|tun|tap|ipsec|gif|stf|ppp)\d*$/;
const DARWIN_BRIDGE = /^bridge\d+$/;

function typeOf(n: Systeminformation.NetworkInterfacesData, loopback: boolean): InterfaceType {
  if (loopback) return 'loopback';
  if (n.type === 'wireless') return 'wireless';
  if (DARWIN_BRIDGE.test(n.iface)) return 'bridge';
  if (DARWIN_TUNNEL.test(n.iface)) return 'tunnel';
  if (n.virtual) return 'virtual';
  if (n.type === 'wired') return 'ethernet';
  return 'other';
}

function positiveOrNull(n: unknown): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * Maps one entry of si.networkInterfaces() (ifconfig -v on macOS, Win32_NetworkAdapter on Windows) plus
 * Node's addresses for it. systeminformation reports Windows speeds of down links as 0 and MTUs as ''.
 */
export function linkFromSysinfo(
  n: Systeminformation.NetworkInterfacesData,
  infos: readonly NetworkInterfaceInfo[] | undefined,
): LinkAttributes {
  const loopback = n.internal || /loopback/i.test(n.ifaceName) || /^lo\d*$/.test(n.iface);
  // systeminformation's state for loopback is a placeholder: macOS prints no status line for lo0
  // ("unknown") and Windows' loopback is no Win32_NetworkAdapter ("down"). It is always up, and its
  // state is reported as Linux reports lo's: "unknown".
  const operstate = loopback && n.operstate !== 'up' ? 'unknown' : n.operstate || 'unknown';
  return {
    type: typeOf(n, loopback),
    // Matches Linux, where the loopback device is a software (devices/virtual) interface too.
    virtual: n.virtual || loopback,
    up: loopback || operstate === 'up',
    operstate,
    mac: macOrNull(n.mac) ?? macFromNode(infos),
    mtu: positiveOrNull(n.mtu),
    speed: positiveOrNull(n.speed),
    addresses: addressesOf(infos),
  };
}

function count(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

/** Maps si.networkStats('*') to counters by interface name; packets are not part of that output. */
export function countersFromSysinfo(
  stats: readonly Systeminformation.NetworkStatsData[],
): Map<string, NetCounters> {
  const out = new Map<string, NetCounters>();
  for (const s of stats) {
    out.set(s.iface, {
      rxBytes: count(s.rx_bytes),
      txBytes: count(s.tx_bytes),
      rxPackets: null,
      txPackets: null,
      rxErrors: count(s.rx_errors),
      txErrors: count(s.tx_errors),
      rxDropped: count(s.rx_dropped),
      txDropped: count(s.tx_dropped),
    });
  }
  return out;
}

/** An empty string is how systeminformation says "none". */
export function nonEmpty(s: string | null | undefined): string | null {
  const t = s?.trim() ?? '';
  return t === '' ? null : t;
}
