import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import { StoreError } from '../../../../electron/core/store/store-error.js';
import { makeSnapshot, makeTypicalSnapshot } from './factory.js';
import { filesUnder, tempDir } from './helpers.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00.000Z');

/** A snapshot taken `daysAgo` days before NOW (plus `ms` to order several on one day). */
function takenDaysAgo(daysAgo: number, ms = 0, hostname = 'box') {
  return makeSnapshot({ taken_at: new Date(NOW - daysAgo * DAY + ms).toISOString(), hostname });
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('save / list / get', () => {
  it('reads back exactly what was saved, with an index entry describing it', async () => {
    const store = new SnapshotStore(join(dir, 'snapshots'), { now: () => NOW });
    const snap = makeTypicalSnapshot(7);
    snap.taken_at = new Date(NOW).toISOString();
    const entry = await store.save(snap);

    expect(entry).toEqual({
      id: snap.id,
      taken_at: snap.taken_at,
      hostname: 'web-7',
      file: `2026/06/${snap.id}.json.gz`,
      bytes: (await stat(store.filePath(entry))).size,
      sections: ['host', 'ports', 'processes', 'services'],
      errors: 0,
    });
    expect(await store.list()).toEqual([entry]);
    expect(await store.get(snap.id)).toEqual(snap);
    // The file is plain gzip of the JSON: what an S3 upload of `.json.gz` will carry as is.
    const raw = JSON.parse(gunzipSync(await readFile(store.filePath(entry))).toString('utf8'));
    expect(raw).toEqual(snap);
  });

  it('lists newest first whatever the save order, and counts errors; hostname null without a host', async () => {
    const store = new SnapshotStore(dir, { now: () => NOW });
    const mid = takenDaysAgo(2);
    const old = makeSnapshot({
      taken_at: new Date(NOW - 5 * DAY).toISOString(),
      errors: [{ section: 'cpu', code: 'timeout', message: 'took too long' }],
    });
    const recent = takenDaysAgo(1);
    for (const s of [mid, old, recent]) await store.save(s);

    const listed = await store.list();
    expect(listed.map((e) => e.id)).toEqual([recent.id, mid.id, old.id]);
    expect(listed[2]).toMatchObject({ hostname: null, errors: 1, sections: [] });
    expect(await filesUnder(dir)).toEqual(
      [
        `2026/06/${recent.id}.json.gz`,
        `2026/06/${mid.id}.json.gz`,
        `2026/06/${old.id}.json.gz`,
        'index.json',
      ].sort(),
    );
  });

  it('saving the same snapshot twice keeps one entry', async () => {
    const store = new SnapshotStore(dir);
    const snap = makeSnapshot({ hostname: 'a' });
    await store.save(snap);
    await store.save(snap);
    expect((await store.list()).map((e) => e.id)).toEqual([snap.id]);
  });

  it('refuses an invalid snapshot before writing anything', async () => {
    const store = new SnapshotStore(dir);
    const bad = { ...makeSnapshot(), taken_at: 'yesterday' };
    await expect(store.save(bad)).rejects.toThrow(/field "taken_at"/);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('an empty or missing store lists nothing and creates nothing', async () => {
    const store = new SnapshotStore(join(dir, 'nowhere'));
    expect(await store.list()).toEqual([]);
    expect(await store.prune()).toEqual({ removed: 0 });
    await expect(store.resolve('latest')).rejects.toMatchObject({ code: 'not_found' });
    expect(await filesUnder(dir)).toEqual([]);
  });
});

describe('resolve', () => {
  it('finds latest, latest~N, a full id and a unique prefix; says why when it cannot', async () => {
    const store = new SnapshotStore(dir, { now: () => NOW });
    // Three snapshots an hour apart: their ids differ from the 8th character on, not before.
    const snaps = [0, 1, 2].map((h) =>
      makeSnapshot({ taken_at: new Date(NOW + h * 3_600_000).toISOString() }),
    );
    for (const s of snaps) await store.save(s);
    const [s0, s1, s2] = snaps as [(typeof snaps)[0], (typeof snaps)[0], (typeof snaps)[0]];

    expect((await store.resolve('latest')).id).toBe(s2.id);
    expect((await store.resolve('latest~1')).id).toBe(s1.id);
    expect((await store.resolve('latest~2')).id).toBe(s0.id);
    expect((await store.resolve(s1.id)).id).toBe(s1.id);
    expect((await store.resolve(s1.id.toUpperCase())).id).toBe(s1.id);
    expect((await store.resolve(s0.id.slice(0, 13))).id).toBe(s0.id);
    expect((await store.resolve(s0.id.replaceAll('-', '').slice(0, 14))).id).toBe(s0.id);

    const err = await store.resolve('latest~3').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({
      code: 'not_found',
      message: 'latest~3: only 3 snapshots stored (latest … latest~2)',
    });
    await expect(store.resolve('0000aaaa-0000')).rejects.toMatchObject({
      code: 'not_found',
      message: 'no snapshot with id 0000aaaa-0000',
    });
    await expect(store.resolve(s0.id.slice(0, 6))).rejects.toThrow(/too short: give at least 8 characters/);
    await expect(store.resolve('yesterday')).rejects.toThrow('"yesterday" is not a snapshot id');
  });

  it('reports an ambiguous prefix with its candidates on one line', async () => {
    const store = new SnapshotStore(dir, { now: () => NOW });
    // Same millisecond clock: the first 13 characters of both UUIDv7 ids are equal.
    const t = new Date(NOW).toISOString();
    const a = makeSnapshot({ taken_at: t });
    const b = makeSnapshot({ taken_at: t });
    await store.save(a);
    await store.save(b);
    const prefix = a.id.slice(0, 13);
    const err = (await store.resolve(prefix).catch((e: unknown) => e)) as StoreError;
    expect(err.code).toBe('ambiguous');
    expect(err.message).toContain(`"${prefix}" matches 2 snapshots: `);
    expect(err.message).toContain(a.id);
    expect(err.message).toContain(b.id);
    expect(err.message).not.toContain('\n');
  });
});

describe('retention', () => {
  it('keeps the newest maxCount snapshots and deletes the files of the others', async () => {
    const store = new SnapshotStore(dir, { now: () => NOW, retention: { maxCount: 3 } });
    const snaps = [40, 35, 3, 2, 1].map((d) => takenDaysAgo(d));
    for (const s of snaps) await store.save(s);

    const kept = snaps.slice(2).reverse();
    expect((await store.list()).map((e) => e.id)).toEqual(kept.map((s) => s.id));
    // The May folder emptied by retention is removed too.
    expect(await filesUnder(dir)).toEqual(
      [...kept.map((s) => `2026/06/${s.id}.json.gz`), 'index.json'].sort(),
    );
    await expect(store.get(snaps[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('deletes snapshots older than maxAgeDays after the next save, by the injected clock', async () => {
    let now = NOW;
    const store = new SnapshotStore(dir, { now: () => now, retention: { maxAgeDays: 30 } });
    const old = takenDaysAgo(31);
    const young = takenDaysAgo(29);
    await store.save(old);
    // A save never deletes the snapshot it stores, even one already too old (an import, say)…
    expect((await store.list()).map((e) => e.id)).toEqual([old.id]);
    await store.save(young);
    // …the next save does.
    expect((await store.list()).map((e) => e.id)).toEqual([young.id]);

    now += 2 * DAY;
    expect(await store.prune()).toEqual({ removed: 1 });
    expect(await store.list()).toEqual([]);
    expect(await filesUnder(dir)).toEqual(['index.json']);
  });

  it('maxAgeDays 0 (as the settings spell "never") keeps old snapshots; a count of 0 is refused', async () => {
    const store = new SnapshotStore(dir, { now: () => NOW, retention: { maxAgeDays: 0 } });
    await store.save(takenDaysAgo(4000));
    await store.save(takenDaysAgo(1));
    expect(await store.list()).toHaveLength(2);
    expect(() => new SnapshotStore(dir, { retention: { maxCount: 0 } })).toThrow(/maxCount/);
  });
});

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('creates folders 0700 and files 0600', async () => {
    const root = join(dir, 'a', 'snapshots');
    const store = new SnapshotStore(root);
    const entry = await store.save(makeSnapshot({ hostname: 'h' }));
    const mode = async (p: string) => (await stat(p)).mode & 0o777;
    for (const d of [
      join(dir, 'a'),
      root,
      join(root, entry.file.slice(0, 4)),
      join(root, entry.file.slice(0, 7)),
    ]) {
      expect(await mode(d), d).toBe(0o700);
    }
    expect(await mode(store.filePath(entry))).toBe(0o600);
    expect(await mode(join(root, 'index.json'))).toBe(0o600);
  });
});
