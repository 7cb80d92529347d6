import type { UploadJob, UploadQueue, Uploader } from '../uploads/queue.js';

/** What the scheduler needs: settings, a way to take and store a snapshot, the queue and an uploader. */
export interface BackupSchedulerParts {
  /** Hours between scheduled backups (0 = none). */
  everyHours: number;
  /** Take a backup whenever an alert fires. */
  onAlert: boolean;
  /** Takes a snapshot, keeps it in the store and returns its id. */
  take: () => Promise<string>;
  queue: UploadQueue;
  /** Built lazily: opening S3 loads the SDK and reads credentials, needed only when something uploads. */
  uploader: () => Promise<Uploader>;
  /** Called with each failure's one line (for a log or a notification); never with secrets. */
  onError?: (message: string) => void;
  now?: () => number;
  /** How long an alert burst may last before its one backup is taken (default 30 s). */
  alertDebounceMs?: number;
}

// Alerts often fire in bursts (CPU and memory together): one backup per burst is enough.
const ALERT_DEBOUNCE_MS = 30_000;
// Never wait longer than this to look at the queue again, whatever its next due time says.
const MAX_RETRY_WAIT_MS = 3_600_000;

/**
 * Automatic backups: a snapshot every N hours and on every alert firing, queued on disk and uploaded;
 * failed uploads are retried when their backoff ends. Its timers are unref'd (they never keep a CLI or
 * server process alive) and nothing runs while stopped. On start, what a previous run left pending is
 * retried.
 */
export class BackupScheduler {
  private scheduleTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private alertTimer: NodeJS.Timeout | undefined;
  private running = false;
  private busy: Promise<void> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly parts: BackupSchedulerParts) {
    this.now = parts.now ?? Date.now;
  }

  /** Starts the schedule and retries what is pending. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const every = this.parts.everyHours * 3_600_000;
    if (every > 0) {
      this.scheduleTimer = setInterval(() => void this.backupNow('schedule'), every);
      this.scheduleTimer.unref();
    }
    void this.enqueueRun(() => this.drain());
  }

  /** Stops every timer and waits for an upload in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.scheduleTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.alertTimer);
    this.scheduleTimer = this.retryTimer = this.alertTimer = undefined;
    await this.busy;
  }

  /** An alert fired: back up once the burst settles (when `onAlert` is on). */
  alertFired(): void {
    if (!this.running || !this.parts.onAlert || this.alertTimer) return;
    this.alertTimer = setTimeout(() => {
      this.alertTimer = undefined;
      void this.backupNow('alert');
    }, this.parts.alertDebounceMs ?? ALERT_DEBOUNCE_MS);
    this.alertTimer.unref();
  }

  /** Takes a snapshot, queues it and uploads what is due; resolves when done (errors go to onError). */
  backupNow(reason: UploadJob['reason']): Promise<void> {
    return this.enqueueRun(async () => {
      const id = await this.parts.take();
      await this.parts.queue.enqueue(id, reason);
      await this.drain();
    });
  }

  /** The pending uploads, for the app's list. */
  pending(): Promise<UploadJob[]> {
    return this.parts.queue.pending();
  }

  private enqueueRun(fn: () => Promise<void>): Promise<void> {
    const run = this.busy.then(async () => {
      if (!this.running) return;
      try {
        await fn();
      } catch (err) {
        this.parts.onError?.((err instanceof Error ? err.message : String(err)).split('\n')[0]!);
      }
    });
    this.busy = run;
    return run;
  }

  private async drain(): Promise<void> {
    if ((await this.parts.queue.pending()).length > 0) {
      const r = await this.parts.queue.drain(await this.parts.uploader(), {
        onProgress: (p) => {
          if (p.error) this.parts.onError?.(p.error);
        },
      });
      void r;
    }
    this.planRetry(await this.parts.queue.nextDue());
  }

  private planRetry(due: number | null): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (!this.running || due === null) return;
    const wait = Math.min(Math.max(due - this.now(), 1000), MAX_RETRY_WAIT_MS);
    this.retryTimer = setTimeout(() => void this.enqueueRun(() => this.drain()), wait);
    this.retryTimer.unref();
  }
}
