import os from 'node:os';
import type { CpuSection } from '../../../../shared/snapshot/metrics/cpu.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { type ReaderContext, defineReader } from '../../snapshot/reader.js';
import { beginLinux, collectLinux } from './linux.js';
import type { ProcStat } from './parse.js';
import { type NodeCpu, type SiCpu, cpuFromSi } from './si.js';

/** Counters read when the window opens, in the shape of the path that read them. */
type CpuStart = { kind: 'linux'; stat: ProcStat } | { kind: 'node'; cpus: NodeCpu[] };

let siCpu: Promise<SiCpu> | undefined;

// si.cpu() spawns sysctl / PowerShell; the processor does not change, so ask once per process.
function staticSiCpu(): Promise<SiCpu> {
  siCpu ??= loadSystemInformation()
    .then((si) => si.cpu())
    .catch((err: unknown) => {
      siCpu = undefined;
      throw err;
    });
  return siCpu;
}

async function begin(ctx: ReaderContext): Promise<CpuStart | undefined> {
  if (ctx.platform === 'linux') {
    const stat = await beginLinux(ctx);
    return stat && { kind: 'linux', stat };
  }
  // Warm the static lookup while the window is open, so collect does not wait for it.
  staticSiCpu().catch(() => undefined);
  return { kind: 'node', cpus: os.cpus() };
}

async function collect(ctx: ReaderContext, start: CpuStart | undefined): Promise<CpuSection> {
  if (ctx.platform === 'linux') return collectLinux(ctx, start?.kind === 'linux' ? start.stat : undefined);
  const cpu = await staticSiCpu();
  return cpuFromSi({
    platform: ctx.platform,
    windowMs: ctx.windowMs,
    cpu,
    now: os.cpus(),
    start: start?.kind === 'node' ? start.cpus : undefined,
    loadavg: os.loadavg(),
  });
}

/** Processor model, usage over the shared window and load averages. */
export const reader = defineReader({
  section: 'cpu',
  // PowerShell behind si.cpu() can take seconds on a cold Windows machine.
  timeoutMs: process.platform === 'win32' ? 10_000 : 3000,
  begin,
  collect,
});
