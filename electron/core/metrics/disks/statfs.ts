import { statfsSync, type StatsFs } from 'node:fs';
import { statfs } from '../../os/fs-async.js';
import type { Filesystem } from '../../../../shared/snapshot/metrics/disks.js';

/** What a filesystem entry needs besides the numbers statfs gives. */
export interface MountIdentity {
  readonly mountpoint: string;
  readonly device: string;
  readonly fstype: string;
  readonly readOnly: boolean;
}

/** The subset of statfs(2) the section uses (sizes in `bsize` units). */
export type FsStats = Pick<StatsFs, 'bsize' | 'blocks' | 'bfree' | 'bavail' | 'files' | 'ffree'>;

// A statfs on a dead NFS server blocks its libuv thread until the server answers, and cannot be
// cancelled. Remembering the pending call means repeated snapshots (the tray's sampler) wait on the
// same call instead of parking one more of libuv's four threads on it each time.
const pending = new Map<string, Promise<FsStats | null>>();

/** statfs of `path`, or null when it fails, does not answer within `timeoutMs`, or `signal` aborts. */
export function boundedStatfs(path: string, timeoutMs: number, signal: AbortSignal): Promise<FsStats | null> {
  let call = pending.get(path);
  if (!call) {
    call = statfs(path).then(
      (s) => s,
      () => null,
    );
    const settled = call;
    pending.set(path, call);
    void settled.finally(() => {
      if (pending.get(path) === settled) pending.delete(path);
    });
  }
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (v: FsStats | null): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    };
    const onAbort = (): void => done(null);
    const timer = setTimeout(onAbort, timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    void call.then(done);
  });
}

/**
 * Filesystems whose statfs(2) the kernel answers from its own in-memory accounting, without asking a
 * server or a user-space daemon. Network filesystems (nfs, cifs, ceph, ...) and FUSE (sshfs, rclone)
 * can block for as long as the other end takes, so they stay on the thread pool behind a timeout.
 */
const LOCAL_FSTYPES: ReadonlySet<string> = new Set([
  'ext2',
  'ext3',
  'ext4',
  'xfs',
  'btrfs',
  'bcachefs',
  'f2fs',
  'jfs',
  'reiserfs',
  'nilfs2',
  'zfs',
  'vfat',
  'exfat',
  'ntfs',
  'ntfs3',
  'hfsplus',
  'iso9660',
  'udf',
  'squashfs',
  'erofs',
  'overlay',
  'tmpfs',
  'ramfs',
  'devtmpfs',
]);

/**
 * statfs of a mount: synchronous for local filesystems (microseconds, and no thread-pool round trip
 * on every sampler refresh), bounded and on the thread pool for everything else.
 */
export function mountStatfs(
  mount: { readonly mountpoint: string; readonly fstype: string },
  timeoutMs: number,
  signal: AbortSignal,
): Promise<FsStats | null> {
  if (!LOCAL_FSTYPES.has(mount.fstype)) return boundedStatfs(mount.mountpoint, timeoutMs, signal);
  try {
    return Promise.resolve(statfsSync(mount.mountpoint));
  } catch {
    return Promise.resolve(null);
  }
}

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 10_000) / whole) / 100 : 0;
}

/** Builds a filesystem entry from statfs numbers; null for filesystems with no blocks (nothing to report). */
export function filesystemEntry(id: MountIdentity, s: FsStats): Filesystem | null {
  if (!(s.blocks > 0)) return null;
  const total = s.blocks * s.bsize;
  // bfree includes the root-reserved blocks, bavail does not: `df` reports used from the former and
  // available from the latter, so used + available < total whenever blocks are reserved.
  const used = Math.max(0, s.blocks - s.bfree) * s.bsize;
  const available = s.bavail * s.bsize;
  const hasInodes = s.files > 0;
  const inodesUsed = Math.max(0, s.files - s.ffree);
  return {
    mountpoint: id.mountpoint,
    device: id.device,
    fstype: id.fstype,
    total_bytes: total,
    used_bytes: used,
    available_bytes: available,
    used_percent: percent(used, used + available),
    inodes_total: hasInodes ? s.files : null,
    inodes_used: hasInodes ? inodesUsed : null,
    inodes_used_percent: hasInodes ? percent(inodesUsed, s.files) : null,
    read_only: id.readOnly,
  };
}
