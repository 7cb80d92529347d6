import { describe, expect, it } from 'vitest';
import { monotonicMs } from '../../../../electron/core/os/clock.js';

describe('monotonicMs', () => {
  it('never goes back, and measures a wait as performance.now() does', async () => {
    const a = monotonicMs();
    const p0 = performance.now();
    await new Promise((r) => setTimeout(r, 20));
    const b = monotonicMs();
    const p1 = performance.now();
    expect(b).toBeGreaterThanOrEqual(a);
    // Same clock (CLOCK_MONOTONIC): the two differences agree to well under a millisecond.
    expect(Math.abs(b - a - (p1 - p0))).toBeLessThan(1);
  });
});
