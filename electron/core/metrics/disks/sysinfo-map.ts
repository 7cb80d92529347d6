import type { Systeminformation } from 'systeminformation';
import type { Filesystem } from '../../../../shared/snapshot/metrics/disks.js';
import type { DiskCounters } from './parse.js';

/** Name of the single I/O entry on macOS, where systeminformation only sums all disks. */
export const AGGREGATE_DEVICE = 'total';

// macOS lists devfs and the automounter's maps (`map auto_home`) among its mounts; neither holds data.
const SKIP_SOURCES = /^(devfs|map\s)/i;

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 10_000) / whole) / 100 : 0;
}

function bytes(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}

/**
 * Maps si.fsSize() (df on macOS, Win32_LogicalDisk on Windows) to filesystem entries. Inode counts are
 * not part of that output, so they are null; used_percent is recomputed the way the Linux path does.
 */
export function filesystemsFromFsSize(list: readonly Systeminformation.FsSizeData[]): Filesystem[] {
  const seen = new Set<string>();
  const out: Filesystem[] = [];
  for (const f of list) {
    if (!(f.size > 0) || SKIP_SOURCES.test(f.fs) || f.type.toLowerCase() === 'devfs' || seen.has(f.mount))
      continue;
    seen.add(f.mount);
    const used = bytes(f.used);
    const available = bytes(f.available);
    out.push({
      mountpoint: f.mount,
      device: f.fs,
      fstype: f.type,
      total_bytes: bytes(f.size),
      used_bytes: used,
      available_bytes: available,
      used_percent: percent(used, used + available),
      inodes_total: null,
      inodes_used: null,
      inodes_used_percent: null,
      read_only: f.rw === false,
    });
  }
  return out;
}

/**
 * Maps si.disksIO() (operations) and si.fsStats() (bytes) to one aggregate device: on macOS both sum
 * every disk from ioreg, and on Windows both are null, which leaves no I/O entry rather than zeros.
 */
export function countersFromSysinfo(
  io: Systeminformation.DisksIoData | null | undefined,
  fs: Systeminformation.FsStatsData | null | undefined,
): DiskCounters[] {
  if (!io || !fs) return [];
  const ok = [io.rIO, io.wIO, fs.rx, fs.wx].every((n) => Number.isFinite(n) && n >= 0);
  if (!ok) return [];
  return [
    {
      device: AGGREGATE_DEVICE,
      reads: io.rIO,
      writes: io.wIO,
      readBytes: fs.rx,
      writeBytes: fs.wx,
      ioTimeMs: null,
    },
  ];
}
