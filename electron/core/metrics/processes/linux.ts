import type { ProcessesSection } from '../../../../shared/snapshot/metrics/processes.js';
import type { ReaderContext } from '../../snapshot/reader.js';
import { userName, userNames } from '../../os/passwd.js';
import { formatCmdline, type ProcStat } from '../../os/proc-parse.js';
import { readProcDetail, readProcTable, sharedProcTable, type ProcDetail } from '../../os/proc-table.js';
import {
  countByState,
  cpuPercents,
  rankBy,
  toProcessInfo,
  zombies,
  type CpuBasis,
  type StartTicks,
} from './parse.js';

/** CPU counters of every process when the window opened. */
export interface LinuxStart {
  readonly kind: 'proc';
  readonly atMs: number;
  readonly ticks: StartTicks;
}

/** Reads every /proc/[pid]/stat at window open (its own scan: the shared table is the one at close). */
export async function beginLinux(ctx: ReaderContext): Promise<LinuxStart> {
  const table = await readProcTable(ctx.procRoot, ctx.signal);
  const ticks = new Map(table.entries.map((e) => [e.pid, { cpuTicks: e.cpuTicks, starttime: e.starttime }]));
  return { kind: 'proc', atMs: table.readAtMs, ticks };
}

/**
 * Builds the section from the shared process table. Only the processes that make a top list get their
 * status and cmdline read (≈2·topN files instead of every process's).
 */
export async function collectLinux(
  ctx: ReaderContext,
  start: LinuxStart | undefined,
  passwdPath = '/etc/passwd',
): Promise<ProcessesSection> {
  const table = await sharedProcTable(ctx);
  const basis: CpuBasis = start
    ? { kind: 'window', start: start.ticks, elapsedMs: table.readAtMs - start.atMs }
    : { kind: 'lifetime', uptimeS: table.uptimeS ?? 0 };
  const cpu = cpuPercents(table.entries, basis);

  const details = new Map<number, Promise<ProcDetail | null>>();
  const detail = (pid: number): Promise<ProcDetail | null> => {
    let p = details.get(pid);
    if (!p) {
      p = readProcDetail(ctx.procRoot, pid, ctx.signal);
      details.set(pid, p);
    }
    return p;
  };
  // Walks the ranking until topN processes are still there to describe: one that exited since the
  // scan is skipped and the next one takes its place.
  const pick = async (ranked: ProcStat[]): Promise<Array<[ProcStat, ProcDetail]>> => {
    const out: Array<[ProcStat, ProcDetail]> = [];
    let i = 0;
    while (out.length < ctx.topN && i < ranked.length) {
      const batch = ranked.slice(i, i + ctx.topN - out.length);
      i += batch.length;
      const found = await Promise.all(batch.map((e) => detail(e.pid)));
      batch.forEach((e, k) => {
        const d = found[k];
        if (d) out.push([e, d]);
      });
    }
    return out;
  };
  const [topCpu, topMem] = await Promise.all([
    pick(rankBy(table.entries, (e) => cpu.get(e.pid) ?? 0)),
    pick(rankBy(table.entries, (e) => e.rssPages)),
  ]);
  const names = userNames(passwdPath);
  const info = ([e, d]: [ProcStat, ProcDetail]) =>
    toProcessInfo(
      e,
      { user: userName(names, d.euid), rssBytes: d.rssBytes ?? 0, command: formatCmdline(d.cmdline, e.comm) },
      cpu.get(e.pid) ?? 0,
      table.memTotalBytes,
      table.bootTimeS,
    );

  return {
    total: table.entries.length,
    threads_total: table.entries.reduce((sum, e) => sum + e.threads, 0),
    by_state: countByState(table.entries),
    zombies: zombies(table.entries),
    cpu_basis: basis.kind,
    top_n: ctx.topN,
    top_cpu: topCpu.map(info),
    top_memory: topMem.map(info),
  };
}
