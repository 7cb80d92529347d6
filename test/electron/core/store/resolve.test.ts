import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { StoreEntry } from '../../../../electron/core/store/index-file.js';
import { MIN_PREFIX, resolveRef, uniquePrefixLength } from '../../../../electron/core/store/resolve.js';
import { StoreError } from '../../../../electron/core/store/store-error.js';

/** Entries for ids taken at the given epoch milliseconds, newest first as the index keeps them. */
function entries(times: number[]): StoreEntry[] {
  return times
    .map((ms) => {
      const id = uuidv7({ msecs: ms });
      const taken_at = new Date(ms).toISOString();
      return { id, taken_at, hostname: null, file: `x/${id}`, bytes: 1, sections: [], errors: 0 };
    })
    .sort((a, b) => (a.taken_at === b.taken_at ? (a.id < b.id ? 1 : -1) : a.taken_at < b.taken_at ? 1 : -1));
}

const errorOf = (fn: () => unknown): StoreError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
};

describe('resolveRef', () => {
  const T = Date.parse('2026-03-01T00:00:00Z');

  it('latest~N counts back from the newest; an empty store says so', () => {
    const es = entries([T, T + 5000, T + 9000]);
    expect(resolveRef(es, 'latest')).toBe(es[0]);
    expect(resolveRef(es, 'LATEST~0')).toBe(es[0]);
    expect(resolveRef(es, ' latest~2 ')).toBe(es[2]);
    expect(errorOf(() => resolveRef([], 'latest')).message).toBe('latest: the snapshot store is empty');
    expect(errorOf(() => resolveRef(es.slice(0, 1), 'latest~1')).message).toBe(
      'latest~1: only 1 snapshot stored (latest … latest~0)',
    );
  });

  it('lists at most three candidates of an ambiguous prefix and counts the rest', () => {
    const es = entries([T, T, T, T, T]);
    const err = errorOf(() => resolveRef(es, es[0]!.id.slice(0, 8)));
    expect(err.code).toBe('ambiguous');
    expect(err.message).toMatch(/matches 5 snapshots: .*, and 2 more; type more of the id$/);
  });

  it('any prefix of ≥ 8 characters resolves to its id exactly when no other id shares it', () => {
    fc.assert(
      fc.property(
        // Times close together (shared leading id characters) as well as far apart.
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: MIN_PREFIX, max: 36 }),
        (offsets, pick, len) => {
          const es = entries(offsets.map((o) => T + o));
          const target = es[pick % es.length]!;
          const prefix = target.id.slice(0, len);
          const sharing = es.filter((e) => e.id.startsWith(prefix));
          if (prefix.replaceAll('-', '').length < MIN_PREFIX) {
            expect(errorOf(() => resolveRef(es, prefix)).code).toBe('not_found');
          } else if (sharing.length === 1) {
            expect(resolveRef(es, prefix)).toBe(target);
          } else {
            expect(errorOf(() => resolveRef(es, prefix)).code).toBe('ambiguous');
          }
        },
      ),
    );
  });
});

describe('uniquePrefixLength', () => {
  it('gives a prefix length at which every id resolves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 2, maxLength: 20 }),
        (offsets) => {
          const es = entries(offsets.map((o) => Date.parse('2026-03-01T00:00:00Z') + o));
          const len = uniquePrefixLength(es.map((e) => e.id));
          expect(len).toBeGreaterThanOrEqual(MIN_PREFIX);
          for (const e of es) expect(resolveRef(es, e.id.slice(0, len))).toBe(e);
        },
      ),
    );
  });

  it('is 8 for ids far apart in time, more for ids a second apart', () => {
    const far = entries([0, 400_000_000]).map((e) => e.id);
    expect(uniquePrefixLength(far)).toBe(8);
    const near = entries([Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-03-01T00:00:01Z')]).map(
      (e) => e.id,
    );
    expect(uniquePrefixLength(near)).toBeGreaterThan(8);
  });
});
