import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../../../electron/core/metrics/containers/limit.js';

describe('mapLimit', () => {
  it('keeps input order and never exceeds the bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (delays, limit) => {
          let inFlight = 0;
          let peak = 0;
          const out = await mapLimit(delays, limit, async (d, i) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            await new Promise((r) => setTimeout(r, d));
            inFlight--;
            return i * 2;
          });
          expect(out).toEqual(delays.map((_, i) => i * 2));
          expect(peak).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects when one call fails', async () => {
    await expect(
      mapLimit([1, 2, 3], 2, async (n) => (n === 2 ? Promise.reject(new Error('boom')) : n)),
    ).rejects.toThrow('boom');
  });
});
