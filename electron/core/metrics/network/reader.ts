import { defineReader, type ReaderContext } from '../../snapshot/reader.js';
import { collectLinux, readNetSample } from './linux.js';
import { collectSysinfo, readSampleSysinfo } from './other.js';
import type { NetSample } from './parse.js';

function begin(ctx: ReaderContext): Promise<NetSample> {
  return ctx.platform === 'linux' ? readNetSample(ctx) : readSampleSysinfo(ctx);
}

/** The `network` section: interfaces with counters and rates over the window, default route, resolvers. */
export const reader = defineReader({
  section: 'network',
  // Linux needs a few ms; systeminformation on Windows runs PowerShell once per interface.
  timeoutMs: process.platform === 'win32' ? 15_000 : 5000,
  begin,
  collect: (ctx, start) => (ctx.platform === 'linux' ? collectLinux(ctx, start) : collectSysinfo(ctx, start)),
});
