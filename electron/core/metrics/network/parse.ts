import { Fields, forEachLine } from '../../os/fields.js';

/** Cumulative traffic counters of one interface. */
export interface NetCounters {
  readonly rxBytes: number;
  readonly txBytes: number;
  /** Null where the platform does not count packets (systeminformation's macOS/Windows output). */
  readonly rxPackets: number | null;
  readonly txPackets: number | null;
  readonly rxErrors: number;
  readonly txErrors: number;
  readonly rxDropped: number;
  readonly txDropped: number;
}

/** Counters of every interface by name, and when they were read (a monotonic clock, in ms). */
export interface NetSample {
  readonly atMs: number;
  readonly counters: ReadonlyMap<string, NetCounters>;
}

/** The route traffic to the internet takes. */
export interface DefaultRoute {
  readonly gateway: string | null;
  readonly iface: string;
}

/** Parses /proc/net/dev: two header lines, then `name: 8 receive and 8 transmit counters`. */
export function parseNetDev(text: string): Map<string, NetCounters> {
  const out = new Map<string, NetCounters>();
  const f = new Fields();
  const v = new Float64Array(16);
  // Read in place, line by line (the sampler parses this file every tick).
  forEachLine(text, (from, to) => {
    const colon = text.indexOf(':', from);
    if (colon < 0 || colon >= to) return;
    f.reset(text, colon + 1, to);
    let n = 0;
    while (f.next()) {
      const x = f.number();
      if (!Number.isFinite(x)) return;
      if (n < v.length) v[n] = x;
      n++;
    }
    if (n < 16) return;
    out.set(text.slice(from, colon).trim(), {
      rxBytes: v[0]!,
      rxPackets: v[1]!,
      rxErrors: v[2]!,
      rxDropped: v[3]!,
      txBytes: v[8]!,
      txPackets: v[9]!,
      txErrors: v[10]!,
      txDropped: v[11]!,
    });
  });
  return out;
}

/** Dotted IPv4 from the kernel's hex notation, which is the address's bytes in host (little-endian) order. */
export function ipv4FromHexLE(hex: string): string {
  const n = parseInt(hex, 16);
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff].join('.');
}

/** RFC 5952 text of an IPv6 address given as 32 hex digits (network order, as in /proc/net/ipv6_route). */
export function ipv6FromHex(hex: string): string {
  const groups: string[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(parseInt(hex.slice(i, i + 4), 16).toString(16));
  // Compress the longest run of two or more zero groups (the first one on a tie).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

// <linux/route.h>
const RTF_UP = 0x1;
const RTF_GATEWAY = 0x2;
const RTF_REJECT = 0x200;

/** The IPv4 default route with the lowest metric from /proc/net/route; null when there is none. */
export function parseRoute(text: string): DefaultRoute | null {
  let best: { route: DefaultRoute; metric: number } | null = null;
  for (const line of text.split('\n').slice(1)) {
    const [iface, dest, gateway, flagsHex, , , metric, mask] = line.trim().split(/\s+/);
    if (!iface || !gateway || dest !== '00000000' || mask !== '00000000') continue;
    const flags = parseInt(flagsHex ?? '0', 16);
    if (!(flags & RTF_UP) || flags & RTF_REJECT) continue;
    const m = Number(metric ?? 0);
    if (best && best.metric <= m) continue;
    best = { route: { iface, gateway: flags & RTF_GATEWAY ? ipv4FromHexLE(gateway) : null }, metric: m };
  }
  return best?.route ?? null;
}

/** The IPv6 default route (`::/0`) with the lowest metric from /proc/net/ipv6_route; null when none. */
export function parseIpv6Route(text: string): DefaultRoute | null {
  let best: { route: DefaultRoute; metric: number } | null = null;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [dest, prefix, , , nextHop, metricHex, , , flagsHex, iface] = f;
    if (dest !== '0'.repeat(32) || prefix !== '00' || !nextHop || !iface) continue;
    const flags = parseInt(flagsHex ?? '0', 16);
    // The kernel keeps an unreachable ::/0 on `lo` as the catch-all: flagged reject, never a way out.
    if (!(flags & RTF_UP) || flags & RTF_REJECT) continue;
    const metric = parseInt(metricHex ?? '0', 16);
    if (best && best.metric <= metric) continue;
    best = { route: { iface, gateway: flags & RTF_GATEWAY ? ipv6FromHex(nextHop) : null }, metric };
  }
  return best?.route ?? null;
}

/** Nameserver addresses from resolv.conf(5), in order, without duplicates. */
export function parseResolvConf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const m = /^nameserver\s+(\S+)/.exec(line);
    if (m?.[1] && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** Per-second rate of a counter over `ms`; null when it went backwards (interface re-created, wrap). */
export function ratePerSecond(before: number, after: number, ms: number): number | null {
  if (!(ms > 0) || after < before) return null;
  return ((after - before) * 1000) / ms;
}
