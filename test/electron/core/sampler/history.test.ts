import { describe, expect, it } from 'vitest';
import { HistoryPoint } from '../../../../shared/contract/sample.js';
import { historyCsv } from '../../../../electron/core/sampler/export.js';
import {
  MinuteAccumulator,
  RawRing,
  RollupStore,
  ROLLUP_CAPACITY,
  ROLLUP_SPAN_MS,
  mergeRollups,
  minuteOf,
  rollupPoint,
} from '../../../../electron/core/sampler/history.js';
import { parseRollupLine, rollupLine } from '../../../../electron/core/sampler/persist.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const vals = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));

describe('minute rollups', () => {
  it('gives the exact min, avg and max of each metric over the minute', () => {
    const acc = new MinuteAccumulator(T0);
    for (const [cpu, mem] of [
      [10, 50],
      [30, 52],
      [20, 54],
      [40, 56],
    ] as const)
      acc.add(vals({ cpu, memory: mem }));
    acc.add(vals({ 'net_rx:eth0': 1000 })); // a metric only some ticks carry
    const p = rollupPoint(acc.rollup());
    expect(p).toEqual({
      t: T0,
      values: {
        cpu: { min: 10, avg: 25, max: 40 },
        memory: { min: 50, avg: 53, max: 56 },
        'net_rx:eth0': { min: 1000, avg: 1000, max: 1000 },
      },
    });
    expect(HistoryPoint.safeParse(p).success).toBe(true);
  });

  it('merges two halves of one minute exactly, weighting by tick count', () => {
    const a = new MinuteAccumulator(T0);
    [10, 20, 30].forEach((cpu) => a.add(vals({ cpu })));
    const b = new MinuteAccumulator(T0);
    b.add(vals({ cpu: 100 }));
    expect(rollupPoint(mergeRollups(a.rollup(), b.rollup())).values.cpu).toEqual({
      min: 10,
      avg: 40,
      max: 100,
    });
  });

  it('roundtrips through an NDJSON line and rejects a torn one', () => {
    const acc = new MinuteAccumulator(T0);
    acc.add(vals({ cpu: 1.5, 'disk:/mnt/a b': 3 }));
    const line = rollupLine(acc.rollup());
    expect(line.endsWith('\n')).toBe(true);
    expect(rollupPoint(parseRollupLine(line.trim())!)).toEqual(rollupPoint(acc.rollup()));
    expect(parseRollupLine(line.slice(0, 20))).toBeNull();
    expect(parseRollupLine('{"t":1,"v":{"cpu":[1,2]}}')).toBeNull();
  });

  it('keeps rollups sorted, merges a repeated minute and prunes beyond seven days', () => {
    const store = new RollupStore();
    const r = (t: number, cpu: number) => {
      const a = new MinuteAccumulator(t);
      a.add(vals({ cpu }));
      return a.rollup();
    };
    const now = T0 + ROLLUP_SPAN_MS + 150_000;
    store.put(r(T0, 1)); // older than seven days at `now`
    store.put(r(T0 + 180_000, 3));
    store.put(r(T0 + 120_000, 2)); // out of order: inserted in place
    store.put(r(T0 + 180_000, 5)); // same minute again: merged
    expect(store.since(0).map((x) => x.t)).toEqual([T0, T0 + 120_000, T0 + 180_000]);
    expect(rollupPoint(store.since(T0 + 180_000)[0]!).values.cpu).toEqual({ min: 3, avg: 4, max: 5 });
    store.prune(now);
    expect(store.since(0).map((x) => x.t)).toEqual([T0 + 180_000]);
  });

  it('holds at most a fixed number of minutes', () => {
    const store = new RollupStore();
    for (let i = 0; i < ROLLUP_CAPACITY + 50; i++) {
      const a = new MinuteAccumulator(T0 + i * 60_000);
      a.add(vals({ cpu: i }));
      store.put(a.rollup());
    }
    const all = store.since(0);
    expect(all).toHaveLength(ROLLUP_CAPACITY);
    expect(all[0]!.t).toBe(T0 + 50 * 60_000);
  });

  it('buckets a time into its minute', () => {
    expect(minuteOf(T0 + 59_999)).toBe(T0);
    expect(minuteOf(T0 + 60_000)).toBe(T0 + 60_000);
  });
});

describe('raw ring', () => {
  it('keeps the newest points in order and never more than its capacity', () => {
    const ring = new RawRing(5);
    for (let i = 0; i < 8; i++) ring.push(T0 + i * 1000, vals({ cpu: i }));
    const pts = ring.since(0);
    expect(pts.map((p) => p.values.cpu)).toEqual([3, 4, 5, 6, 7]);
    expect(ring.since(T0 + 6000).map((p) => p.t)).toEqual([T0 + 6000, T0 + 7000]);
  });

  it('keeps each point’s own metrics: a metric a point lacks is absent, not 0 or stale', () => {
    const ring = new RawRing(4, 3);
    ring.push(T0, vals({ cpu: 1, 'net_rx:eth0': 10 }));
    ring.push(T0 + 1000, vals({ cpu: 2 }));
    ring.push(T0 + 2000, vals({ 'net_rx:eth0': 30, memory: 0 }));
    expect(ring.since(0)).toEqual([
      { t: T0, values: { cpu: 1, 'net_rx:eth0': 10 } },
      { t: T0 + 1000, values: { cpu: 2 } },
      { t: T0 + 2000, values: { 'net_rx:eth0': 30, memory: 0 } },
    ]);
  });

  it('reuses the slot of a metric that left every stored point, and drops a new one while all are taken', () => {
    const ring = new RawRing(2, 2);
    ring.push(T0, vals({ 'net_rx:veth1': 1, cpu: 5 }));
    ring.push(T0 + 1000, vals({ cpu: 6, 'net_rx:veth2': 2 })); // both slots taken: veth2 waits
    expect(ring.since(0).map((p) => p.values)).toEqual([{ 'net_rx:veth1': 1, cpu: 5 }, { cpu: 6 }]);
    ring.push(T0 + 2000, vals({ cpu: 7, 'net_rx:veth2': 3 })); // the veth1 point is gone: its slot is free
    expect(ring.since(0)).toEqual([
      { t: T0 + 1000, values: { cpu: 6 } },
      { t: T0 + 2000, values: { cpu: 7, 'net_rx:veth2': 3 } },
    ]);
    expect(ring.length).toBe(2);
  });
});

describe('CSV export', () => {
  it('has t, time and one column per metric for raw points, blank where a point lacks one', () => {
    const csv = historyCsv([
      { t: T0, values: { memory: 50, cpu: 12.3, 'disk:/mnt/a,b': 7 } },
      { t: T0 + 1000, values: { memory: 51 } },
    ]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('t,time,cpu,memory,"disk:/mnt/a,b"');
    expect(lines[1]).toBe(`${T0},2026-01-01T00:00:00.000Z,12.3,50,7`);
    expect(lines[2]).toBe(`${T0 + 1000},2026-01-01T00:00:01.000Z,,51,`);
  });

  it('has metric_min, metric_avg and metric_max columns for rollups', () => {
    const csv = historyCsv([
      { t: T0, values: { cpu: { min: 1, avg: 2, max: 3 }, 'net_rx:eth0': { min: 0, avg: 0.5, max: 1 } } },
    ]);
    const [header, row] = csv.trimEnd().split('\n');
    expect(header).toBe('t,time,cpu_min,cpu_avg,cpu_max,net_rx:eth0_min,net_rx:eth0_avg,net_rx:eth0_max');
    expect(row).toBe(`${T0},2026-01-01T00:00:00.000Z,1,2,3,0,0.5,1`);
  });
});
