import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStoreEntry, readIndex } from '../../../../electron/core/store/index-file.js';
import { StoreEntrySchema } from '../../../../electron/core/store/schemas.js';
import { StoreError } from '../../../../electron/core/store/store-error.js';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import type { Snapshot } from '../../../../shared/snapshot/schema.js';
import { makeSnapshot, makeTypicalSnapshot } from './factory.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const ID = '01923f4e-5b6c-7d8e-9f01-23456789abcd';
const good = {
  id: ID,
  taken_at: '2026-06-15T12:00:00.123Z',
  hostname: 'box',
  file: `2026/06/${ID}.json.gz`,
  bytes: 4000,
  sections: ['host', 'cpu'],
  errors: 0,
};

/** What zod makes of `v`: the parsed entry, or null when it rejects it. */
function viaZod(v: unknown): unknown {
  const r = StoreEntrySchema.safeParse(v);
  return r.success ? r.data : null;
}

describe('index entries are checked without zod, exactly as the zod model would', () => {
  it('accepts a real entry and drops unknown keys, as zod does', () => {
    expect(parseStoreEntry(good)).toEqual(good);
    expect(parseStoreEntry({ ...good, extra: 1 })).toEqual(good);
    expect(viaZod({ ...good, extra: 1 })).toEqual(good);
  });

  it('rejects what zod rejects, case by case', () => {
    const bad: unknown[] = [
      null,
      [],
      'x',
      { ...good, taken_at: '2026-06-15T12:00:00+02:00' },
      { ...good, taken_at: '2026-02-30T12:00:00Z' },
      { ...good, taken_at: '2026-06-15T12:00Z' },
      { ...good, hostname: 3 },
      { ...good, bytes: -1 },
      { ...good, bytes: 1.5 },
      { ...good, errors: 2 ** 60 },
      { ...good, sections: ['host', 1] },
      { ...good, file: `2026/07/../06/${ID}.json.gz` },
      { ...good, file: `2026/06/${ID.replace('a', 'b')}.json.gz` },
      { ...good, id: undefined },
    ];
    for (const v of bad) {
      expect(viaZod(v), JSON.stringify(v)).toBeNull();
      expect(parseStoreEntry(v), JSON.stringify(v)).toBeNull();
    }
  });

  it('agrees with zod on thousands of generated entries, valid and not', () => {
    const digits = (n: number) =>
      fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
    const time = fc
      .tuple(
        digits(4),
        digits(2),
        digits(2),
        digits(2),
        digits(2),
        digits(2),
        fc.constantFrom('', '.5', '.123456', '.'),
        fc.constantFrom('Z', 'z', '+00:00', ''),
      )
      .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`);
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const entry = fc.record(
      {
        id: fc.oneof(fc.constant(ID), fc.uuid(), value),
        taken_at: fc.oneof(time, fc.constant(good.taken_at), value),
        hostname: fc.oneof(fc.string(), fc.constant(null), value),
        file: fc.oneof(
          fc.constant(good.file),
          fc.constantFrom('2026/6/x.json.gz', `2026/06/${ID}.json`),
          value,
        ),
        bytes: fc.oneof(fc.nat(), fc.integer({ min: -5, max: 5 }), fc.double(), value),
        sections: fc.oneof(fc.array(fc.string()), fc.array(value), value),
        errors: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER + 1), value),
        other: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(entry, (e) => {
        expect(parseStoreEntry(e)).toEqual(viaZod(e));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('save(s, { validated: true })', () => {
  it('stores exactly what a validating save stores, without validating again', async () => {
    const snap = makeTypicalSnapshot(3);
    const a = new SnapshotStore(join(dir, 'a'));
    const b = new SnapshotStore(join(dir, 'b'));
    const ea = await a.save(snap);
    const eb = await b.save(snap, { validated: true });
    // Same entry and same document; the bytes may differ, as zod writes keys in its schema's order.
    expect({ ...eb, bytes: 0 }).toEqual({ ...ea, bytes: 0 });
    const read = async (s: SnapshotStore, e: typeof ea): Promise<unknown> =>
      JSON.parse(gunzipSync(await readFile(s.filePath(e))).toString());
    expect(await read(b, eb)).toEqual(await read(a, ea));
    expect((await readIndex(b.dir)).state).toBe('ok');
    expect(await b.get('latest')).toEqual(snap);
  });

  it('a save without the option still refuses an invalid snapshot', async () => {
    const store = new SnapshotStore(join(dir, 's'));
    const bad = { ...makeSnapshot(), taken_at: 'yesterday' } as Snapshot;
    await expect(store.save(bad)).rejects.toBeInstanceOf(StoreError);
    expect(await store.list()).toEqual([]);
  });
});
