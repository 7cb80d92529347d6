import type { Systeminformation } from 'systeminformation';
import type {
  ProcessInfo,
  ProcessState,
  ProcessesSection,
} from '../../../../shared/snapshot/metrics/processes.js';
import { round2 } from './parse.js';

/** How to read systeminformation's numbers on the platform they came from. */
export interface SiProcessOptions {
  readonly platform: NodeJS.Platform;
  readonly topN: number;
  /** Logical CPUs: Windows reports a share of all cores, the schema wants a share of one. */
  readonly cpuCount: number;
  readonly cpuBasis: 'window' | 'lifetime';
}

/** The schema's state for one of systeminformation's state words (ps letters on macOS). */
export function siStateName(state: string): ProcessState {
  switch (state) {
    case 'running':
      return 'running';
    case 'sleeping':
      return 'sleeping';
    case 'blocked':
      return 'disk_sleep';
    case 'stopped':
      return 'stopped';
    case 'zombie':
      return 'zombie';
    default:
      return 'other';
  }
}

/** A local `YYYY-MM-DD HH:MM:SS` (how systeminformation prints start times) as UTC ISO; null when unparseable. */
export function localDateTimeToIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (!m) return null;
  const n = (i: number): number => Number(m[i] ?? 0);
  const date = new Date(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The full command line: Windows gives it whole, ps splits it into path, command and params. */
function commandLine(p: Systeminformation.ProcessesProcessData, platform: NodeJS.Platform): string {
  if (platform === 'win32') return p.command || p.name;
  const exe = p.path ? `${p.path}/${p.command}` : p.command;
  return [exe, p.params].filter((s) => s).join(' ') || p.name;
}

/** One top-list row from a systeminformation process. */
function toInfo(p: Systeminformation.ProcessesProcessData, opts: SiProcessOptions): ProcessInfo {
  const scale = opts.platform === 'win32' ? opts.cpuCount : 1;
  return {
    pid: p.pid,
    ppid: Number.isInteger(p.parentPid) ? p.parentPid : null,
    user: p.user || null,
    name: p.name,
    command: commandLine(p, opts.platform),
    state: siStateName(p.state),
    cpu_percent: round2(Math.max(0, (p.cpu || 0) * scale)),
    memory_percent: round2(Math.min(100, Math.max(0, p.mem || 0))),
    rss_bytes: Math.max(0, Math.round((p.memRss || 0) * 1024)),
    threads: null,
    started_at: p.started ? localDateTimeToIso(p.started) : null,
  };
}

/** Maps si.processes() (macOS, Windows, BSD) onto the section; no thread counts exist there. */
export function processesFromSystemInformation(
  data: Systeminformation.ProcessesData,
  opts: SiProcessOptions,
): ProcessesSection {
  const rows = data.list.map((p) => toInfo(p, opts));
  const byState: Record<ProcessState, number> = {
    running: 0,
    sleeping: 0,
    disk_sleep: 0,
    idle: 0,
    stopped: 0,
    zombie: 0,
    other: 0,
  };
  for (const r of rows) byState[r.state as ProcessState]++;
  const top = (score: (r: ProcessInfo) => number) =>
    [...rows].sort((a, b) => score(b) - score(a) || a.pid - b.pid).slice(0, opts.topN);
  return {
    total: rows.length,
    threads_total: null,
    by_state: byState,
    zombies: rows
      .filter((r) => r.state === 'zombie')
      .map((r) => ({ pid: r.pid, ppid: r.ppid, name: r.name })),
    cpu_basis: opts.cpuBasis,
    top_n: opts.topN,
    top_cpu: top((r) => r.cpu_percent),
    top_memory: top((r) => r.rss_bytes),
  };
}
