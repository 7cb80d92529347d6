import type { ListeningPort } from '../../../../shared/snapshot/metrics/ports.js';

/** One socket line of /proc/net/{tcp,tcp6,udp,udp6} that is listening (TCP) or bound and unconnected (UDP). */
export interface ProcSocket {
  readonly protocol: 'tcp' | 'udp';
  readonly family: 'IPv4' | 'IPv6';
  readonly address: string;
  readonly port: number;
  /** Socket inode, matched against /proc/[pid]/fd links `socket:[inode]`; 0 when orphaned. */
  readonly inode: number;
}

/** TCP_LISTEN and TCP_CLOSE from include/net/tcp_states.h: an unconnected bound UDP socket reports CLOSE. */
const WANTED_STATE = { tcp: '0A', udp: '07' } as const;

/** Two hex digits at `i` as a byte. */
function hexByte(hex: string, i: number): number {
  return parseInt(hex.slice(i, i + 2), 16);
}

/**
 * The bytes of an address as the kernel printed it: each 32-bit word in host byte order, so on
 * little-endian machines every group of four bytes comes out reversed.
 */
function addressBytes(hex: string, littleEndian: boolean): number[] {
  const bytes: number[] = [];
  for (let w = 0; w < hex.length; w += 8) {
    const word = [0, 2, 4, 6].map((i) => hexByte(hex, w + i));
    bytes.push(...(littleEndian ? word.reverse() : word));
  }
  return bytes;
}

/** Dotted quad from four bytes. */
function dotted(b: number[]): string {
  return b.join('.');
}

/** RFC 5952 text for 16 bytes: lowercase, longest run of two or more zero groups as `::`, mapped IPv4 dotted. */
export function formatIPv6(b: number[]): string {
  if (b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) {
    return `::ffff:${dotted(b.slice(12, 16))}`;
  }
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Decodes the kernel's hex address (8 digits for IPv4, 32 for IPv6) to its text form. */
export function decodeHexAddress(hex: string, littleEndian: boolean): string | null {
  if (!/^[0-9A-Fa-f]+$/.test(hex)) return null;
  if (hex.length === 8) return dotted(addressBytes(hex, littleEndian));
  if (hex.length === 32) return formatIPv6(addressBytes(hex, littleEndian));
  return null;
}

/** The listening (TCP) or bound (UDP) sockets of one /proc/net table. */
export function parseProcNet(
  text: string,
  protocol: 'tcp' | 'udp',
  family: 'IPv4' | 'IPv6',
  littleEndian: boolean,
): ProcSocket[] {
  const out: ProcSocket[] = [];
  // Line 0 is the header; columns: sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || f[3] !== WANTED_STATE[protocol]) continue;
    const [addrHex, portHex] = (f[1] ?? '').split(':');
    const address = decodeHexAddress(addrHex ?? '', littleEndian);
    const port = parseInt(portHex ?? '', 16);
    if (address === null || !Number.isInteger(port)) continue;
    out.push({ protocol, family, address, port, inode: Number(f[9]) || 0 });
  }
  return out;
}

/** Drops exact duplicates (SO_REUSEPORT sockets of one process) and sorts by protocol, port, address. */
export function sortAndDedupe(ports: readonly ListeningPort[]): ListeningPort[] {
  const seen = new Map<string, ListeningPort>();
  for (const p of ports) seen.set(`${p.protocol}|${p.family}|${p.address}|${p.port}|${p.pid ?? ''}`, p);
  return [...seen.values()].sort(
    (a, b) =>
      cmp(a.protocol, b.protocol) ||
      a.port - b.port ||
      cmp(a.address, b.address) ||
      cmp(a.family, b.family) ||
      (a.pid ?? -1) - (b.pid ?? -1),
  );
}

/** Locale-independent string order, so the list sorts the same on every machine. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
