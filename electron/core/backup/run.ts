import type { SnapshotStore } from '../store/store.js';
import type { DrainResult, UploadQueue, Uploader } from '../uploads/queue.js';

/** Progress of a backup run, one call per snapshot. */
export type BackupProgress = (p: { done: number; total: number; id: string; error?: string }) => void;

/**
 * `autoinfrasnap backup`: queues every local snapshot not yet uploaded, then uploads everything pending
 * now, backoff or not (the user asked). Failures stay queued for the app's or the next run's retry.
 */
export async function backupAll(
  store: SnapshotStore,
  queue: UploadQueue,
  upload: Uploader,
  onProgress?: BackupProgress,
): Promise<DrainResult & { queued: number }> {
  const done = await queue.doneIds();
  let queued = 0;
  // Oldest first, so an interrupted run leaves the newest history to the retry, not gaps in the middle.
  for (const e of [...(await store.list())].reverse()) {
    if (done.has(e.id)) continue;
    if (await queue.enqueue(e.id, 'backup')) queued++;
  }
  const r = await queue.drain(upload, { force: true, ...(onProgress ? { onProgress } : {}) });
  return { ...r, queued };
}
