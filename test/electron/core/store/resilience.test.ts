import { spawnSync } from 'node:child_process';
import { readFile, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIndex } from '../../../../electron/core/store/index-file.js';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import { makeSnapshot } from './factory.js';
import { filesUnder, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** A store holding `n` snapshots taken a second apart, newest first in the returned ids. */
async function storeWith(n: number): Promise<{ store: SnapshotStore; ids: string[] }> {
  const store = new SnapshotStore(dir);
  const ids: string[] = [];
  const start = Date.now() - 60_000;
  for (let i = 0; i < n; i++) {
    const s = makeSnapshot({ taken_at: new Date(start + i * 1000).toISOString(), hostname: `h${i}` });
    await store.save(s);
    ids.unshift(s.id);
  }
  return { store, ids };
}

const listedIds = async (store: SnapshotStore) => (await store.list()).map((e) => e.id);

describe('the index is a cache of the files', () => {
  it('rebuilds a truncated index from the files, losing nothing, and writes it back', async () => {
    const { store, ids } = await storeWith(3);
    const before = await store.list();
    await truncate(join(dir, 'index.json'), 40);
    expect(await store.list()).toEqual(before);
    expect(await readIndex(dir)).toEqual({ state: 'ok', entries: before });
    expect(before.map((e) => e.id)).toEqual(ids);
  });

  it('rebuilds a deleted index, and a save on a missing index keeps the older snapshots', async () => {
    const { store, ids } = await storeWith(2);
    await unlink(join(dir, 'index.json'));
    const extra = makeSnapshot({ hostname: 'late' });
    await store.save(extra);
    expect(await listedIds(store)).toEqual([extra.id, ...ids]);
  });

  it('does not trust an index entry pointing outside the store (it would be read or deleted)', async () => {
    const { store, ids } = await storeWith(1);
    const doc = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    doc.entries[0].file = '../../../etc/passwd';
    await writeFile(join(dir, 'index.json'), JSON.stringify(doc));
    const [entry] = await store.list();
    expect(entry?.id).toBe(ids[0]);
    expect(entry?.file).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.json\.gz$/);
  });

  it('ignores stray temp files left by a crashed writer, even ones holding a complete snapshot', async () => {
    const { store, ids } = await storeWith(2);
    const [latest] = await store.list();
    const monthDir = dirname(store.filePath(latest!));
    const ghost = makeSnapshot({ hostname: 'ghost' });
    await writeFile(
      join(monthDir, `.${ghost.id}.json.gz.4242.deadbeef.tmp`),
      gzipSync(JSON.stringify(ghost)),
    );
    await writeFile(join(monthDir, '.half.json.gz.4242.cafe.tmp'), Buffer.from([0x1f, 0x8b, 8, 0]));
    await writeFile(join(dir, '.index.json.4242.beef.tmp'), '{"schema_version":1,"entr');
    await unlink(join(dir, 'index.json'));

    expect(await listedIds(store)).toEqual(ids);
    await expect(store.resolve(ghost.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('cleans temp files older than ten minutes on the next save, and leaves young ones to their writer', async () => {
    const { store } = await storeWith(1);
    const [entry] = await store.list();
    const monthDir = dirname(store.filePath(entry!));
    const oldTemp = join(monthDir, '.x.json.gz.1.aa.tmp');
    const youngTemp = join(monthDir, '.y.json.gz.1.bb.tmp');
    await writeFile(oldTemp, 'x');
    await writeFile(youngTemp, 'y');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(oldTemp, hourAgo, hourAgo);
    await store.save(makeSnapshot());
    const files = await filesUnder(dir);
    expect(files.some((f) => f.endsWith('.x.json.gz.1.aa.tmp'))).toBe(false);
    expect(files.some((f) => f.endsWith('.y.json.gz.1.bb.tmp'))).toBe(true);
  });
});

describe('damaged and missing snapshot files', () => {
  it('a corrupt file fails get() with a StoreError naming the file; list and the others still work', async () => {
    const { store, ids } = await storeWith(2);
    const [newest, older] = await store.list();
    await writeFile(store.filePath(older!), Buffer.from('not gzip, not json \x00\x01'));

    const err = await store.get(older!.id).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'StoreError', code: 'corrupt' });
    expect((err as Error).message).toContain(store.filePath(older!));
    expect((err as Error).message).not.toContain('\n');
    expect(await listedIds(store)).toEqual(ids);
    expect((await store.get('latest')).id).toBe(newest!.id);
  });

  it('a rebuild leaves out a file that does not decode (it stays on disk for a human)', async () => {
    const { store, ids } = await storeWith(2);
    const older = (await store.list())[1]!;
    await writeFile(store.filePath(older), gzipSync('{"schema_version":1,"id":'));
    await unlink(join(dir, 'index.json'));
    expect(await listedIds(store)).toEqual([ids[0]]);
    expect(await filesUnder(dir)).toContain(older.file);
  });

  it('a file deleted behind the index is not_found, and the next save drops its entry', async () => {
    const { store, ids } = await storeWith(2);
    const older = (await store.list())[1]!;
    await unlink(store.filePath(older));
    await expect(store.get(older.id)).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('is gone'),
    });
    const next = makeSnapshot();
    await store.save(next);
    expect(await listedIds(store)).toEqual([next.id, ids[0]]);
  });

  it('a file the index lost (writer killed between rename and index update) is picked up by the next save', async () => {
    const { store, ids } = await storeWith(3);
    const doc = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    doc.entries.splice(1, 1);
    await writeFile(join(dir, 'index.json'), JSON.stringify(doc));
    expect(await listedIds(store)).toEqual([ids[0], ids[2]]);
    const next = makeSnapshot();
    await store.save(next);
    expect(await listedIds(store)).toEqual([next.id, ...ids]);
  });
});

describe('the lock file', () => {
  const lockPath = () => join(dir, 'index.lock');
  const lockOf = (pid: number, host = hostname()) =>
    JSON.stringify({ pid, host, token: 'someone-else', at: new Date().toISOString() });

  it('breaks at once a lock whose holder process is dead (killed mid-save)', async () => {
    await storeWith(1);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(lockPath(), lockOf(dead));
    // A generous stale age: only the dead pid can explain the lock being broken.
    const s2 = new SnapshotStore(dir, { lock: { staleMs: 600_000, timeoutMs: 20_000 } });
    await s2.save(makeSnapshot());
    expect(await s2.list()).toHaveLength(2);
    expect(await filesUnder(dir)).not.toContain('index.lock');
  });

  it('breaks a lock older than staleMs even if its pid is alive (pid reuse, another host)', async () => {
    await storeWith(1);
    await writeFile(lockPath(), lockOf(process.pid, 'other-host'));
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath(), old, old);
    const store = new SnapshotStore(dir, { lock: { staleMs: 10_000, timeoutMs: 20_000 } });
    await store.save(makeSnapshot());
    expect(await store.list()).toHaveLength(2);
  });

  it('breaks an empty lock a couple of seconds old (its writer died between create and write)', async () => {
    await storeWith(1);
    await writeFile(lockPath(), '');
    const old = new Date(Date.now() - 5000);
    await utimes(lockPath(), old, old);
    const store = new SnapshotStore(dir, { lock: { staleMs: 600_000, timeoutMs: 20_000 } });
    await store.save(makeSnapshot());
    expect(await store.list()).toHaveLength(2);
  });

  it('gives up on a live lock after timeoutMs with a message saying who holds it and what to do', async () => {
    await storeWith(1);
    const held = lockOf(process.pid);
    await writeFile(lockPath(), held);
    const store = new SnapshotStore(dir, { lock: { staleMs: 600_000, timeoutMs: 100 } });
    const err = await store.save(makeSnapshot()).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'StoreError', code: 'io' });
    expect((err as Error).message).toContain(`locked by process ${process.pid} on ${hostname()}`);
    expect((err as Error).message).toContain(`delete ${lockPath()}`);
    // The lock was not ours: it is still there.
    expect(await readFile(lockPath(), 'utf8')).toBe(held);
  });

  it('many saves at once in one process all land in the index', async () => {
    const store = new SnapshotStore(dir);
    const other = new SnapshotStore(dir);
    const snaps = Array.from({ length: 12 }, (_, i) => makeSnapshot({ hostname: `p${i}` }));
    await Promise.all(snaps.map((s, i) => (i % 2 ? store : other).save(s)));
    expect(new Set(await listedIds(store))).toEqual(new Set(snaps.map((s) => s.id)));
  });
});
