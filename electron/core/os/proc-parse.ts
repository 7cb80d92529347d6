/**
 * Pure parsers for the procfs files the process and port readers need. Kept free of I/O so every
 * quirk (a comm with spaces and parens, a zombie's missing fields) is tested on fixture text.
 */

/**
 * USER_HZ, the unit of utime/stime/starttime in /proc/[pid]/stat. The kernel exports 100 on every
 * architecture Node runs on (only alpha differs), and reading sysconf(_SC_CLK_TCK) would need a child
 * process or a native module.
 */
export const CLOCK_TICKS_PER_SECOND = 100;

/** Task flag the kernel sets on kernel threads (include/linux/sched.h); they own no files. */
export const PF_KTHREAD = 0x00200000;

/** The fields of /proc/[pid]/stat the readers use. */
export interface ProcStat {
  readonly pid: number;
  readonly comm: string;
  /** One-letter state code: R, S, D, I, T, t, Z, X, ... */
  readonly state: string;
  readonly ppid: number;
  readonly flags: number;
  /** utime + stime, in clock ticks. */
  readonly cpuTicks: number;
  readonly threads: number;
  /** Start time in clock ticks after boot. */
  readonly starttime: number;
  /** Resident pages; only used to rank, so the page size does not matter. */
  readonly rssPages: number;
}

/** Parses /proc/[pid]/stat; null when the text is not a stat line (process gone mid-read). */
export function parseProcStat(text: string): ProcStat | null {
  // comm may itself contain ") (" and spaces, but the kernel prints it between the first '(' and the
  // LAST ')', and nothing after that can contain a ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const pid = Number(text.slice(0, open));
  const f = text.slice(close + 2).split(' ');
  // Index k here is field k+3 of proc(5): state is field 3, rss field 24.
  if (!Number.isInteger(pid) || f.length < 22) return null;
  const num = (i: number): number => {
    const v = Number(f[i]);
    return Number.isFinite(v) ? v : 0;
  };
  return {
    pid,
    comm: text.slice(open + 1, close),
    state: f[0] ?? '?',
    ppid: num(1),
    flags: num(6),
    cpuTicks: num(11) + num(12),
    threads: num(17),
    starttime: num(19),
    rssPages: num(21),
  };
}

/** True for kernel threads, which have no command line, no memory and no open files. */
export function isKernelThread(stat: ProcStat): boolean {
  // Bitwise ops would truncate to 32 bits; flags fit, but stay exact anyway.
  return Math.floor(stat.flags / PF_KTHREAD) % 2 === 1;
}

/** Seconds since boot, from /proc/uptime. */
export function parseUptime(text: string): number | null {
  const v = Number(text.split(' ', 1)[0]);
  return Number.isFinite(v) && v > 0 ? v : null;
}

/** Boot time in Unix seconds, from the `btime` line of /proc/stat. */
export function parseBootTime(statText: string): number | null {
  const m = /^btime\s+(\d+)/m.exec(statText);
  return m?.[1] ? Number(m[1]) : null;
}

/** Total RAM in bytes, from the `MemTotal` line of /proc/meminfo. */
export function parseMemTotal(meminfo: string): number | null {
  const m = /^MemTotal:\s+(\d+)\s*kB/m.exec(meminfo);
  return m?.[1] ? Number(m[1]) * 1024 : null;
}

/** The fields of /proc/[pid]/status the readers use. */
export interface ProcStatus {
  /** Effective uid, the one `ps` and `top` show as USER. */
  readonly euid: number | null;
  /** Resident set size in bytes; null for kernel threads and zombies, which have no memory map. */
  readonly rssBytes: number | null;
}

/** Parses /proc/[pid]/status. */
export function parseProcStatus(text: string): ProcStatus {
  const uid = /^Uid:\s+\d+\s+(\d+)/m.exec(text);
  const rss = /^VmRSS:\s+(\d+)\s*kB/m.exec(text);
  return {
    euid: uid?.[1] ? Number(uid[1]) : null,
    rssBytes: rss?.[1] ? Number(rss[1]) * 1024 : null,
  };
}

/** Turns /proc/[pid]/cmdline into one line; kernel threads and zombies (empty) show as `[comm]`, like ps. */
export function formatCmdline(raw: string | null, comm: string): string {
  const line = (raw ?? '').replace(/\0/g, ' ').trimEnd();
  return line === '' ? `[${comm}]` : line;
}
