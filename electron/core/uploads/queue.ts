import { readdir, readFile } from '../os/fs-async.js';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureDir, isTempName, removeFile, writeFileAtomic } from '../store/atomic.js';
import { hasErrno } from '../store/store-error.js';

/** One snapshot waiting to be uploaded. */
export const UploadJob = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/),
  reason: z.enum(['backup', 'schedule', 'alert']),
  enqueued_at: z.number(),
  attempts: z.number().int().nonnegative(),
  /** Epoch ms before which the job is not retried (backoff). */
  next_at: z.number(),
  /** The last failure, one line, already free of secrets (it comes from a UserError's message). */
  last_error: z.string().nullable(),
});
/** A queued upload. */
export type UploadJob = z.infer<typeof UploadJob>;

/** What the queue remembers of a finished upload. */
export interface UploadDone {
  id: string;
  key: string;
  sha256: string;
  at: number;
}

/** Summary of one drain. */
export interface DrainResult {
  uploaded: number;
  skipped: number;
  failed: number;
  /** Jobs dropped because their snapshot is gone from the local store. */
  dropped: number;
  remaining: number;
}

/** Uploads one snapshot; `gone` when the local store no longer has it. */
export type Uploader = (
  id: string,
) => Promise<{ status: 'uploaded' | 'skipped' | 'gone'; key?: string; sha256?: string }>;

/** Backoff before retry n (1-based): 30 s doubling to at most an hour, ±20 % jitter so retries spread. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * A persistent upload queue: one small JSON file per pending snapshot in `<dir>/pending/`, and one per
 * uploaded snapshot in `<dir>/done/`. Every write is atomic (temp file, fsync, rename). A job leaves
 * `pending` only after the bucket confirmed the upload and its `done` record is on disk, so a crash at
 * any point leaves it pending; the retry is harmless because uploads are idempotent by checksum.
 */
export class UploadQueue {
  private readonly pendingDir: string;
  private readonly doneDir: string;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.pendingDir = join(dir, 'pending');
    this.doneDir = join(dir, 'done');
  }

  /** Queues a snapshot unless it is already queued or uploaded; true when it was added. */
  async enqueue(id: string, reason: UploadJob['reason']): Promise<boolean> {
    if ((await this.isDone(id)) || (await this.readJob(id))) return false;
    await ensureDir(this.pendingDir);
    const job: UploadJob = { id, reason, enqueued_at: this.now(), attempts: 0, next_at: 0, last_error: null };
    await writeFileAtomic(join(this.pendingDir, `${id}.json`), JSON.stringify(job));
    return true;
  }

  /** True when the snapshot's upload was confirmed. */
  async isDone(id: string): Promise<boolean> {
    return (await readJson(join(this.doneDir, `${id}.json`))) !== null;
  }

  /** Ids of every confirmed upload. */
  async doneIds(): Promise<Set<string>> {
    return new Set((await names(this.doneDir)).map((n) => n.slice(0, -5)));
  }

  /** The pending jobs, oldest first (what the app's "pending uploads" list shows). */
  async pending(): Promise<UploadJob[]> {
    const jobs: UploadJob[] = [];
    for (const n of await names(this.pendingDir)) {
      const job = await this.readJob(n.slice(0, -5));
      if (job) jobs.push(job);
    }
    return jobs.sort((a, b) => a.enqueued_at - b.enqueued_at || (a.id < b.id ? -1 : 1));
  }

  /** When the earliest pending job is due (epoch ms), or null when nothing is pending. */
  async nextDue(): Promise<number | null> {
    const jobs = await this.pending();
    return jobs.length ? Math.min(...jobs.map((j) => j.next_at)) : null;
  }

  /**
   * Uploads the due jobs one by one (all of them with `force`, ignoring backoff). A failure keeps the
   * job with its attempt count, the error line and the time of its next try; the drain carries on.
   * Drains in one process run one after the other.
   */
  drain(
    upload: Uploader,
    opts: {
      force?: boolean;
      onProgress?: (p: { done: number; total: number; id: string; error?: string }) => void;
    } = {},
  ): Promise<DrainResult> {
    const run = this.tail.then(() => this.drainNow(upload, opts));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async drainNow(
    upload: Uploader,
    opts: {
      force?: boolean;
      onProgress?: (p: { done: number; total: number; id: string; error?: string }) => void;
    },
  ): Promise<DrainResult> {
    const all = await this.pending();
    const due = opts.force ? all : all.filter((j) => j.next_at <= this.now());
    const r: DrainResult = { uploaded: 0, skipped: 0, failed: 0, dropped: 0, remaining: 0 };
    let done = 0;
    for (const job of due) {
      let error: string | undefined;
      // Killed between writing the done record and removing the job: only the tidying is left.
      if (await this.isDone(job.id)) {
        await removeFile(join(this.pendingDir, `${job.id}.json`));
        r.skipped++;
        opts.onProgress?.({ done: ++done, total: due.length, id: job.id });
        continue;
      }
      try {
        const res = await upload(job.id);
        if (res.status === 'gone') {
          r.dropped++;
        } else {
          await ensureDir(this.doneDir);
          const record: UploadDone = {
            id: job.id,
            key: res.key ?? '',
            sha256: res.sha256 ?? '',
            at: this.now(),
          };
          await writeFileAtomic(join(this.doneDir, `${job.id}.json`), JSON.stringify(record));
          r[res.status]++;
        }
        await removeFile(join(this.pendingDir, `${job.id}.json`));
      } catch (err) {
        error = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
        const attempts = job.attempts + 1;
        const next: UploadJob = {
          ...job,
          attempts,
          next_at: this.now() + backoffMs(attempts),
          last_error: error,
        };
        await writeFileAtomic(join(this.pendingDir, `${job.id}.json`), JSON.stringify(next));
        r.failed++;
      }
      opts.onProgress?.({ done: ++done, total: due.length, id: job.id, ...(error ? { error } : {}) });
    }
    r.remaining = (await names(this.pendingDir)).length;
    return r;
  }

  private async readJob(id: string): Promise<UploadJob | null> {
    const doc = await readJson(join(this.pendingDir, `${id}.json`));
    const parsed = UploadJob.safeParse(doc);
    return parsed.success ? parsed.data : null;
  }
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json') && !isTempName(n));
  } catch (err) {
    if (hasErrno(err, 'ENOENT')) return [];
    throw err;
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
