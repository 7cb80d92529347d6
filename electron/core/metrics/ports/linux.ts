import { endianness } from 'node:os';
import type { PortsSection } from '../../../../shared/snapshot/metrics/ports.js';
import type { ReaderContext } from '../../snapshot/reader.js';
import { isKernelThread } from '../../os/proc-parse.js';
import { readFileAsync } from '../../os/proc-read.js';
import { sharedProcTable } from '../../os/proc-table.js';
import { findSocketOwners } from '../../os/socket-owners.js';
import { parseProcNet, sortAndDedupe, type ProcSocket } from './parse.js';

/** The four socket tables and what each holds. */
const TABLES = [
  { file: 'tcp', protocol: 'tcp', family: 'IPv4' },
  { file: 'tcp6', protocol: 'tcp', family: 'IPv6' },
  { file: 'udp', protocol: 'udp', family: 'IPv4' },
  { file: 'udp6', protocol: 'udp', family: 'IPv6' },
] as const;

/** Listening and bound sockets of this network namespace, from /proc/net. */
export async function readProcNetSockets(procRoot: string): Promise<ProcSocket[]> {
  // Read through the thread pool, unlike the per-pid files: on a busy server these tables run to
  // megabytes and the kernel takes a while to render them.
  const texts = await Promise.all(TABLES.map((t) => readFileAsync(`${procRoot}/net/${t.file}`)));
  const littleEndian = endianness() === 'LE';
  return TABLES.flatMap((t, i) => {
    const text = texts[i];
    return text ? parseProcNet(text, t.protocol, t.family, littleEndian) : [];
  });
}

/** Builds the section: sockets from /proc/net, owners from the fd links of the shared process table. */
async function readListening(ctx: ReaderContext): Promise<PortsSection> {
  const [sockets, table] = await Promise.all([readProcNetSockets(ctx.procRoot), sharedProcTable(ctx)]);
  const wanted = new Set(sockets.map((s) => s.inode).filter((i) => i > 0));
  // Kernel threads and zombies hold no open files: skipping them saves a readdir each.
  const pids = table.entries.filter((e) => e.state !== 'Z' && !isKernelThread(e)).map((e) => e.pid);
  const { owners, denied } = await findSocketOwners(ctx.procRoot, pids, wanted, ctx.signal);
  const listening = sockets.map((s) => {
    const pid = owners.get(s.inode) ?? null;
    const process = pid === null ? null : (table.byPid.get(pid)?.comm ?? null);
    return { protocol: s.protocol, family: s.family, address: s.address, port: s.port, pid, process };
  });
  const allFound = sockets.every((s) => owners.has(s.inode));
  return { listening: sortAndDedupe(listening), owners_visible: allFound || !denied };
}

/** The ports section, computed once per snapshot so any reader that wants it (services) shares the fd scan. */
export function listeningSockets(ctx: ReaderContext): Promise<PortsSection> {
  return ctx.memo(`ports:listening:${ctx.procRoot}`, () => readListening(ctx));
}
