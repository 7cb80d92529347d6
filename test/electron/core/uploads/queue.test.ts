// The persistent upload queue against a real S3 endpoint (s3rver on loopback) that goes away mid-run.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Remote, requireBucket } from '../../../../electron/core/s3/client.js';
import { listRemote } from '../../../../electron/core/s3/remote.js';
import { storeUploader } from '../../../../electron/core/s3/session.js';
import { sha256Hex } from '../../../../electron/core/s3/upload.js';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import { backoffMs, UploadQueue, type Uploader } from '../../../../electron/core/uploads/queue.js';
import { backupAll } from '../../../../electron/core/backup/run.js';
import { startS3, type S3Fixture } from '../../../fixtures/s3rver.js';
import { snapshotAt } from '../s3/helpers.js';

let s3: S3Fixture;
let dir: string;
beforeAll(async () => {
  s3 = await startS3('ais-queue');
  dir = mkdtempSync(join(tmpdir(), 'ais-queue-'));
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storeWith(name: string, n: number): Promise<SnapshotStore> {
  const store = new SnapshotStore(join(dir, name, 'store'), { retention: { maxCount: 1000, maxAgeDays: 0 } });
  const t0 = Date.UTC(2026, 2, 1);
  for (let i = 0; i < n; i++) await store.save(snapshotAt(t0 + i * 3600_000, i % 2 ? 'alpha' : 'beta'));
  return store;
}

function remote(prefix: string): S3Remote {
  return new S3Remote(
    requireBucket(s3.settings({ prefix }).s3),
    {
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
    { maxAttempts: 1 },
  );
}

const okPuts = (prefix: string) =>
  s3.requests.filter(
    (q) => q.method === 'PUT' && q.url.startsWith(`/${s3.bucket}/${prefix}/`) && q.status === 200,
  );

describe('upload queue', () => {
  it('the endpoint stopped mid-run → failures stay queued → back → all uploaded exactly once, checksums match', async () => {
    const store = await storeWith('outage', 12);
    const queue = new UploadQueue(join(dir, 'outage', 'uploads'));
    const r = remote('outage');
    const base = storeUploader(store, r, undefined);
    let calls = 0;
    const upload: Uploader = async (id) => {
      if (++calls === 5) await s3.pause(); // the endpoint dies after four uploads
      return base(id);
    };
    try {
      const first = await backupAll(store, queue, upload);
      expect(first).toMatchObject({ queued: 12, uploaded: 4, failed: 8, remaining: 8 });
      const pending = await queue.pending();
      expect(pending).toHaveLength(8);
      for (const j of pending) {
        expect(j.attempts).toBe(1);
        expect(j.next_at).toBeGreaterThan(Date.now());
        expect(j.last_error).toMatch(
          /^Cannot reach the S3 endpoint http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
        );
      }
      // Nothing is due yet (backoff), so a plain drain leaves them alone.
      expect((await queue.drain(base)).failed).toBe(0);
    } finally {
      await s3.resume();
    }
    const second = await queue.drain(base, { force: true });
    expect(second).toMatchObject({ uploaded: 8, failed: 0, remaining: 0 });
    expect(await queue.pending()).toEqual([]);

    // Exactly once: one successful PUT per snapshot, and every object's bytes hash to the local file.
    const puts = okPuts('outage');
    expect(puts).toHaveLength(12);
    expect(new Set(puts.map((p) => p.url)).size).toBe(12);
    const objects = await listRemote(r);
    expect(objects).toHaveLength(12);
    for (const e of await store.list()) {
      const local = sha256Hex(readFileSync(store.filePath(e)));
      const o = objects.find((x) => x.id === e.id)!;
      const got = await r.get(o.key);
      expect(sha256Hex(got.body)).toBe(local);
      expect(got.metadata.sha256).toBe(local);
    }
    // A new run finds nothing left to do.
    expect(await backupAll(store, queue, base)).toMatchObject({ queued: 0, uploaded: 0 });
    await r.close();
  });

  it('a crash after the PUT but before the done record is never marked uploaded, and the retry sends nothing twice', async () => {
    const store = await storeWith('crash', 3);
    const queue = new UploadQueue(join(dir, 'crash', 'uploads'));
    const r = remote('crash');
    const base = storeUploader(store, r, undefined);
    const crashing: Uploader = async (id) => {
      await base(id);
      throw new Error('process killed');
    };
    const first = await backupAll(store, queue, crashing);
    expect(first).toMatchObject({ uploaded: 0, failed: 3, remaining: 3 });
    expect(readdirSync(join(dir, 'crash', 'uploads', 'pending'))).toHaveLength(3);
    for (const e of await store.list()) expect(await queue.isDone(e.id)).toBe(false);
    const retry = await queue.drain(base, { force: true });
    expect(retry).toMatchObject({ uploaded: 0, skipped: 3, remaining: 0 });
    expect(okPuts('crash')).toHaveLength(3);
    await r.close();
  });

  it('drops a job whose snapshot left the local store, and survives a damaged job file', async () => {
    const queue = new UploadQueue(join(dir, 'gone', 'uploads'));
    await queue.enqueue('01234567-89ab-7def-8123-456789abcdef', 'schedule');
    expect(await queue.enqueue('01234567-89ab-7def-8123-456789abcdef', 'schedule')).toBe(false);
    const store = new SnapshotStore(join(dir, 'gone', 'store'));
    const r = await queue.drain(storeUploader(store, remote('gone'), undefined), { force: true });
    expect(r).toMatchObject({ dropped: 1, remaining: 0 });
  });

  it('backs off exponentially, capped at an hour', () => {
    expect(backoffMs(1, () => 0.5)).toBe(30_000);
    expect(backoffMs(2, () => 0.5)).toBe(60_000);
    expect(backoffMs(5, () => 0.5)).toBe(480_000);
    expect(backoffMs(30, () => 0.5)).toBe(3_600_000);
    expect(backoffMs(1, () => 0)).toBe(24_000);
    expect(backoffMs(1, () => 1)).toBe(36_000);
  });
  it('tidies a job killed between its done record and its removal, without uploading it again', async () => {
    const queue = new UploadQueue(join(dir, 'tidy', 'uploads'));
    const ok: Uploader = async () => ({ status: 'uploaded', key: 'k', sha256: 'x' });
    const id = '01a21930-0000-7000-8000-000000000001';
    await queue.enqueue(id, 'backup');
    await queue.drain(ok);
    expect(await queue.isDone(id)).toBe(true);
    // The crash window: the pending job written back while the done record exists.
    writeFileSync(
      join(dir, 'tidy', 'uploads', 'pending', `${id}.json`),
      JSON.stringify({
        id,
        reason: 'backup',
        enqueued_at: 1,
        attempts: 0,
        next_at: 0,
        last_error: null,
      }),
    );
    let calls = 0;
    const counting: Uploader = async () => (calls++, { status: 'uploaded', key: 'k', sha256: 'x' });
    const r = await queue.drain(counting);
    expect(calls).toBe(0);
    expect(r).toMatchObject({ uploaded: 0, skipped: 1, remaining: 0 });
    expect(await queue.pending()).toEqual([]);
  });
});
