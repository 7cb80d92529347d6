import { z } from 'zod';
import { Bytes, Percent, Rate } from './common.js';

/** One mounted filesystem. */
export const Filesystem = z.object({
  mountpoint: z.string(),
  device: z.string(),
  fstype: z.string(),
  total_bytes: Bytes,
  used_bytes: Bytes,
  available_bytes: Bytes.describe('Space available to unprivileged users'),
  used_percent: Percent.describe('used / (used + available), as df computes it'),
  inodes_total: z.number().int().nonnegative().nullable(),
  inodes_used: z.number().int().nonnegative().nullable(),
  inodes_used_percent: Percent.nullable(),
  read_only: z.boolean(),
});
export type Filesystem = z.infer<typeof Filesystem>;

/** I/O counters of one block device, and rates over the window. */
export const DiskIo = z.object({
  device: z.string(),
  reads: z.number().int().nonnegative(),
  writes: z.number().int().nonnegative(),
  read_bytes: Bytes,
  write_bytes: Bytes,
  io_time_ms: z.number().int().nonnegative().nullable(),
  reads_per_s: Rate,
  writes_per_s: Rate,
  read_bytes_per_s: Rate,
  write_bytes_per_s: Rate,
  busy_percent: Percent.nullable(),
});
export type DiskIo = z.infer<typeof DiskIo>;

/** Mounted filesystems (pseudo filesystems left out) and block device I/O. */
export const DisksSection = z.object({
  filesystems: z.array(Filesystem),
  io: z.array(DiskIo),
});
export type DisksSection = z.infer<typeof DisksSection>;
