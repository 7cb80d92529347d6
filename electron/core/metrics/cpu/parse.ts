import type { CpuSample, CpuTicks } from './usage.js';

/** What /proc/cpuinfo says about the processor. */
export interface CpuInfo {
  model: string;
  vendor: string | null;
  /** Unique (physical id, core id) pairs; null when the kernel does not list them (most ARM kernels). */
  physicalCores: number | null;
  /** Number of `processor` entries. */
  logicalCores: number;
  /** Current clock of each logical CPU that reports one (x86 "cpu MHz"). */
  speedsMhz: number[];
  /** The `hypervisor` CPUID flag, which mainstream hypervisors set for their guests. */
  hypervisor: boolean;
}

// vendor_id is a CPUID signature, not a name people recognise.
const X86_VENDORS: Readonly<Record<string, string>> = {
  GenuineIntel: 'Intel',
  AuthenticAMD: 'AMD',
  HygonGenuine: 'Hygon',
  CentaurHauls: 'Centaur',
  '  Shanghai  ': 'Zhaoxin',
};

// arm64 kernels only give the JEDEC implementer code.
const ARM_IMPLEMENTERS: Readonly<Record<string, string>> = {
  '0x41': 'ARM',
  '0x42': 'Broadcom',
  '0x43': 'Cavium',
  '0x46': 'Fujitsu',
  '0x48': 'HiSilicon',
  '0x4e': 'NVIDIA',
  '0x50': 'Applied Micro',
  '0x51': 'Qualcomm',
  '0x61': 'Apple',
  '0x6d': 'Microsoft',
  '0xc0': 'Ampere',
};

// Where other architectures put a model string, most specific first.
const MODEL_KEYS = ['model name', 'cpu model', 'Model', 'Hardware', 'cpu'] as const;

/** Parses /proc/cpuinfo (x86, ARM, POWER, MIPS layouts). */
export function parseCpuinfo(text: string): CpuInfo {
  const first = new Map<string, string>();
  const cores = new Set<string>();
  const speeds: number[] = [];
  let logical = 0;
  let physicalId: string | null = null;
  let coreId: string | null = null;
  let hypervisor = false;
  const flush = (): void => {
    if (physicalId !== null && coreId !== null) cores.add(`${physicalId}:${coreId}`);
    physicalId = null;
    coreId = null;
  };
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (key === 'processor') {
      flush();
      logical++;
    } else if (key === 'physical id') physicalId = value;
    else if (key === 'core id') coreId = value;
    else if (key === 'cpu MHz') {
      const mhz = Number(value);
      if (value !== '' && Number.isFinite(mhz) && mhz > 0) speeds.push(mhz);
    } else if (key === 'flags' && !hypervisor) hypervisor = value.split(' ').includes('hypervisor');
    if (!first.has(key)) first.set(key, value);
  }
  flush();
  const rawVendor = first.get('vendor_id');
  const implementer = first.get('CPU implementer')?.toLowerCase();
  const vendor =
    (rawVendor !== undefined ? (X86_VENDORS[rawVendor] ?? rawVendor) : null) ??
    (implementer !== undefined ? (ARM_IMPLEMENTERS[implementer] ?? null) : null);
  let model: string | undefined;
  for (const k of MODEL_KEYS) {
    const v = first.get(k);
    if (v) {
      model = v;
      break;
    }
  }
  return {
    model: model ?? (vendor ? `${vendor} processor` : 'unknown'),
    vendor: vendor || null,
    physicalCores: cores.size > 0 ? cores.size : null,
    logicalCores: logical,
    speedsMhz: speeds,
    hypervisor,
  };
}

/** Mean clock rounded to 0.1 MHz, or null when no CPU reports one. */
export function meanSpeed(speeds: readonly number[]): number | null {
  if (speeds.length === 0) return null;
  return Math.round((speeds.reduce((a, b) => a + b, 0) / speeds.length) * 10) / 10;
}

/** /proc/stat parsed: the cpu lines and the boot time. */
export interface ProcStat extends CpuSample {
  /** Boot time in seconds since the epoch (`btime`). */
  btime: number | null;
}

function ticksOf(fields: readonly string[]): CpuTicks {
  // Older kernels print fewer columns: iowait arrived in 2.5.41, steal in 2.6.11, guest in 2.6.24.
  const n = (i: number): number | null => {
    const s = fields[i];
    if (s === undefined) return null;
    const v = Number(s);
    return Number.isFinite(v) ? v : null;
  };
  const guest = n(9);
  const guestNice = n(10);
  return {
    user: n(1) ?? 0,
    nice: n(2) ?? 0,
    system: n(3) ?? 0,
    idle: n(4) ?? 0,
    iowait: n(5),
    irq: n(6),
    softirq: n(7),
    steal: n(8),
    guest: guest === null ? null : guest + (guestNice ?? 0),
  };
}

/** Parses the `cpu`, `cpuN` and `btime` lines of /proc/stat. */
export function parseProcStat(text: string): ProcStat {
  let all: CpuTicks | null = null;
  const cores: ProcStat['cores'] = [];
  let btime: number | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('cpu')) {
      const fields = line.trim().split(/\s+/);
      const name = fields[0] ?? '';
      if (name === 'cpu') all = ticksOf(fields);
      else {
        const id = Number(name.slice(3));
        if (Number.isInteger(id)) cores.push({ id, ticks: ticksOf(fields) });
      }
    } else if (line.startsWith('btime ')) {
      const v = Number(line.slice(6).trim());
      if (Number.isFinite(v) && v > 0) btime = v;
    }
  }
  if (!all) throw new Error('/proc/stat has no cpu line');
  return { all, cores, btime };
}

/** The three load averages of /proc/loadavg, or null when the text is not one. */
export function parseLoadavg(text: string): [number, number, number] | null {
  const [a, b, c] = text.trim().split(/\s+/).map(Number);
  if (a === undefined || b === undefined || c === undefined) return null;
  if (![a, b, c].every((v) => Number.isFinite(v) && v >= 0)) return null;
  return [a, b, c];
}

/** A sysfs frequency in kHz (cpuinfo_max_freq) as MHz; null when absent or zero. */
export function khzToMhz(text: string | null): number | null {
  if (text === null) return null;
  const khz = Number(text.trim());
  return Number.isFinite(khz) && khz > 0 ? Math.round(khz / 100) / 10 : null;
}

/**
 * Physical cores from the sysfs topology files (one `core_cpus_list` per logical CPU): CPUs of one core
 * share the same list, so the distinct lists are the cores. Used where cpuinfo has no core ids (ARM).
 */
export function coresFromSiblingLists(lists: ReadonlyArray<string | null>): number | null {
  const distinct = new Set<string>();
  for (const l of lists) if (l !== null && l.trim() !== '') distinct.add(l.trim());
  return distinct.size > 0 ? distinct.size : null;
}
