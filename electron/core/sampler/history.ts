import type { HistoryPoint } from '../../../shared/contract/sample.js';

/** Metric id → value of one tick, as it enters the history. */
export type Values = ReadonlyMap<string, number>;

/** One minute's rollup: per key min, avg, max and the number of ticks that had it (for exact merges). */
export interface MinuteRollup {
  readonly t: number;
  readonly keys: readonly string[];
  /** 4 numbers per key: min, avg, max, n. */
  readonly data: Float64Array;
}

/** One minute in ms: the rollup bucket. */
export const MINUTE_MS = 60_000;
/** How long full resolution is kept. */
export const RAW_SPAN_MS = 3_600_000;
/** How long minute rollups are kept. */
export const ROLLUP_SPAN_MS = 7 * 24 * 3_600_000;
/** The raw ring's fixed size: one hour at the fastest allowed interval (1 s), plus slack for jitter. */
export const RAW_CAPACITY = 3_700;
/** The rollup list's fixed size: seven days of minutes, plus the current one. */
export const ROLLUP_CAPACITY = 7 * 1440 + 2;

// Most ticks carry the same metric ids, so points share one key array instead of one object each.
const interned = new Map<string, readonly string[]>();
function intern(keys: string[]): readonly string[] {
  const id = keys.join('\n');
  let hit = interned.get(id);
  if (!hit) {
    if (interned.size > 512) interned.clear(); // churn (containers, hot-plugged disks) must not grow it
    hit = Object.freeze(keys);
    interned.set(id, hit);
  }
  return hit;
}

/** How many distinct metrics the raw ring holds at once (sampleMetrics yields at most 46). */
export const RAW_SLOTS = 48;

/**
 * Fixed-size columnar ring of full-resolution points, oldest first. Everything is allocated once: the
 * times in one Float64Array, the values in one capacity × slots Float64Array (NaN = the point lacks the
 * metric), and a slot per metric id. A tick allocates nothing that outlives it, so an hour of points at
 * 1 s costs the same ~1.4 MiB from the first tick to the last, with no per-point objects for the GC to
 * trace and no per-point ArrayBuffers for malloc to fragment. A slot whose metric has left every stored
 * point (a container's veth gone) is reused; when all are taken, a new metric waits for one.
 */
export class RawRing {
  private readonly times: Float64Array;
  private readonly vals: Float64Array;
  private readonly slotOf = new Map<string, number>();
  private readonly keyOf: Array<string | undefined>;
  /** Time of the newest point that has each slot's metric. */
  private readonly lastSeen: Float64Array;
  private head = 0;
  private size = 0;

  constructor(
    readonly capacity = RAW_CAPACITY,
    readonly slots = RAW_SLOTS,
  ) {
    this.times = new Float64Array(capacity);
    this.vals = new Float64Array(capacity * slots).fill(NaN);
    this.keyOf = new Array<string | undefined>(slots);
    this.lastSeen = new Float64Array(slots).fill(-Infinity);
  }

  /** The slot of a metric id, assigning a free (or no longer referenced) one; -1 when none is left. */
  private slot(key: string): number {
    const hit = this.slotOf.get(key);
    if (hit !== undefined) return hit;
    const oldest = this.size ? this.times[this.head]! : Infinity;
    for (let i = 0; i < this.slots; i++) {
      const k = this.keyOf[i];
      // Free, or its metric is in no stored point any more (every column of an overwritten row was reset).
      if (k === undefined || this.lastSeen[i]! < oldest) {
        if (k !== undefined) this.slotOf.delete(k);
        this.keyOf[i] = key;
        this.slotOf.set(key, i);
        return i;
      }
    }
    return -1;
  }

  /** Appends a point; the oldest is overwritten when the ring is full. */
  push(t: number, values: Values): void {
    let row: number;
    if (this.size < this.capacity) row = (this.head + this.size++) % this.capacity;
    else {
      row = this.head;
      this.head = (this.head + 1) % this.capacity;
    }
    this.times[row] = t;
    const base = row * this.slots;
    this.vals.fill(NaN, base, base + this.slots);
    // forEach, not for-of: no [key, value] array per metric per tick.
    values.forEach((v, k) => {
      const i = this.slot(k);
      if (i < 0) return;
      this.vals[base + i] = v;
      this.lastSeen[i] = t;
    });
  }

  /** Number of points held. */
  get length(): number {
    return this.size;
  }

  /** Points with t ≥ since, oldest first, as contract history points (plain numbers). */
  since(since: number): Array<{ t: number; values: Record<string, number> }> {
    const out: Array<{ t: number; values: Record<string, number> }> = [];
    for (let n = 0; n < this.size; n++) {
      const row = (this.head + n) % this.capacity;
      const t = this.times[row]!;
      if (t < since) continue;
      const values: Record<string, number> = {};
      const base = row * this.slots;
      for (let i = 0; i < this.slots; i++) {
        const v = this.vals[base + i]!;
        if (!Number.isNaN(v)) values[this.keyOf[i]!] = v;
      }
      out.push({ t, values });
    }
    return out;
  }
}

/** Running min/avg/max per metric for the minute being filled. */
export class MinuteAccumulator {
  private readonly acc = new Map<string, { min: number; max: number; sum: number; n: number }>();

  constructor(readonly t: number) {}

  /** Adds one tick's values. */
  add(values: Values): void {
    values.forEach((v, k) => {
      const a = this.acc.get(k);
      if (!a) this.acc.set(k, { min: v, max: v, sum: v, n: 1 });
      else {
        a.min = Math.min(a.min, v);
        a.max = Math.max(a.max, v);
        a.sum += v;
        a.n++;
      }
    });
  }

  /** True when no tick has been added. */
  get empty(): boolean {
    return this.acc.size === 0;
  }

  /** The rollup so far. */
  rollup(): MinuteRollup {
    const keys = intern([...this.acc.keys()]);
    const data = new Float64Array(keys.length * 4);
    keys.forEach((k, i) => {
      const a = this.acc.get(k)!;
      data.set([a.min, a.sum / a.n, a.max, a.n], i * 4);
    });
    return { t: this.t, keys, data };
  }
}

/** Combines two rollups of the same minute (a minute flushed at stop and continued after a restart). */
export function mergeRollups(a: MinuteRollup, b: MinuteRollup): MinuteRollup {
  const m = new Map<string, [number, number, number, number]>();
  for (const r of [a, b]) {
    r.keys.forEach((k, i) => {
      const [min, avg, max, n] = [r.data[i * 4]!, r.data[i * 4 + 1]!, r.data[i * 4 + 2]!, r.data[i * 4 + 3]!];
      const prev = m.get(k);
      if (!prev) m.set(k, [min, avg, max, n]);
      else {
        const total = prev[3] + n;
        m.set(k, [
          Math.min(prev[0], min),
          (prev[1] * prev[3] + avg * n) / total,
          Math.max(prev[2], max),
          total,
        ]);
      }
    });
  }
  const keys = intern([...m.keys()]);
  const data = new Float64Array(keys.length * 4);
  keys.forEach((k, i) => data.set(m.get(k)!, i * 4));
  return { t: a.t, keys, data };
}

/** A rollup as a contract history point. */
export function rollupPoint(r: MinuteRollup): HistoryPoint {
  const values: HistoryPoint['values'] = {};
  r.keys.forEach((k, i) => {
    values[k] = { min: r.data[i * 4]!, avg: r.data[i * 4 + 1]!, max: r.data[i * 4 + 2]! };
  });
  return { t: r.t, values };
}

/** Minute rollups sorted by time, pruned beyond seven days and capped at ROLLUP_CAPACITY. */
export class RollupStore {
  private list: MinuteRollup[] = [];

  /** Inserts or merges a minute (loading may meet a minute twice); keeps the list sorted. */
  put(r: MinuteRollup): void {
    const last = this.list[this.list.length - 1];
    if (!last || last.t < r.t) this.list.push(r);
    else {
      const i = this.list.findIndex((x) => x.t >= r.t);
      const at = this.list[i]!;
      if (at.t === r.t) this.list[i] = mergeRollups(at, r);
      else this.list.splice(i, 0, r);
    }
    if (this.list.length > ROLLUP_CAPACITY) this.list.splice(0, this.list.length - ROLLUP_CAPACITY);
  }

  /** Drops minutes older than `now` minus seven days. */
  prune(now: number): void {
    const cut = now - ROLLUP_SPAN_MS;
    const i = this.list.findIndex((r) => r.t >= cut);
    if (i !== 0) this.list.splice(0, i < 0 ? this.list.length : i);
  }

  /** Rollups with t ≥ since, oldest first. */
  since(since: number): MinuteRollup[] {
    return this.list.filter((r) => r.t >= since);
  }
}

/** The start of the minute that holds `t`. */
export function minuteOf(t: number): number {
  return Math.floor(t / MINUTE_MS) * MINUTE_MS;
}
