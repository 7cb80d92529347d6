import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { scanAll } from '../../../../electron/core/store/index-file.js';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import { makeSnapshot } from './factory.js';
import { bundleWorker, filesUnder, runWorker, tempDir } from './helpers.js';

// Real child processes: the lock file and the atomic renames are what is under test, and they only
// matter across processes. The worker is bundled once; each test gets a fresh store folder.
let script: string;
let cleanupBundle: () => Promise<void>;
beforeAll(async () => {
  const t = await tempDir();
  cleanupBundle = t.cleanup;
  script = await bundleWorker(t.dir);
});
afterAll(() => cleanupBundle());

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('two processes saving at once', () => {
  it('the lock file serialises read-modify-write across processes: no increment is lost', async () => {
    const counter = join(dir, 'counter');
    const workers = [0, 1].map(() => runWorker(script, ['--increment', counter, '200', '--wait']));
    await Promise.all(workers.map((w) => w.waitFor('ready')));
    for (const w of workers) w.child.stdin?.write('go\n');
    for (const w of workers) expect(await w.exit).toMatchObject({ code: 0 });
    expect(await readFile(counter, 'utf8')).toBe('400');
  });

  it('lose no index entry: 2 × 20 saves give 40 entries, matching the files', async () => {
    const a = runWorker(script, [dir, '20', 'alpha', '--wait']);
    const b = runWorker(script, [dir, '20', 'beta', '--wait']);
    await Promise.all([a.waitFor('ready'), b.waitFor('ready')]);
    // Released together so their saves interleave.
    a.child.stdin?.write('go\n');
    b.child.stdin?.write('go\n');
    const [ea, eb] = await Promise.all([a.exit, b.exit]);
    expect(ea).toMatchObject({ code: 0 });
    expect(eb).toMatchObject({ code: 0 });

    const store = new SnapshotStore(dir);
    const listed = await store.list();
    expect(listed).toHaveLength(40);
    expect(new Set(listed.map((e) => e.id))).toEqual(new Set([...a.saved, ...b.saved]));
    expect(listed.filter((e) => e.hostname === 'alpha')).toHaveLength(20);
    // The index agrees with a scan of the files, and nothing but snapshots and the index is left.
    expect(await scanAll(dir)).toEqual(listed);
    const files = await filesUnder(dir);
    expect(files.filter((f) => f !== 'index.json' && !f.endsWith('.json.gz'))).toEqual([]);
  });
});

describe('a writer killed with SIGKILL in the middle of a loop of saves', () => {
  it('leaves a store whose every listed entry reads back valid, and which the next save repairs', async () => {
    const reported: string[] = [];
    // Many kills at varied points: small snapshots make the loop spend its time in file operations
    // (temp write, rename, lock, index), so kills land there often; each next writer inherits the mess.
    const rounds = [
      [3, 0, '--small'],
      [5, 2, '--small'],
      [2, 5, 'typical'],
      [8, 1, '--small'],
      [4, 9, '--small'],
      [6, 3, 'typical'],
      [7, 4, '--small'],
      [3, 7, '--small'],
    ] as const;
    for (const [after, delayMs, size] of rounds) {
      const w = runWorker(script, [dir, '100000', 'victim', size]);
      await w.waitSaved(after);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      w.child.kill('SIGKILL');
      const { signal } = await w.exit;
      expect(signal).toBe('SIGKILL');
      reported.push(...w.saved);
    }

    // A long stale age: a lock left by a killed writer must be recognised by its dead pid.
    const store = new SnapshotStore(dir, { lock: { staleMs: 600_000, timeoutMs: 20_000 } });
    const listed = await store.list();
    // A save that returned is in the index (a kill can only lose the one in flight).
    expect(listed.map((e) => e.id)).toEqual(expect.arrayContaining(reported));
    for (const entry of listed) {
      expect(entry.file).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.json\.gz$/);
      expect((await store.get(entry.id)).id).toBe(entry.id);
    }

    // The next save works (a lock left by the dead writer is broken) and adopts any snapshot whose
    // file was renamed in before the kill but never indexed: the index then matches the files.
    const after = makeSnapshot({ hostname: 'survivor' });
    await store.save(after);
    const final = await store.list();
    expect(final.map((e) => e.id)).toContain(after.id);
    expect((await scanAll(dir)).map((e) => e.id)).toEqual(final.map((e) => e.id));
    expect((await filesUnder(dir)).includes('index.lock')).toBe(false);
  });
});
