// The backup scheduler with a real store, queue and S3 endpoint (s3rver on loopback).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BackupScheduler } from '../../../../electron/core/backup/scheduler.js';
import { S3Remote, requireBucket } from '../../../../electron/core/s3/client.js';
import { listRemote } from '../../../../electron/core/s3/remote.js';
import { storeUploader } from '../../../../electron/core/s3/session.js';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import { UploadQueue } from '../../../../electron/core/uploads/queue.js';
import { startS3, type S3Fixture } from '../../../fixtures/s3rver.js';
import { snapshotAt } from '../s3/helpers.js';

let s3: S3Fixture;
let dir: string;
beforeAll(async () => {
  s3 = await startS3('ais-sched');
  dir = mkdtempSync(join(tmpdir(), 'ais-sched-'));
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(name: string, opts: { everyHours: number; onAlert: boolean }) {
  const store = new SnapshotStore(join(dir, name, 'store'), { retention: { maxCount: 1000, maxAgeDays: 0 } });
  const queue = new UploadQueue(join(dir, name, 'uploads'));
  const remote = new S3Remote(requireBucket(s3.settings({ prefix: name }).s3), {
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
  });
  let taken = 0;
  const errors: string[] = [];
  const scheduler = new BackupScheduler({
    ...opts,
    queue,
    alertDebounceMs: 50,
    take: async () => {
      taken++;
      return (await store.save(snapshotAt(Date.now() - 1000 + taken))).id;
    },
    uploader: async () => storeUploader(store, remote, undefined),
    onError: (m) => errors.push(m),
  });
  return { store, queue, remote, scheduler, errors, taken: () => taken };
}

describe('BackupScheduler', () => {
  it('takes and uploads a snapshot every N hours while running, and nothing once stopped', async () => {
    const t = setup('every', { everyHours: 0.0001, onAlert: false }); // 360 ms
    t.scheduler.start();
    await vi.waitFor(async () => expect((await listRemote(t.remote)).length).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
      interval: 100,
    });
    await t.scheduler.stop();
    const n = t.taken();
    const uploaded = (await listRemote(t.remote)).length;
    expect(uploaded).toBe(n);
    expect(await t.queue.pending()).toEqual([]);
    expect(t.errors).toEqual([]);
    await t.remote.close();
  });

  it('backs up once per alert burst when onAlert is on, and never when it is off', async () => {
    const on = setup('alert-on', { everyHours: 0, onAlert: true });
    const off = setup('alert-off', { everyHours: 0, onAlert: false });
    on.scheduler.start();
    off.scheduler.start();
    on.scheduler.alertFired();
    on.scheduler.alertFired();
    off.scheduler.alertFired();
    await vi.waitFor(async () => expect(await listRemote(on.remote)).toHaveLength(1), {
      timeout: 10_000,
      interval: 50,
    });
    await on.scheduler.stop();
    await off.scheduler.stop();
    expect(on.taken()).toBe(1);
    expect(off.taken()).toBe(0);
    await on.remote.close();
    await off.remote.close();
  });

  it('on start retries what a previous run left pending', async () => {
    const t = setup('restart', { everyHours: 0, onAlert: false });
    const id = (await t.store.save(snapshotAt(Date.UTC(2026, 3, 1)))).id;
    await t.queue.enqueue(id, 'alert');
    t.scheduler.start();
    await vi.waitFor(async () => expect(await t.queue.isDone(id)).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });
    await t.scheduler.stop();
    expect((await listRemote(t.remote)).map((e) => e.id)).toEqual([id]);
    await t.remote.close();
  });
});
