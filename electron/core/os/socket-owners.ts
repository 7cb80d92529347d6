import { listProcDirSync, readProcLinkSync, yieldToEventLoop } from './proc-read.js';

/** Which process holds each socket inode, and whether some processes could not be looked into. */
export interface SocketOwners {
  /** inode → pid; a socket shared after fork() goes to the lowest pid, usually the parent. */
  readonly owners: ReadonlyMap<number, number>;
  /** Some /proc/[pid]/fd could not be listed or resolved (another user's process, not running as root). */
  readonly denied: boolean;
}

/** How many fd links to resolve between two yields to the event loop. */
const BATCH = 2048;

/**
 * Finds the owners of `wanted` socket inodes by resolving /proc/[pid]/fd links `socket:[inode]`, the
 * only per-socket owner record procfs has. This is the costly part of the ports section (one readlink
 * per open file on the machine), so it stops as soon as every wanted inode is found.
 */
export async function findSocketOwners(
  procRoot: string,
  pids: readonly number[],
  wanted: ReadonlySet<number>,
  signal?: AbortSignal,
): Promise<SocketOwners> {
  const remaining = new Set(wanted);
  const owners = new Map<number, number>();
  let denied = false;
  let work = 0;
  for (const pid of pids) {
    if (remaining.size === 0) break;
    const dir = `${procRoot}/${pid}/fd`;
    const listing = listProcDirSync(dir);
    if ('error' in listing) {
      if (listing.error === 'denied') denied = true;
      continue;
    }
    for (const fd of listing.names) {
      const link = readProcLinkSync(`${dir}/${fd}`);
      if ('error' in link) {
        // Sandboxes (seccomp, LSMs) can allow the listing yet refuse the links.
        if (link.error === 'denied') denied = true;
        continue;
      }
      if (!link.target.startsWith('socket:[')) continue;
      const inode = Number(link.target.slice(8, -1));
      if (remaining.delete(inode)) {
        owners.set(inode, pid);
        if (remaining.size === 0) break;
      }
    }
    work += listing.names.length + 1;
    if (work >= BATCH) {
      work = 0;
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
  }
  return { owners, denied };
}
