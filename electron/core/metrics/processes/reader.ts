import { availableParallelism } from 'node:os';
import { siProcesses } from '../../os/si-shared.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { defineReader } from '../../snapshot/reader.js';
import { beginLinux, collectLinux, type LinuxStart } from './linux.js';
import { processesFromSystemInformation } from './sysinfo-map.js';

/** What `begin` leaves for `collect`: CPU counters on Linux, a marker that si has its baseline elsewhere. */
type Start = LinuxStart | { readonly kind: 'si' };

/** The `processes` section: counts by state, zombies, and the top N by CPU and by memory. */
export const reader = defineReader<'processes', Start>({
  section: 'processes',
  // Windows answers through PowerShell/WMI, which takes seconds on a cold start.
  timeoutMs: 10_000,
  async begin(ctx) {
    if (ctx.platform === 'linux') return beginLinux(ctx);
    // systeminformation computes Windows CPU from the delta since its previous call, so calling it now
    // makes the call at close cover the window. Not memoised: that promise must be the one at close.
    if (ctx.platform === 'win32') await (await loadSystemInformation()).processes();
    return { kind: 'si' };
  },
  async collect(ctx, start) {
    if (ctx.platform === 'linux') return collectLinux(ctx, start?.kind === 'proc' ? start : undefined);
    return processesFromSystemInformation(await siProcesses(ctx), {
      platform: ctx.platform,
      topN: ctx.topN,
      cpuCount: availableParallelism(),
      // macOS's ps %cpu is a decaying average since start, not a window figure.
      cpuBasis: ctx.platform === 'win32' && start ? 'window' : 'lifetime',
    });
  },
});
