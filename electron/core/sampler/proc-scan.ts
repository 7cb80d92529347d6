/**
 * The sampler's scan of every process, kept columnar. A scan reads each /proc/[pid]/stat (about a
 * hundred on a desktop, thousands on a busy server) every other second; with a string per file, an
 * array of fields and an object per process, it was most of what the sampler allocated, and what the
 * GC promoted (the previous scan lives until the next). Here the numbers go into typed arrays that are
 * reused from scan to scan, the CPU window is a merge of two pid-sorted scans (no map), and only the
 * processes that enter the top list get a string (their comm).
 */

/** pid, CPU ticks and start time of every process in one scan, in ascending pid order. */
export class ScanColumns {
  pid: Float64Array;
  ticks: Float64Array;
  start: Float64Array;
  length = 0;

  constructor(capacity = 512) {
    this.pid = new Float64Array(capacity);
    this.ticks = new Float64Array(capacity);
    this.start = new Float64Array(capacity);
  }

  /** Forgets the rows, keeping the arrays. */
  clear(): void {
    this.length = 0;
  }

  push(pid: number, ticks: number, start: number): void {
    if (this.length === this.pid.length) {
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.pid = grow(this.pid);
      this.ticks = grow(this.ticks);
      this.start = grow(this.start);
    }
    const i = this.length++;
    this.pid[i] = pid;
    this.ticks[i] = ticks;
    this.start[i] = start;
  }

  /** Row of `pid`, or -1 (binary search: rows are in ascending pid order). */
  indexOf(pid: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.pid[mid]!;
      if (v === pid) return mid;
      if (v < pid) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * Walks a previous scan alongside the current one (both in ascending pid order) to find each
 * process's CPU ticks when the window opened.
 */
export class WindowStart {
  private j = 0;

  constructor(private readonly prev: ScanColumns) {}

  /** Ticks of `pid` at the window's start; 0 when it was not there or was another process (pid reused). */
  ticksAt(pid: number, starttime: number): number {
    const p = this.prev;
    while (this.j < p.length && p.pid[this.j]! < pid) this.j++;
    return this.j < p.length && p.pid[this.j] === pid && p.start[this.j] === starttime ? p.ticks[this.j]! : 0;
  }
}

/** A candidate for the top list. */
export interface Candidate {
  readonly pid: number;
  readonly starttime: number;
  readonly comm: string;
  readonly score: number;
}

/**
 * The best `capacity` processes by score, best first, ties by pid when offered in ascending pid order
 * (as rankBy orders them): a later equal score never displaces an earlier one. No sort of the whole
 * table, and a candidate is only built when it gets in.
 */
export class TopCandidates {
  readonly items: Candidate[] = [];

  constructor(private readonly capacity: number) {}

  /** Whether a process with this score would get in. */
  accepts(score: number): boolean {
    const n = this.items.length;
    return this.capacity > 0 && (n < this.capacity || score > this.items[n - 1]!.score);
  }

  /** Adds a candidate that `accepts` let in. */
  add(c: Candidate): void {
    const items = this.items;
    let pos = items.length;
    while (pos > 0 && items[pos - 1]!.score < c.score) pos--;
    items.splice(pos, 0, c);
    if (items.length > this.capacity) items.pop();
  }
}
