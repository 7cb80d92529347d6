import type { Snapshot } from './schema.js';

/** How bad one finding is; the snapshot's health is its worst finding. */
export type Severity = 'ok' | 'warning' | 'critical';

/** One thing worth a person's attention, with a stable code for rules, filters and translations. */
export interface Finding {
  code:
    | 'disk_full'
    | 'disk_filling'
    | 'service_failed'
    | 'zombies'
    | 'swap_in_use'
    | 'hot_process'
    | 'memory_low'
    | 'reader_failed';
  severity: Exclude<Severity, 'ok'>;
  /** What it is about: a mountpoint, a unit, a process, a section. */
  subject: string;
  /** The measured value, where one applies (percent, count). */
  value: number | null;
}

/** Thresholds of the health line; the defaults follow what operators use (df at 90 %, swap at 10 %). */
export interface HealthThresholds {
  diskWarnPercent: number;
  diskCriticalPercent: number;
  swapWarnPercent: number;
  memoryWarnPercent: number;
  hotProcessPercent: number;
}

/** Default thresholds. */
export const DEFAULT_THRESHOLDS: HealthThresholds = {
  diskWarnPercent: 90,
  diskCriticalPercent: 95,
  swapWarnPercent: 10,
  memoryWarnPercent: 95,
  hotProcessPercent: 90,
};

/** The overall status and its findings, worst first. */
export interface Health {
  status: Severity;
  findings: Finding[];
}

/** Evaluates a snapshot's health: disks over 90 %, failed services, zombies, swap in use, hot processes. */
export function assessHealth(s: Snapshot, t: HealthThresholds = DEFAULT_THRESHOLDS): Health {
  const f: Finding[] = [];
  for (const fs of s.disks?.filesystems ?? []) {
    if (fs.read_only) continue;
    if (fs.used_percent >= t.diskCriticalPercent)
      f.push({ code: 'disk_full', severity: 'critical', subject: fs.mountpoint, value: fs.used_percent });
    else if (fs.used_percent >= t.diskWarnPercent)
      f.push({ code: 'disk_filling', severity: 'warning', subject: fs.mountpoint, value: fs.used_percent });
  }
  for (const u of s.services?.units ?? []) {
    if (u.state === 'failed')
      f.push({ code: 'service_failed', severity: 'critical', subject: u.name, value: null });
  }
  const zombies = s.processes?.by_state.zombie ?? 0;
  if (zombies > 0) f.push({ code: 'zombies', severity: 'warning', subject: 'processes', value: zombies });
  if (s.swap && s.swap.total_bytes > 0 && s.swap.used_percent >= t.swapWarnPercent)
    f.push({ code: 'swap_in_use', severity: 'warning', subject: 'swap', value: s.swap.used_percent });
  if (s.memory && s.memory.used_percent >= t.memoryWarnPercent)
    f.push({ code: 'memory_low', severity: 'critical', subject: 'memory', value: s.memory.used_percent });
  const cores = s.cpu?.logical_cores ?? 1;
  for (const p of s.processes?.top_cpu ?? []) {
    // A process pinning one core is "hot" on a small machine; on many cores, only when it takes that share of all.
    if (
      p.cpu_percent >= t.hotProcessPercent &&
      p.cpu_percent / cores >= t.hotProcessPercent / Math.max(cores, 1)
    )
      f.push({
        code: 'hot_process',
        severity: 'warning',
        subject: `${p.name} (${p.pid})`,
        value: p.cpu_percent,
      });
  }
  for (const e of s.errors) {
    if (e.code !== 'unsupported')
      f.push({ code: 'reader_failed', severity: 'warning', subject: e.section, value: null });
  }
  f.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
  const status: Severity = f.some((x) => x.severity === 'critical')
    ? 'critical'
    : f.length
      ? 'warning'
      : 'ok';
  return { status, findings: f };
}
