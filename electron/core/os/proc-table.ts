import type { ReaderContext } from '../snapshot/reader.js';
import { listPidsSync } from './files.js';
import {
  parseBootTime,
  parseMemTotal,
  parseProcStatus,
  parseUptime,
  procStatOf,
  type ProcStat,
  type ProcStatus,
} from './proc-parse.js';
import {
  procBytes,
  readFileAsync,
  readProcBytesSync,
  readProcFileSync,
  yieldToEventLoop,
} from './proc-read.js';
import { monotonicMs } from './clock.js';

/** Every process's /proc/[pid]/stat at one moment, with the system figures needed to interpret it. */
export interface ProcTable {
  /** Sorted by pid; processes that exited mid-scan are absent. */
  readonly entries: readonly ProcStat[];
  readonly byPid: ReadonlyMap<number, ProcStat>;
  /** monotonicMs() when the scan started: the time base for CPU deltas between two tables. */
  readonly readAtMs: number;
  /** Seconds since boot when the scan started. */
  readonly uptimeS: number | null;
  /** Boot time in Unix seconds. */
  readonly bootTimeS: number | null;
  readonly memTotalBytes: number | null;
}

/** How many stat files to read between two yields to the event loop. */
const BATCH = 256;

/** Scans /proc/[pid]/stat for every process (sequential sync reads, see proc-read.ts for why). */
export async function readProcTable(procRoot: string, signal?: AbortSignal): Promise<ProcTable> {
  const pids = listPidsSync(procRoot);
  pids.sort((a, b) => a - b);
  const readAtMs = monotonicMs();
  const uptime = readProcFileSync(`${procRoot}/uptime`);
  const stat = readProcFileSync(`${procRoot}/stat`);
  const meminfo = readProcFileSync(`${procRoot}/meminfo`);
  const entries: ProcStat[] = [];
  for (let i = 0; i < pids.length; i++) {
    if (i > 0 && i % BATCH === 0) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    const length = readProcBytesSync(`${procRoot}/${pids[i]}/stat`);
    const parsed = length < 0 ? null : procStatOf(procBytes(), length);
    if (parsed) entries.push(parsed);
  }
  return {
    entries,
    byPid: new Map(entries.map((e) => [e.pid, e])),
    readAtMs,
    uptimeS: uptime === null ? null : parseUptime(uptime),
    bootTimeS: stat === null ? null : parseBootTime(stat),
    memTotalBytes: meminfo === null ? null : parseMemTotal(meminfo),
  };
}

/**
 * The process table as read when the window closes, shared by every reader of one snapshot
 * (processes, ports, ...) so /proc is scanned once.
 */
export function sharedProcTable(ctx: ReaderContext): Promise<ProcTable> {
  return ctx.memo(`proc-table:${ctx.procRoot}`, () => readProcTable(ctx.procRoot, ctx.signal));
}

/** What the top lists show beyond stat: owner, exact RSS and command line; null when the process is gone. */
export interface ProcDetail extends ProcStatus {
  readonly cmdline: string;
}

/**
 * Reads /proc/[pid]/status and cmdline of one process; null when it exited meanwhile. status only
 * copies counters, so it is read synchronously (1.5 ms less per snapshot here); cmdline goes through
 * the thread pool (see readFileAsync).
 */
export async function readProcDetail(
  procRoot: string,
  pid: number,
  signal?: AbortSignal,
): Promise<ProcDetail | null> {
  const status = readProcFileSync(`${procRoot}/${pid}/status`);
  if (status === null) return null;
  const cmdline = await readFileAsync(`${procRoot}/${pid}/cmdline`, signal);
  return { ...parseProcStatus(status), cmdline: cmdline ?? '' };
}
