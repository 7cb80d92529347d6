import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoreEntry } from '../../../../electron/core/store/index-file.js';
import {
  DEFAULT_RETENTION,
  expiredEntries,
  resolveRetention,
} from '../../../../electron/core/store/retention.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00Z');

/** Entries taken the given numbers of days before NOW, newest first. */
function aged(days: number[]): StoreEntry[] {
  return [...days]
    .sort((a, b) => a - b)
    .map((d, i) => ({
      id: `id-${i}`,
      taken_at: new Date(NOW - d * DAY).toISOString(),
      hostname: null,
      file: '',
      bytes: 0,
      sections: [],
      errors: 0,
    }));
}

describe('resolveRetention', () => {
  it('fills in 500 snapshots / 90 days and ignores undefined fields', () => {
    expect(resolveRetention()).toEqual({ maxCount: 500, maxAgeDays: 90 });
    expect(resolveRetention({ maxCount: undefined, maxAgeDays: 7 })).toEqual({
      maxCount: 500,
      maxAgeDays: 7,
    });
    expect(DEFAULT_RETENTION).toEqual({ maxCount: 500, maxAgeDays: 90 });
  });

  it('refuses limits that would delete everything or make no sense', () => {
    for (const bad of [
      { maxCount: 0 },
      { maxCount: -1 },
      { maxCount: 2.5 },
      { maxCount: NaN },
      { maxAgeDays: -1 },
    ]) {
      expect(() => resolveRetention(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
    expect(resolveRetention({ maxAgeDays: 0 }).maxAgeDays).toBe(Infinity);
    expect(resolveRetention({ maxCount: Infinity }).maxCount).toBe(Infinity);
  });
});

describe('expiredEntries', () => {
  it('expires by count beyond the newest maxCount, and by age past maxAgeDays', () => {
    const es = aged([0, 1, 2, 3, 100]);
    expect(expiredEntries(es, { maxCount: 3, maxAgeDays: 90 }, NOW).map((e) => e.id)).toEqual([
      'id-3',
      'id-4',
    ]);
    expect(expiredEntries(es, { maxCount: 10, maxAgeDays: 2.5 }, NOW).map((e) => e.id)).toEqual([
      'id-3',
      'id-4',
    ]);
  });

  it('never expires the entry being saved', () => {
    const es = aged([0, 1, 200]);
    expect(expiredEntries(es, { maxCount: 1, maxAgeDays: 90 }, NOW, 'id-2').map((e) => e.id)).toEqual([
      'id-1',
    ]);
  });

  it('keeps exactly the newest min(maxCount, young) entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 365 }),
        (days, maxCount, maxAgeDays) => {
          const es = aged(days);
          const gone = new Set(expiredEntries(es, { maxCount, maxAgeDays }, NOW).map((e) => e.id));
          const kept = es.filter((e) => !gone.has(e.id));
          const young = es.filter((e) => NOW - Date.parse(e.taken_at) <= maxAgeDays * DAY);
          expect(kept).toEqual(young.slice(0, maxCount));
        },
      ),
    );
  });
});
