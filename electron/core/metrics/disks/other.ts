import { sleep } from '../../os/timeout.js';
import type { DisksSection } from '../../../../shared/snapshot/metrics/disks.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import type { ReaderContext } from '../../snapshot/reader.js';
import { diskIoEntries, type DiskSample } from './parse.js';
import { countersFromSysinfo, filesystemsFromFsSize } from './sysinfo-map.js';
import { monotonicMs } from '../../os/clock.js';

// systeminformation answers disksIO/fsStats calls less than 500 ms apart from a cache, which would make
// the counters of a short window identical; waiting out the rest of that keeps both ends fresh.
const SI_CACHE_MS = 550;
let lastReadAt = -Infinity;

/** Reads aggregate disk counters through systeminformation (macOS; Windows has none). */
export async function readSampleSysinfo(ctx: ReaderContext): Promise<DiskSample> {
  // systeminformation has no disk counters on Windows (both calls resolve null): skip the wait.
  if (ctx.platform === 'win32') return { atMs: monotonicMs(), devices: [] };
  const wait = lastReadAt + SI_CACHE_MS - monotonicMs();
  if (wait > 0) await sleep(wait, ctx.signal);
  const si = await loadSystemInformation();
  const [io, fs] = await Promise.all([si.disksIO(), si.fsStats()]);
  lastReadAt = monotonicMs();
  return { atMs: lastReadAt, devices: countersFromSysinfo(io, fs) };
}

/** The macOS/Windows section: si.fsSize for the filesystems, si counters diffed over the window. */
export async function collectSysinfo(
  ctx: ReaderContext,
  start: DiskSample | undefined,
): Promise<DisksSection> {
  const si = await loadSystemInformation();
  const [list, end] = await Promise.all([si.fsSize(), readSampleSysinfo(ctx)]);
  return { filesystems: filesystemsFromFsSize(list), io: diskIoEntries(end, start) };
}
