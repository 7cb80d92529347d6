import type { CpuSection, CpuTimes } from '../../../../shared/snapshot/metrics/cpu.js';

/**
 * CPU time counters of one core or of all cores, in any unit (ticks on Linux, ms from Node);
 * null where the OS does not count that state.
 */
export interface CpuTicks {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number | null;
  irq: number | null;
  softirq: number | null;
  steal: number | null;
  /** guest + guest_nice: already contained in user and nice, so never added to the total. */
  guest: number | null;
}

/** One reading of the counters: the machine-wide line and one entry per logical core. */
export interface CpuSample {
  all: CpuTicks;
  cores: Array<{ id: number; ticks: CpuTicks }>;
}

/** The part of the cpu section that comes from the time counters. */
export type CpuUsageFields = Pick<CpuSection, 'usage_percent' | 'per_core_percent' | 'times_basis' | 'times'>;

const OPTIONAL = ['iowait', 'irq', 'softirq', 'steal', 'guest'] as const;

/** Sum of the states a CPU can be in; guest is left out because the kernel already counts it in user/nice. */
export function totalTicks(t: CpuTicks): number {
  return (
    t.user + t.nice + t.system + t.idle + (t.iowait ?? 0) + (t.irq ?? 0) + (t.softirq ?? 0) + (t.steal ?? 0)
  );
}

/** Rounds a share to 0.1 and keeps it inside 0–100, so float noise never breaks the Percent schema. */
export function pct(part: number, whole: number): number {
  const v = Math.round((part / whole) * 1000) / 10;
  return Math.min(100, Math.max(0, v));
}

/**
 * Counters spent between two readings. A missing `before` means "since boot". When the total went down the
 * counters restarted (CPU hot-plug, a counter wrapped), so `after` alone is the best estimate; single fields
 * that go backwards (iowait is known to) count as zero.
 */
export function deltaTicks(before: CpuTicks | null | undefined, after: CpuTicks): CpuTicks {
  if (!before || totalTicks(after) < totalTicks(before)) return after;
  const d = (a: number, b: number): number => Math.max(0, a - b);
  const out: CpuTicks = {
    user: d(after.user, before.user),
    nice: d(after.nice, before.nice),
    system: d(after.system, before.system),
    idle: d(after.idle, before.idle),
    iowait: null,
    irq: null,
    softirq: null,
    steal: null,
    guest: null,
  };
  for (const k of OPTIONAL) {
    const a = after[k];
    const b = before[k];
    out[k] = a === null ? null : d(a, b ?? 0);
  }
  return out;
}

/** Busy share: everything but idle and iowait (a CPU waiting on I/O could run other work). Null with no time. */
export function busyPercent(d: CpuTicks): number | null {
  const total = totalTicks(d);
  if (total <= 0) return null;
  return Math.round(Math.min(100, Math.max(0, 100 - ((d.idle + (d.iowait ?? 0)) / total) * 100)) * 10) / 10;
}

/** Share of each state in percent; null when no time passed at all. */
export function timesPercent(d: CpuTicks): CpuTimes | null {
  const total = totalTicks(d);
  if (total <= 0) return null;
  const opt = (v: number | null): number | null => (v === null ? null : pct(v, total));
  return {
    user: pct(d.user, total),
    nice: pct(d.nice, total),
    system: pct(d.system, total),
    idle: pct(d.idle, total),
    iowait: opt(d.iowait),
    irq: opt(d.irq),
    softirq: opt(d.softirq),
    steal: opt(d.steal),
    guest: opt(d.guest),
  };
}

/**
 * Usage over the window when a start sample exists, else shares since boot. A window in which no tick
 * elapsed (shorter than one clock tick) carries no information, so it is reported like a 0 window.
 */
export function usageFields(start: CpuSample | undefined, now: CpuSample): CpuUsageFields {
  if (start) {
    const all = deltaTicks(start.all, now.all);
    const times = timesPercent(all);
    const usage = busyPercent(all);
    if (times && usage !== null) {
      const before = new Map(start.cores.map((c) => [c.id, c.ticks]));
      const perCore = now.cores.map((c) => busyPercent(deltaTicks(before.get(c.id), c.ticks)) ?? 0);
      return { usage_percent: usage, per_core_percent: perCore, times_basis: 'window', times };
    }
  }
  const times = timesPercent(now.all);
  if (!times) throw new Error('the CPU time counters are all zero');
  return { usage_percent: null, per_core_percent: [], times_basis: 'since_boot', times };
}

/** Adds up per-core counters, for systems that only report per core (Node's os.cpus()). */
export function sumTicks(list: readonly CpuTicks[]): CpuTicks {
  const sum: CpuTicks = {
    user: 0,
    nice: 0,
    system: 0,
    idle: 0,
    iowait: null,
    irq: null,
    softirq: null,
    steal: null,
    guest: null,
  };
  for (const t of list) {
    sum.user += t.user;
    sum.nice += t.nice;
    sum.system += t.system;
    sum.idle += t.idle;
    for (const k of OPTIONAL) {
      const v = t[k];
      if (v !== null) sum[k] = (sum[k] ?? 0) + v;
    }
  }
  return sum;
}
