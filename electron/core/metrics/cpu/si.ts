import type { Systeminformation } from 'systeminformation';
import type { CpuSection } from '../../../../shared/snapshot/metrics/cpu.js';
import { meanSpeed } from './parse.js';
import { type CpuSample, type CpuTicks, sumTicks, usageFields } from './usage.js';

/** The fields of systeminformation's `cpu()` this section uses (speeds are in GHz there). */
export type SiCpu = Pick<
  Systeminformation.CpuData,
  'manufacturer' | 'brand' | 'speed' | 'speedMax' | 'cores' | 'physicalCores'
>;

/** One entry of Node's `os.cpus()` (times in ms). */
export interface NodeCpu {
  model: string;
  speed: number;
  times: { user: number; nice: number; sys: number; idle: number; irq: number };
}

/**
 * Node's per-core times as counters. Windows counts interrupt time inside kernel time, so it is taken out
 * of `system` (as systeminformation does); macOS has no irq counter (always 0), so it is reported unknown.
 */
export function ticksFromNodeCpu(cpu: NodeCpu, platform: NodeJS.Platform): CpuTicks {
  const t = cpu.times;
  return {
    user: t.user,
    nice: t.nice,
    system: platform === 'win32' ? Math.max(0, t.sys - t.irq) : t.sys,
    idle: t.idle,
    iowait: null,
    irq: platform === 'darwin' ? null : t.irq,
    softirq: null,
    steal: null,
    guest: null,
  };
}

/** os.cpus() as a counter sample. */
export function sampleFromNodeCpus(cpus: readonly NodeCpu[], platform: NodeJS.Platform): CpuSample {
  const cores = cpus.map((c, id) => ({ id, ticks: ticksFromNodeCpu(c, platform) }));
  return { all: sumTicks(cores.map((c) => c.ticks)), cores };
}

/** Everything `cpuFromSi` needs, gathered by the reader. */
export interface SiCpuInput {
  platform: NodeJS.Platform;
  windowMs: number;
  cpu: SiCpu;
  /** os.cpus() when the window closed. */
  now: readonly NodeCpu[];
  /** os.cpus() when the window opened; undefined for a 0 window. */
  start: readonly NodeCpu[] | undefined;
  /** os.loadavg(). */
  loadavg: readonly number[];
}

/**
 * Maps systeminformation's cpu() plus Node's counters to the cpu section. Usage comes from os.cpus() rather
 * than si.currentLoad(), which reads the same counters but keeps one global "previous" reading and
 * throttles calls closer than 200 ms.
 */
export function cpuFromSi(input: SiCpuInput): CpuSection {
  const { cpu, now, platform } = input;
  const logical = now.length || cpu.cores || 1;
  const physical = Math.min(cpu.physicalCores || logical, logical);
  const manufacturer = cpu.manufacturer.trim();
  const brand = cpu.brand.trim();
  const model = brand.startsWith(manufacturer) ? brand : `${manufacturer} ${brand}`.trim();
  // Apple silicon makes Node report the 24 MHz timebase as every core's speed; ignore such values.
  const nodeSpeed = meanSpeed(now.map((c) => c.speed).filter((s) => s >= 100));
  const siSpeed = cpu.speed > 0 ? Math.round(cpu.speed * 1000) : null;
  const noLoad = platform === 'win32' || input.loadavg.length < 3;
  const load = (i: number): number | null => (noLoad ? null : Math.max(0, input.loadavg[i] ?? 0));
  const start = input.windowMs > 0 && input.start ? sampleFromNodeCpus(input.start, platform) : undefined;
  return {
    model: model || 'unknown',
    vendor: manufacturer || null,
    physical_cores: physical,
    logical_cores: logical,
    speed_mhz: nodeSpeed ?? siSpeed,
    speed_max_mhz: cpu.speedMax > 0 ? Math.round(cpu.speedMax * 1000) : null,
    ...usageFields(start, sampleFromNodeCpus(now, platform)),
    load_1: load(0),
    load_5: load(1),
    load_15: load(2),
  };
}
