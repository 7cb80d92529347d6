import { join } from 'node:path';
import type { DisksSection, Filesystem } from '../../../../shared/snapshot/metrics/disks.js';
import { listDirSync } from '../../os/files.js';
import { readProcFileSync } from '../../os/proc-read.js';
import type { ReaderContext } from '../../snapshot/reader.js';
import {
  diskIoEntries,
  parseDiskstats,
  parseMountinfo,
  selectDevices,
  selectFilesystems,
  type DiskSample,
  type MountEntry,
} from './parse.js';
import { filesystemEntry, mountStatfs } from './statfs.js';
import { monotonicMs } from '../../os/clock.js';

// Long enough for a slow but alive NFS/SMB server, short enough that a dead one does not eat the
// section's whole timeout.
const STATFS_TIMEOUT_MS = 1500;

/** Reads the I/O counters of the whole block devices (procfs and sysfs only, no child process). */
export async function readDiskSample(ctx: ReaderContext): Promise<DiskSample> {
  const stats = readProcFileSync(join(ctx.procRoot, 'diskstats'));
  const block = listDirSync(join(ctx.sysRoot, 'block'));
  const atMs = monotonicMs();
  return { atMs, devices: selectDevices(parseDiskstats(stats ?? ''), new Set(block)) };
}

// Device names behind `major:minor` never change while the machine runs.
const deviceNames = new Map<string, string | null>();

/** The source to show: the kernel's name for the device when mountinfo only says `/dev/root`. */
function deviceOf(ctx: ReaderContext, m: MountEntry): string {
  if (m.source !== '/dev/root') return m.source;
  const key = `${ctx.sysRoot}\0${m.devno}`;
  if (!deviceNames.has(key)) {
    const uevent = readProcFileSync(join(ctx.sysRoot, 'dev', 'block', m.devno, 'uevent'));
    const name = /^DEVNAME=(.+)$/m.exec(uevent ?? '')?.[1] ?? null;
    deviceNames.set(key, name ? `/dev/${name}` : null);
  }
  return deviceNames.get(key) ?? m.source;
}

/**
 * Mounted filesystems with their sizes; ones whose statfs fails or hangs are left out. mountinfo and
 * sysfs are read synchronously, as procfs is elsewhere (see os/proc-read.ts).
 */
export async function readFilesystems(ctx: ReaderContext): Promise<Filesystem[]> {
  const text = readProcFileSync(join(ctx.procRoot, 'self', 'mountinfo'));
  const mounts = selectFilesystems(parseMountinfo(text ?? ''));
  const entries = await Promise.all(
    mounts.map(async (m) => {
      const stats = await mountStatfs(m, STATFS_TIMEOUT_MS, ctx.signal);
      const device = deviceOf(ctx, m);
      if (!stats) return null;
      return filesystemEntry(
        { mountpoint: m.mountpoint, device, fstype: m.fstype, readOnly: m.readOnly },
        stats,
      );
    }),
  );
  return entries.filter((e): e is Filesystem => e !== null);
}

/** The Linux section: statfs per mount, and block device counters diffed against the window's start. */
export async function collectLinux(ctx: ReaderContext, start: DiskSample | undefined): Promise<DisksSection> {
  const [filesystems, end] = await Promise.all([readFilesystems(ctx), readDiskSample(ctx)]);
  return { filesystems, io: diskIoEntries(end, start) };
}
