import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScanColumns, TopCandidates, WindowStart } from '../../../../electron/core/sampler/proc-scan.js';

describe('ScanColumns', () => {
  it('grows past its capacity, keeps every row, and finds a pid by binary search', () => {
    const c = new ScanColumns(2);
    for (let pid = 1; pid <= 1000; pid += 3) c.push(pid, pid * 10, pid + 0.5);
    expect(c.length).toBe(334);
    expect(c.indexOf(1)).toBe(0);
    expect(c.indexOf(1000)).toBe(333);
    expect(c.ticks[c.indexOf(502)]).toBe(5020);
    expect(c.start[c.indexOf(502)]).toBe(502.5);
    expect(c.indexOf(2)).toBe(-1);
    expect(c.indexOf(1001)).toBe(-1);
    c.clear();
    expect(c.length).toBe(0);
    expect(c.indexOf(1)).toBe(-1);
  });
});

describe('WindowStart', () => {
  it('gives the ticks a process had at the start; 0 for a new process or a reused pid', () => {
    const prev = new ScanColumns();
    prev.push(1, 100, 5);
    prev.push(7, 70, 9);
    prev.push(9, 90, 11);
    const w = new WindowStart(prev);
    expect(w.ticksAt(1, 5)).toBe(100);
    expect(w.ticksAt(3, 1)).toBe(0); // born inside the window
    expect(w.ticksAt(7, 12)).toBe(0); // pid 7 now belongs to a newer process
    expect(w.ticksAt(9, 11)).toBe(90);
    expect(w.ticksAt(12, 1)).toBe(0); // past the end
  });
});

describe('TopCandidates', () => {
  it('keeps the same processes, in the same order, as a full sort by score then pid', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 80, maxLength: 80 }),
        fc.integer({ min: 0, max: 20 }),
        (pids, scores, capacity) => {
          const rows = [...pids].sort((a, b) => a - b).map((pid, i) => ({ pid, score: scores[i]! }));
          const top = new TopCandidates(capacity);
          for (const r of rows)
            if (top.accepts(r.score))
              top.add({ pid: r.pid, starttime: 0, comm: String(r.pid), score: r.score });
          const expected = [...rows].sort((a, b) => b.score - a.score || a.pid - b.pid).slice(0, capacity);
          expect(top.items.map((c) => [c.pid, c.score])).toEqual(expected.map((r) => [r.pid, r.score]));
        },
      ),
    );
  });
});
