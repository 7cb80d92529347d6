// The inline SVG charts' geometry: sparkline paths, time-scaled paths and axis ticks.
import { describe, expect, it } from 'vitest';
import { niceTicks, sparkPath, timePath, valueExtent } from '../../renderer/lib/chart-path';

describe('sparkPath', () => {
  it('spreads values evenly over the width, top = max, bottom = min', () => {
    expect(sparkPath([0, 50, 100], 100, 20, { min: 0, max: 100 })).toBe('M0 20 L50 10 L100 0');
  });

  it('uses the data range when no bounds are fixed, and one decimal place', () => {
    expect(sparkPath([10, 20, 15], 10, 3)).toBe('M0 3 L5 0 L10 1.5');
  });

  it('starts a new segment after a gap, and gives "" for nothing to draw', () => {
    expect(sparkPath([1, null, 3, 4], 30, 10, { min: 0, max: 10 })).toBe('M0 9 M20 7 L30 6');
    expect(sparkPath([], 100, 20)).toBe('');
    expect(sparkPath([null, null], 100, 20)).toBe('');
  });

  it('clamps values outside fixed bounds and draws a single value as a point', () => {
    expect(sparkPath([150, -5], 10, 10, { min: 0, max: 100 })).toBe('M0 0 L10 10');
    expect(sparkPath([42], 100, 20)).toMatch(/^M0 /);
  });
});

describe('valueExtent', () => {
  it('never gives an empty range', () => {
    expect(valueExtent([5, 5])).toEqual({ min: 5, max: 6 });
    expect(valueExtent([])).toEqual({ min: 0, max: 1 });
    expect(valueExtent([3, 9], { min: 0 })).toEqual({ min: 0, max: 9 });
  });
});

describe('timePath', () => {
  it('places points by time and leaves out those outside the window', () => {
    const pts = [
      { t: 0, v: 0 },
      { t: 500, v: 50 },
      { t: 1000, v: 100 },
      { t: 2000, v: 100 },
    ];
    expect(timePath(pts, 0, 1000, 100, 10, { min: 0, max: 100 })).toBe('M0 10 L50 5 L100 0');
  });
});

describe('niceTicks', () => {
  it('gives round steps reaching at least the maximum', () => {
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(93)).toEqual([0, 50, 100]);
    expect(niceTicks(330_000)).toEqual([0, 100_000, 200_000, 300_000, 400_000]);
    expect(niceTicks(0)).toEqual([0]);
  });
});
