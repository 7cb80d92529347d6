import type { DiskIo } from '../../../../shared/snapshot/metrics/disks.js';
import { Fields, forEachLine } from '../../os/fields.js';

/** One line of /proc/<pid>/mountinfo, unescaped. */
export interface MountEntry {
  readonly id: number;
  readonly parentId: number;
  /** `major:minor` of the filesystem's device (anonymous `0:N` for network and virtual filesystems). */
  readonly devno: string;
  /** Directory of the filesystem that is mounted here (not `/` for bind mounts and btrfs subvolumes). */
  readonly root: string;
  readonly mountpoint: string;
  readonly fstype: string;
  readonly source: string;
  readonly readOnly: boolean;
}

// Kernel and memory-backed filesystems that hold no user data on a disk. tmpfs/devtmpfs/squashfs/overlay
// are left out as `df -x tmpfs -x devtmpfs -x squashfs -x overlay` would: RAM is the memory section's
// business, squashfs images (snaps) are always 100 % full, and overlays repeat their lower disk.
const PSEUDO_FSTYPES = new Set([
  'anon_inodefs',
  'autofs',
  'binfmt_misc',
  'bpf',
  'cgroup',
  'cgroup2',
  'configfs',
  'debugfs',
  'devfs',
  'devpts',
  'devtmpfs',
  'efivarfs',
  'fusectl',
  'fuse.gvfsd-fuse',
  'fuse.lxcfs',
  'fuse.portal',
  'fuse.snapfuse',
  'hugetlbfs',
  'mqueue',
  'nfsd',
  'nsfs',
  'pipefs',
  'proc',
  'pstore',
  'ramfs',
  'rootfs',
  'rpc_pipefs',
  'securityfs',
  'selinuxfs',
  'sockfs',
  'squashfs',
  'sysfs',
  'tmpfs',
  'tracefs',
  'usbfs',
]);

// Union filesystems: noise on a host, but the one and only root filesystem inside a container.
const UNION_FSTYPES = new Set(['overlay', 'aufs']);

// Btrfs subvolumes share one device number yet are distinct volumes users expect to see listed.
const SUBVOLUME_FSTYPES = new Set(['btrfs']);

/** Undoes the kernel's octal escapes (`\040` space, `\011` tab, `\012` newline, `\134` backslash). */
export function unescapeMountField(s: string): string {
  return s.includes('\\')
    ? s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)))
    : s;
}

/** Parses /proc/<pid>/mountinfo (proc(5)); malformed lines are skipped. */
export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split(' ');
    // Optional fields (shared:N, master:N…) vary in number; a lone `-` ends them.
    const sep = f.indexOf('-', 6);
    if (sep < 0 || f.length < sep + 3) continue;
    const [id, parentId, devno, root, mountpoint, opts] = f;
    if (!id || !parentId || !devno || root === undefined || mountpoint === undefined || opts === undefined)
      continue;
    const superOpts = f[sep + 3] ?? '';
    out.push({
      id: Number(id),
      parentId: Number(parentId),
      devno,
      root: unescapeMountField(root),
      mountpoint: unescapeMountField(mountpoint),
      fstype: f[sep + 1] ?? '',
      source: unescapeMountField(f[sep + 2] ?? ''),
      readOnly: hasOption(opts, 'ro') || hasOption(superOpts, 'ro'),
    });
  }
  return out;
}

function hasOption(opts: string, name: string): boolean {
  return opts.split(',').includes(name);
}

/** True for filesystems that are not worth reporting (kernel, memory-backed, union layers off `/`). */
export function isPseudoMount(m: MountEntry): boolean {
  if (UNION_FSTYPES.has(m.fstype)) return m.mountpoint !== '/';
  return PSEUDO_FSTYPES.has(m.fstype);
}

/**
 * The filesystems worth a statfs: pseudo filesystems out, mounts hidden under a later mount on the same
 * directory out (statfs would report the top one), and bind mounts folded into one entry per device and
 * source (btrfs: per subvolume), preferring as `df` does the mount nearest the device's root, then the
 * shortest mountpoint. The source stays in the key so distinct NFS exports sharing a superblock stay apart.
 */
export function selectFilesystems(mounts: readonly MountEntry[]): MountEntry[] {
  const byId = new Map(mounts.map((m) => [m.id, m]));
  const shadowed = new Set<number>();
  for (const m of mounts) {
    const parent = byId.get(m.parentId);
    if (parent && parent !== m && parent.mountpoint === m.mountpoint) shadowed.add(parent.id);
  }
  const chosen = new Map<string, MountEntry>();
  for (const m of mounts) {
    if (shadowed.has(m.id) || isPseudoMount(m)) continue;
    const key = SUBVOLUME_FSTYPES.has(m.fstype)
      ? `${m.devno}\0${m.source}\0${m.root}`
      : `${m.devno}\0${m.source}`;
    const prev = chosen.get(key);
    if (!prev || isBetterMount(m, prev)) chosen.set(key, m);
  }
  return [...chosen.values()];
}

function isBetterMount(m: MountEntry, than: MountEntry): boolean {
  if (m.root.length !== than.root.length) return m.root.length < than.root.length;
  return m.mountpoint.length < than.mountpoint.length;
}

/** Cumulative counters of one block device at one moment. */
export interface DiskCounters {
  readonly device: string;
  readonly reads: number;
  readonly writes: number;
  readonly readBytes: number;
  readonly writeBytes: number;
  /** Time the device had I/O in flight; null where the platform does not say. */
  readonly ioTimeMs: number | null;
}

/** Counters of every device, and when they were read (a monotonic clock, in ms). */
export interface DiskSample {
  readonly atMs: number;
  readonly devices: readonly DiskCounters[];
}

// /proc/diskstats counts in 512-byte sectors whatever the hardware sector size (Documentation/block/stat).
const SECTOR_BYTES = 512;

/** Parses /proc/diskstats (Documentation/admin-guide/iostats.rst); short lines are skipped. */
export function parseDiskstats(text: string): DiskCounters[] {
  const out: DiskCounters[] = [];
  const f = new Fields();
  // Read in place, line by line (the sampler parses this file every tick).
  forEachLine(text, (from, to) => {
    f.reset(text, from, to);
    if (!f.skip(3)) return; // major, minor, name
    const device = f.str();
    // Counters 1, 3, 5, 7 and 10 of Documentation/admin-guide/iostats.rst.
    const reads = f.nextNumber();
    f.next();
    const readSectors = f.nextNumber();
    f.next();
    const writes = f.nextNumber();
    f.next();
    const writeSectors = f.nextNumber();
    f.skip(2);
    const ioTimeMs = f.nextNumber();
    // Every kernel prints at least 11 counters (4.18+ 15, 5.5+ 17); fewer: not a device line.
    if (!f.next()) return;
    out.push({
      device,
      reads,
      readBytes: readSectors * SECTOR_BYTES,
      writes,
      writeBytes: writeSectors * SECTOR_BYTES,
      ioTimeMs,
    });
  });
  return out;
}

// Virtual block devices that exist by the dozen on many machines (snaps, zram, nbd) and only matter
// when something actually uses them.
const IDLE_NOISE = /^(loop|ram|zram|nbd|fd)\d+$/;

/**
 * Keeps whole devices (those listed in /sys/block; partitions are left out so nothing is counted twice)
 * and drops idle loop/ram-like devices.
 */
export function selectDevices(
  all: readonly DiskCounters[],
  wholeDevices: ReadonlySet<string>,
): DiskCounters[] {
  return all.filter(
    (d) => wholeDevices.has(d.device) && !(IDLE_NOISE.test(d.device) && d.reads === 0 && d.writes === 0),
  );
}

/** Per-second rate of a counter over `ms`; null when the counter went backwards (device reset or replaced). */
export function ratePerSecond(before: number, after: number, ms: number): number | null {
  if (!(ms > 0) || after < before) return null;
  return ((after - before) * 1000) / ms;
}

/** Turns the closing sample (and the opening one, if any) into the section's I/O entries. */
export function diskIoEntries(end: DiskSample, start: DiskSample | undefined): DiskIo[] {
  const before = new Map(start?.devices.map((d) => [d.device, d]));
  const ms = start ? end.atMs - start.atMs : 0;
  return end.devices.map((d) => {
    const b = before.get(d.device);
    const rate = (pick: (c: DiskCounters) => number): number | null =>
      b ? ratePerSecond(pick(b), pick(d), ms) : null;
    let busy: number | null = null;
    if (b && d.ioTimeMs !== null && b.ioTimeMs !== null && ms > 0 && d.ioTimeMs >= b.ioTimeMs) {
      // io_ticks advance in jiffies, so a sample may slightly exceed the wall-clock window.
      busy = Math.min(100, ((d.ioTimeMs - b.ioTimeMs) * 100) / ms);
    }
    return {
      device: d.device,
      reads: d.reads,
      writes: d.writes,
      read_bytes: d.readBytes,
      write_bytes: d.writeBytes,
      io_time_ms: d.ioTimeMs,
      reads_per_s: rate((c) => c.reads),
      writes_per_s: rate((c) => c.writes),
      read_bytes_per_s: rate((c) => c.readBytes),
      write_bytes_per_s: rate((c) => c.writeBytes),
      busy_percent: busy,
    };
  });
}
