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

/** The numbers of /proc/[pid]/stat, filled in place by parseProcStatBytes. */
export interface StatNumbers {
  pid: number;
  /** Char code of the one-letter state (R, S, Z, ...). */
  state: number;
  ppid: number;
  flags: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  threads: number;
  /** Start time in clock ticks after boot. */
  starttime: number;
  rssPages: number;
  /** Where the comm lies in the bytes (start inclusive, end exclusive), to decode it only when wanted. */
  commStart: number;
  commEnd: number;
}

/** A StatNumbers to fill. */
export function statNumbers(): StatNumbers {
  return {
    pid: 0,
    state: 0,
    ppid: 0,
    flags: 0,
    cpuTicks: 0,
    threads: 0,
    starttime: 0,
    rssPages: 0,
    commStart: 0,
    commEnd: 0,
  };
}

const SPACE = 32;
const NEWLINE = 10;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;

/**
 * Parses /proc/[pid]/stat straight from the file's bytes into `out`: no string for the file, none per
 * field, no object per process (the sampler scans every process every other second), and the comm
 * left where it is. False when the bytes are not a stat line (a process gone mid-read: empty).
 */
export function parseProcStatBytes(b: Uint8Array, length: number, out: StatNumbers): boolean {
  let pid = 0;
  let i = 0;
  for (; i < length && b[i]! >= 48 && b[i]! <= 57; i++) pid = pid * 10 + b[i]! - 48;
  if (i === 0 || b[i] !== SPACE) return false;
  // comm may itself contain ") (" and spaces, but the kernel prints it between the first '(' and the
  // LAST ')', and nothing after that can contain a ')'.
  let open = i;
  while (open < length && b[open] !== OPEN_PAREN) open++;
  let close = length - 1;
  while (close > open && b[close] !== CLOSE_PAREN) close--;
  if (open >= length || close <= open || close + 2 >= length) return false;
  out.pid = pid;
  out.commStart = open + 1;
  out.commEnd = close;
  out.state = b[close + 2]!;
  // The fields after the state, numbered as in proc(5) (state is 3), up to rss (24): every kernel
  // since 2.6 prints at least that many; fewer is not a stat line. A field that is not plain digits
  // (none of the ones read here ever is) reads as 0.
  let field = 3;
  let pos = close + 3;
  let utime = 0;
  while (field < 24) {
    if (pos >= length || b[pos] !== SPACE) return false;
    pos++;
    field++;
    let v = 0;
    let digits = true;
    const from = pos;
    for (; pos < length && b[pos] !== SPACE && b[pos] !== NEWLINE; pos++) {
      const c = b[pos]!;
      if (c < 48 || c > 57) digits = false;
      else v = v * 10 + c - 48;
    }
    if (pos === from) return false;
    if (!digits) v = 0;
    if (field === 4) out.ppid = v;
    else if (field === 9) out.flags = v;
    else if (field === 14) utime = v;
    else if (field === 15) out.cpuTicks = utime + v;
    else if (field === 20) out.threads = v;
    else if (field === 22) out.starttime = v;
    else if (field === 24) out.rssPages = v;
  }
  return true;
}

/** The ProcStat of stat bytes (see parseProcStatBytes); null when they are not a stat line. */
export function procStatOf(b: Buffer, length: number): ProcStat | null {
  const n = statNumbers();
  if (!parseProcStatBytes(b, length, n)) return null;
  return {
    pid: n.pid,
    comm: b.toString('utf8', n.commStart, n.commEnd),
    state: String.fromCharCode(n.state),
    ppid: n.ppid,
    flags: n.flags,
    cpuTicks: n.cpuTicks,
    threads: n.threads,
    starttime: n.starttime,
    rssPages: n.rssPages,
  };
}

/** Parses /proc/[pid]/stat text; null when it is not a stat line (process gone mid-read). */
export function parseProcStat(text: string): ProcStat | null {
  const b = Buffer.from(text, 'utf8');
  return procStatOf(b, b.length);
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
