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

import { Fields } from './fields.js';

const statFields = new Fields();

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
  if (!Number.isInteger(pid)) return null;
  // Read in place (no split): this runs for every process on every sampler scan. Field k of proc(5)
  // is the (k-2)th after the comm: state is field 3, rss field 24.
  const f = statFields.reset(text, close + 1);
  if (!f.next()) return null;
  const state = f.str();
  let short = false;
  const num = (skip: number): number => {
    if (!f.skip(skip)) short = true;
    const v = short ? 0 : f.number();
    return Number.isFinite(v) ? v : 0;
  };
  const ppid = num(1); // field 4
  const flags = num(5); // field 9
  const utime = num(5); // field 14
  const stime = num(1); // field 15
  const threads = num(5); // field 20
  const starttime = num(2); // field 22
  const rssPages = num(2); // field 24
  // Fewer than the 24 fields every kernel since 2.6 prints: not a stat line.
  if (short) return null;
  return {
    pid,
    comm: text.slice(open + 1, close),
    state,
    ppid,
    flags,
    cpuTicks: utime + stime,
    threads,
    starttime,
    rssPages,
  };
}

/** What a process scan needs from /proc/[pid]/stat, filled in place by parseProcStatBytes. */
export interface StatNumbers {
  pid: number;
  /** Char code of the one-letter state (R, S, Z, ...). */
  state: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /** Start time in clock ticks after boot. */
  starttime: number;
  /** Where the comm lies in the bytes (start inclusive, end exclusive), to decode it only when wanted. */
  commStart: number;
  commEnd: number;
}

const SPACE = 32;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;

/**
 * parseProcStat for the sampler's scan of every process: reads the numbers straight from the file's
 * bytes into `out` — no string for the file, none per field, no object per process — and leaves the
 * comm where it is. False when the bytes are not a stat line. parseProcStat stays the one the
 * snapshot readers use; a test holds both to the same answers on the same files.
 */
export function parseProcStatBytes(b: Uint8Array, length: number, out: StatNumbers): boolean {
  let pid = 0;
  let i = 0;
  for (; i < length && b[i]! >= 48 && b[i]! <= 57; i++) pid = pid * 10 + b[i]! - 48;
  if (i === 0 || b[i] !== SPACE) return false;
  let open = i;
  while (open < length && b[open] !== OPEN_PAREN) open++;
  let close = length - 1;
  while (close > open && b[close] !== CLOSE_PAREN) close--;
  if (open >= length || close <= open || close + 2 >= length) return false;
  out.pid = pid;
  out.commStart = open + 1;
  out.commEnd = close;
  out.state = b[close + 2]!;
  // Fields after the state, numbered as in proc(5) (state is 3): utime 14, stime 15, starttime 22.
  let field = 3;
  let pos = close + 3;
  let utime = -1;
  let stime = -1;
  while (pos < length && field < 22) {
    if (b[pos] !== SPACE) return false;
    pos++;
    field++;
    let v = 0;
    let digits = true;
    const from = pos;
    for (; pos < length && b[pos] !== SPACE && b[pos] !== 10; pos++) {
      const c = b[pos]!;
      if (c < 48 || c > 57) digits = false;
      else v = v * 10 + c - 48;
    }
    if (pos === from) return false;
    if (field === 14) utime = digits ? v : 0;
    else if (field === 15) stime = digits ? v : 0;
    else if (field === 22) {
      out.starttime = digits ? v : 0;
      out.cpuTicks = utime + stime;
      // As parseProcStat: fewer than 24 fields is not a stat line.
      return skipFields(b, pos, length, 2);
    }
  }
  return false;
}

/** True when `n` more space-separated fields follow `pos`. */
function skipFields(b: Uint8Array, pos: number, length: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    if (pos >= length || b[pos] !== SPACE) return false;
    pos++;
    const from = pos;
    while (pos < length && b[pos] !== SPACE && b[pos] !== 10) pos++;
    if (pos === from) return false;
  }
  return true;
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
