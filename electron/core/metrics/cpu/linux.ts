import { join } from 'node:path';
import type { CpuSection } from '../../../../shared/snapshot/metrics/cpu.js';
import type { ReaderContext } from '../../snapshot/reader.js';
import { listDir, readText } from '../../os/files.js';
import {
  type CpuInfo,
  type ProcStat,
  coresFromSiblingLists,
  khzToMhz,
  meanSpeed,
  parseCpuinfo,
  parseLoadavg,
  parseProcStat,
} from './parse.js';
import { usageFields } from './usage.js';

/** What never changes while the machine runs, looked up once per process (a sampler calls collect every 2 s). */
interface CpuStatic {
  model: string;
  vendor: string | null;
  physicalCores: number | null;
  speedMaxMhz: number | null;
}

const staticCache = new Map<string, Promise<CpuStatic>>();

async function physicalFromSysfs(sysRoot: string): Promise<number | null> {
  const base = join(sysRoot, 'devices/system/cpu');
  const cpus = (await listDir(base)).filter((n) => /^cpu\d+$/.test(n));
  const lists = await Promise.all(
    cpus.map(
      async (c) =>
        (await readText(join(base, c, 'topology/core_cpus_list'))) ??
        (await readText(join(base, c, 'topology/thread_siblings_list'))),
    ),
  );
  return coresFromSiblingLists(lists);
}

async function loadStatic(ctx: ReaderContext, info: CpuInfo): Promise<CpuStatic> {
  const [physical, maxKhz] = await Promise.all([
    info.physicalCores ?? physicalFromSysfs(ctx.sysRoot),
    readText(join(ctx.sysRoot, 'devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq')),
  ]);
  return { model: info.model, vendor: info.vendor, physicalCores: physical, speedMaxMhz: khzToMhz(maxKhz) };
}

function staticInfo(ctx: ReaderContext, info: CpuInfo): Promise<CpuStatic> {
  const key = `${ctx.procRoot}\0${ctx.sysRoot}`;
  let p = staticCache.get(key);
  if (!p) {
    p = loadStatic(ctx, info);
    staticCache.set(key, p);
  }
  return p;
}

/**
 * /proc/stat as read when the window closes, shared through ctx.memo so the cpu and host readers of one
 * snapshot read it once. Never use it from `begin`: that reading must be a fresh one.
 */
export function readProcStatAtCollect(ctx: ReaderContext): Promise<string | null> {
  return ctx.memo(`linux:proc-stat@collect:${ctx.procRoot}`, () => readText(join(ctx.procRoot, 'stat')));
}

/** /proc/cpuinfo as read once per snapshot: the cpu section (model, speeds) and host (hypervisor flag). */
export function readCpuinfoOnce(ctx: ReaderContext): Promise<string | null> {
  return ctx.memo(`linux:cpuinfo:${ctx.procRoot}`, () => readText(join(ctx.procRoot, 'cpuinfo')));
}

/** Reads the counters when the window opens: a fresh /proc/stat, never the memoised one. */
export async function beginLinux(ctx: ReaderContext): Promise<ProcStat | undefined> {
  const text = await readText(join(ctx.procRoot, 'stat'));
  return text === null ? undefined : parseProcStat(text);
}

/** The cpu section from procfs and sysfs alone; no child process. */
export async function collectLinux(ctx: ReaderContext, start: ProcStat | undefined): Promise<CpuSection> {
  const [statText, cpuinfoText, loadText] = await Promise.all([
    readProcStatAtCollect(ctx),
    readCpuinfoOnce(ctx),
    readText(join(ctx.procRoot, 'loadavg')),
  ]);
  if (statText === null) throw new Error(`cannot read ${join(ctx.procRoot, 'stat')}`);
  const stat = parseProcStat(statText);
  const info = parseCpuinfo(cpuinfoText ?? '');
  const fixed = await staticInfo(ctx, info);
  const logical = stat.cores.length || info.logicalCores || 1;
  const load = loadText === null ? null : parseLoadavg(loadText);
  return {
    model: fixed.model,
    vendor: fixed.vendor,
    physical_cores: Math.min(fixed.physicalCores ?? logical, logical),
    logical_cores: logical,
    speed_mhz: meanSpeed(info.speedsMhz),
    speed_max_mhz: fixed.speedMaxMhz,
    ...usageFields(ctx.windowMs > 0 ? start : undefined, stat),
    load_1: load?.[0] ?? null,
    load_5: load?.[1] ?? null,
    load_15: load?.[2] ?? null,
  };
}
