import type { Systeminformation } from 'systeminformation';
import type { ListeningPort, PortsSection } from '../../../../shared/snapshot/metrics/ports.js';
import { sortAndDedupe } from './parse.js';

/** Peers netstat prints for an unconnected UDP socket (`*:*` on Windows, `*.*` on macOS). */
const NO_PEER = new Set(['', '*', '0.0.0.0', '::']);

/** The last path component: macOS gives the executable path, the schema wants a process name. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** One listening port from a systeminformation connection; null for connected or non-IP sockets. */
function toPort(
  c: Systeminformation.NetworkConnectionsData,
  names: ReadonlyMap<number, string>,
): ListeningPort | null {
  const proto = c.protocol.toLowerCase();
  const protocol = proto.startsWith('tcp') ? 'tcp' : proto.startsWith('udp') ? 'udp' : null;
  if (protocol === null) return null;
  if (protocol === 'tcp' ? c.state !== 'LISTEN' : !NO_PEER.has(c.peerAddress)) return null;
  const port = Number(c.localPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  // macOS names the family in the protocol (tcp4, tcp6, tcp46 = dual-stack), Windows in the address.
  const v6 = proto.endsWith('6') || c.localAddress.includes(':');
  const address = c.localAddress === '*' || c.localAddress === '' ? (v6 ? '::' : '0.0.0.0') : c.localAddress;
  const pid = Number.isInteger(c.pid) && c.pid > 0 ? c.pid : null;
  const name = c.process || (pid === null ? '' : (names.get(pid) ?? ''));
  return {
    protocol,
    family: v6 ? 'IPv6' : 'IPv4',
    address,
    port,
    pid,
    process: name ? baseName(name) : null,
  };
}

/** Maps si.networkConnections() (macOS netstat, Windows netstat -nao) onto the section. */
export function portsFromSystemInformation(
  conns: readonly Systeminformation.NetworkConnectionsData[],
  names: ReadonlyMap<number, string> = new Map(),
): PortsSection {
  const listening = conns.map((c) => toPort(c, names)).filter((p): p is ListeningPort => p !== null);
  return { listening: sortAndDedupe(listening), owners_visible: listening.every((p) => p.pid !== null) };
}
