import { defineReader, type ReaderContext } from '../../snapshot/reader.js';
import type { DiskSample } from './parse.js';
import { collectLinux, readDiskSample } from './linux.js';
import { collectSysinfo, readSampleSysinfo } from './other.js';

function begin(ctx: ReaderContext): Promise<DiskSample> {
  return ctx.platform === 'linux' ? readDiskSample(ctx) : readSampleSysinfo(ctx);
}

/** The `disks` section: mounted filesystems and block device I/O over the sampling window. */
export const reader = defineReader({
  section: 'disks',
  // Each statfs is bounded on its own (1.5 s); this only has to cover a slow network mount plus the
  // systeminformation path, which shells out on macOS and Windows.
  timeoutMs: 5000,
  begin,
  collect: (ctx, start) => (ctx.platform === 'linux' ? collectLinux(ctx, start) : collectSysinfo(ctx, start)),
});
