import type {
  ProcessInfo,
  ProcessState,
  ProcessesSection,
} from '../../../../shared/snapshot/metrics/processes.js';
import { CLOCK_TICKS_PER_SECOND, type ProcStat } from '../../os/proc-parse.js';

/** CPU ticks of each process when the window opened, keyed by pid. */
export type StartTicks = ReadonlyMap<number, { readonly cpuTicks: number; readonly starttime: number }>;

/** How CPU percentages are computed: over the window between two scans, or over each process's life. */
export type CpuBasis =
  | { readonly kind: 'window'; readonly start: StartTicks; readonly elapsedMs: number }
  | { readonly kind: 'lifetime'; readonly uptimeS: number };

/** The schema's name for a /proc state letter. */
export function stateName(code: string): ProcessState {
  switch (code) {
    case 'R':
      return 'running';
    case 'S':
      return 'sleeping';
    case 'D':
      return 'disk_sleep';
    case 'I':
      return 'idle';
    case 'T':
    case 't':
      return 'stopped';
    case 'Z':
      return 'zombie';
    default:
      return 'other';
  }
}

/** Every state with its count; all keys present because the schema's record is exhaustive. */
export function countByState(entries: readonly ProcStat[]): Record<ProcessState, number> {
  const counts: Record<ProcessState, number> = {
    running: 0,
    sleeping: 0,
    disk_sleep: 0,
    idle: 0,
    stopped: 0,
    zombie: 0,
    other: 0,
  };
  for (const e of entries) counts[stateName(e.state)]++;
  return counts;
}

/** Zombies, for the list that points at the parents failing to reap them. */
export function zombies(entries: readonly ProcStat[]): ProcessesSection['zombies'] {
  return entries.filter((e) => e.state === 'Z').map((e) => ({ pid: e.pid, ppid: e.ppid, name: e.comm }));
}

/** Share of one core per pid, as top shows it (a process on two busy cores reads 200). */
export function cpuPercents(entries: readonly ProcStat[], basis: CpuBasis): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of entries) {
    let ticks: number;
    let seconds: number;
    if (basis.kind === 'window') {
      const before = basis.start.get(e.pid);
      // A pid absent at the start, or reused by a newer process, ran entirely inside the window.
      ticks = before && before.starttime === e.starttime ? e.cpuTicks - before.cpuTicks : e.cpuTicks;
      seconds = basis.elapsedMs / 1000;
    } else {
      ticks = e.cpuTicks;
      seconds = basis.uptimeS - e.starttime / CLOCK_TICKS_PER_SECOND;
    }
    out.set(e.pid, cpuShare(ticks, seconds));
  }
  return out;
}

/** Share of one core, in percent rounded to 0.01, of `ticks` clock ticks spent over `seconds`. */
export function cpuShare(ticks: number, seconds: number): number {
  const pct = seconds > 0 ? (ticks / CLOCK_TICKS_PER_SECOND / seconds) * 100 : 0;
  return round2(Math.max(0, pct));
}

/** Entries ordered best first by `score`, ties by pid so the lists are stable from run to run. */
export function rankBy(entries: readonly ProcStat[], score: (e: ProcStat) => number): ProcStat[] {
  return [...entries].sort((a, b) => score(b) - score(a) || a.pid - b.pid);
}

/** Wall-clock start of a process from its start tick and the boot time. */
export function startedAt(bootTimeS: number | null, starttime: number): string | null {
  if (bootTimeS === null) return null;
  return new Date(Math.round((bootTimeS + starttime / CLOCK_TICKS_PER_SECOND) * 1000)).toISOString();
}

/** What the top lists need beyond stat, already resolved (user name, bytes, one-line command). */
export interface ProcessExtras {
  readonly user: string | null;
  readonly rssBytes: number;
  readonly command: string;
}

/** One top-list row. */
export function toProcessInfo(
  e: ProcStat,
  extras: ProcessExtras,
  cpuPercent: number,
  memTotalBytes: number | null,
  bootTimeS: number | null,
): ProcessInfo {
  const mem = memTotalBytes ? Math.min(100, (extras.rssBytes / memTotalBytes) * 100) : 0;
  return {
    pid: e.pid,
    ppid: e.ppid,
    user: extras.user,
    name: e.comm,
    command: extras.command,
    state: stateName(e.state),
    cpu_percent: cpuPercent,
    memory_percent: round2(mem),
    rss_bytes: extras.rssBytes,
    threads: e.threads,
    started_at: startedAt(bootTimeS, e.starttime),
  };
}

/** Rounds to two decimals: finer digits are noise at a 10 ms tick and only bloat the snapshot. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
