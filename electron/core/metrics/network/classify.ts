import type { NetworkInterfaceInfo } from 'node:os';
import type { InterfaceAddress, NetworkInterface } from '../../../../shared/snapshot/metrics/network.js';

/** An interface's kind, as the section names it. */
export type InterfaceType = NetworkInterface['type'];

/** What sysfs says about an interface's nature; none of it changes while the interface exists. */
export interface LinkClassInput {
  /** ARPHRD_* from `type` (include/uapi/linux/if_arp.h); null when unreadable. */
  readonly arphrd: number | null;
  /** DEVTYPE from `uevent` (wlan, bridge, vlan, bond, wireguard…); empty when the driver sets none. */
  readonly devtype: string;
  /** Target of the /sys/class/net/<if> link: software devices live under devices/virtual/. */
  readonly link: string | null;
  readonly hasWireless: boolean;
  readonly hasBridge: boolean;
  /** `tun_flags` exists only on tun/tap devices. */
  readonly hasTunFlags: boolean;
}

/** Kind and software-ness of an interface. */
export interface LinkClass {
  readonly type: InterfaceType;
  readonly virtual: boolean;
}

const ARPHRD_ETHER = 1;
const ARPHRD_LOOPBACK = 772;
// IPIP, IPv6-in-IPv6, SIT, GRE, IP6GRE, PPP, and NONE (tun, WireGuard): layer-3 tunnels and links.
const TUNNEL_ARPHRD = new Set([768, 769, 776, 778, 823, 512, 65534]);
const TUNNEL_DEVTYPES = new Set(['wireguard', 'ipip', 'gre', 'sit', 'vxlan', 'geneve']);

/** Classifies a Linux interface from its sysfs attributes. */
export function classifyLink(a: LinkClassInput): LinkClass {
  const virtual = a.link !== null && a.link.includes('/devices/virtual/');
  let type: InterfaceType;
  if (a.arphrd === ARPHRD_LOOPBACK) type = 'loopback';
  else if (a.hasWireless || a.devtype === 'wlan') type = 'wireless';
  else if (a.hasBridge || a.devtype === 'bridge') type = 'bridge';
  else if (
    a.hasTunFlags ||
    TUNNEL_DEVTYPES.has(a.devtype) ||
    (a.arphrd !== null && TUNNEL_ARPHRD.has(a.arphrd))
  )
    type = 'tunnel';
  else if (a.arphrd === ARPHRD_ETHER) type = virtual ? 'virtual' : 'ethernet';
  else type = 'other';
  return { type, virtual };
}

/** A MAC address worth reporting: null for none, or all zeros (loopback, tunnels). */
export function macOrNull(mac: string | null | undefined): string | null {
  const m = mac?.trim().toLowerCase() ?? '';
  return m === '' || /^[0:]+$/.test(m) ? null : m;
}

/** A positive integer from a sysfs attribute; null when absent, unreadable or a "not known" value like -1. */
export function positiveIntOrNull(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const n = Number(text.trim());
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Maps Node's view of an interface's addresses (os.networkInterfaces()) to the section's shape. */
export function addressesOf(infos: readonly NetworkInterfaceInfo[] | undefined): InterfaceAddress[] {
  return (infos ?? []).map((i) => ({
    address: i.address,
    family: i.family,
    netmask: i.netmask,
    cidr: i.cidr ?? null,
    scope_id: i.family === 'IPv6' ? i.scopeid : null,
  }));
}

/** The first MAC Node reports for an interface (fallback where sysfs has none). */
export function macFromNode(infos: readonly NetworkInterfaceInfo[] | undefined): string | null {
  for (const i of infos ?? []) {
    const m = macOrNull(i.mac);
    if (m) return m;
  }
  return null;
}
