import { hostname } from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import type { AlertEvent } from '../../../shared/contract/alerts.js';
import { createTranslator, resolveLang, type Lang } from '../../../shared/i18n/index.js';
import type {
  DeliverySettings,
  DeliveryTarget,
  DeliveryTargetStatus,
  DeliveryTestResult,
} from '../../../shared/settings/delivery.js';
import { isUserError } from '../errors.js';
import { translate, userError } from '../messages.js';
import { backoffMs, realScheduler, type Scheduler } from './backoff.js';
import { alertDeliveryMessage, testDeliveryMessage, type DeliveryMessage } from './message.js';
import { describeUrl, type SecretContext } from './secrets.js';
import { sendMessage } from './send.js';
import { SnapshotCache, snapshotSummary, type TakeSnapshot } from './snapshot.js';
import { DeliveryError } from './transport.js';

/** How to build a delivery service; only `settings` is required. */
export interface DeliveryServiceOptions {
  settings: DeliverySettings;
  /** The `language` setting: targets with language auto follow it. */
  language?: 'auto' | Lang;
  env?: NodeJS.ProcessEnv;
  /** Folder relative `file:` references and caFile paths start from. */
  cwd?: string;
  /** Host name messages carry (default the machine's). */
  host?: string;
  /** Clock and timers for retries (tests pass a manual one). */
  scheduler?: Scheduler;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Takes the fresh snapshot attached to firing alerts; absent = no summaries. */
  takeSnapshot?: TakeSnapshot;
  /** One line per failure or give-up; never carries secrets or URL paths. */
  log?: (line: string) => void;
}

interface TargetRecord {
  last_success_at: number | null;
  last_failure_at: number | null;
  last_error: string | null;
  sent: number;
  failed: number;
}

interface Job {
  id: string;
  targetId: string;
  event: AlertEvent;
  tries: number;
  timer: unknown;
  nextAt: number | null;
  message: Promise<DeliveryMessage> | null;
}

const SEVERITY_RANK = { warning: 1, critical: 2 } as const;

/** An error's one line; a UserError in `lang` when given (records and logs keep English). */
function errorText(e: unknown, lang?: Lang): string {
  if (isUserError(e) && e.key && lang) return translate(createTranslator(lang), e.key, e.params);
  if (e instanceof DeliveryError || isUserError(e)) return e.message;
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/**
 * Sends alert events to webhooks and mailboxes. Each (event, target) is one delivery with its own id
 * (sent as X-AutoInfraSnap-Delivery on every try, so receivers can drop duplicates); a try that fails
 * for a reason that may pass (network, 5xx, 429, SMTP 4xx) is retried with capped exponential backoff
 * and jitter, up to `retry.attempts` tries. Per target it keeps the last success, failure and error,
 * the pending retries and counts, which `status()` reports. Secrets are resolved per send from their
 * references and appear in no message, log line or status.
 */
export class DeliveryService {
  private settings: DeliverySettings;
  private language: 'auto' | Lang;
  private readonly ctx: SecretContext;
  private readonly host: string;
  private readonly scheduler: Scheduler;
  private readonly random: () => number;
  private readonly log: (line: string) => void;
  private readonly snapshots: SnapshotCache | null;
  private readonly records = new Map<string, TargetRecord>();
  private readonly jobs = new Set<Job>();
  private readonly inflight = new Set<Promise<void>>();
  private stopped = false;

  constructor(opts: DeliveryServiceOptions) {
    this.settings = opts.settings;
    this.language = opts.language ?? 'auto';
    this.ctx = { env: opts.env ?? process.env, cwd: opts.cwd ?? process.cwd() };
    this.host = opts.host ?? hostname();
    this.scheduler = opts.scheduler ?? realScheduler;
    this.random = opts.random ?? Math.random;
    this.log = opts.log ?? (() => undefined);
    this.snapshots = opts.takeSnapshot
      ? new SnapshotCache(opts.takeSnapshot, () => this.scheduler.now())
      : null;
  }

  /** The targets in effect. */
  targets(): DeliveryTarget[] {
    return this.settings.targets;
  }

  /** Follows changed settings; retries of targets that are gone are dropped, records of kept ones stay. */
  reconfigure(settings: DeliverySettings, language: 'auto' | Lang = this.language): void {
    this.settings = settings;
    this.language = language;
    const ids = new Set(settings.targets.map((t) => t.id));
    for (const job of [...this.jobs]) if (!ids.has(job.targetId)) this.drop(job);
    for (const id of [...this.records.keys()]) if (!ids.has(id)) this.records.delete(id);
  }

  /** Subscribes to an alert engine's events; returns the unsubscribe function. */
  attach(engine: { onEvent(cb: (e: AlertEvent) => void): (() => void) | void }): () => void {
    const off = engine.onEvent((e) => this.handle(e));
    return () => {
      if (typeof off === 'function') off();
    };
  }

  /**
   * Queues one alert event for every enabled target that wants it: a notified firing (not a repeat)
   * or, for targets with `resolved`, a notified resolution; at or above the target's `minSeverity`.
   */
  handle(e: AlertEvent): void {
    if (this.stopped || !e.notify) return;
    const a = e.alert;
    const firing = a.state === 'firing' && e.previous !== 'firing';
    const resolved = a.state === 'resolved';
    if (!firing && !resolved) return;
    for (const target of this.settings.targets) {
      if (!target.enabled || (resolved && !target.resolved)) continue;
      if (SEVERITY_RANK[a.severity] < SEVERITY_RANK[target.minSeverity]) continue;
      const job: Job = {
        id: uuidv7(),
        targetId: target.id,
        event: e,
        tries: 0,
        timer: null,
        nextAt: null,
        message: null,
      };
      this.jobs.add(job);
      this.run(job);
    }
  }

  /** Per-target delivery records, in settings order. */
  status(): DeliveryTargetStatus[] {
    return this.settings.targets.map((t) => {
      const r = this.record(t.id);
      const waiting = [...this.jobs].filter((j) => j.targetId === t.id && j.nextAt !== null);
      const next = waiting.map((j) => j.nextAt!).sort((x, y) => x - y)[0] ?? null;
      return {
        id: t.id,
        kind: t.kind,
        enabled: t.enabled,
        destination: destination(t),
        ...r,
        pending: waiting.length,
        next_retry_at: next,
      };
    });
  }

  /**
   * Sends a test message now, without retries, to target `id` (even when disabled) or to every enabled
   * target; the outcome is recorded like any delivery. Errors in the result are in `lang` when given
   * (the caller's UI language). Throws a UserError when there is no such target.
   */
  async test(id?: string, lang?: Lang): Promise<DeliveryTestResult[]> {
    const all = this.settings.targets;
    if (all.length === 0) throw userError('not_found', 'delivery.error.no_targets');
    let chosen = all.filter((t) => t.enabled);
    if (id !== undefined) {
      const one = all.find((t) => t.id === id);
      if (!one)
        throw userError('not_found', 'delivery.error.unknown_target', {
          id,
          known: all.map((t) => t.id).join(', '),
        });
      chosen = [one];
    }
    return Promise.all(
      chosen.map(async (t) => {
        const m = testDeliveryMessage({
          id: t.id,
          lang: this.langOf(t),
          host: this.host,
          now: this.scheduler.now(),
        });
        try {
          await this.track(this.send(t, m, uuidv7()));
          this.succeeded(t.id);
          return { id: t.id, ok: true, error: null };
        } catch (e) {
          this.failedTry(t.id, errorText(e));
          return { id: t.id, ok: false, error: errorText(e, lang) };
        }
      }),
    );
  }

  /** Resolves when no send is in flight (tests; shutdown). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /** Accepts events again after `stop()` (the server restarting its backend). */
  start(): void {
    this.stopped = false;
  }

  /** Cancels pending retries and waits for sends in flight (each bounded by the request timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of [...this.jobs]) this.drop(job);
    await this.idle();
  }

  private langOf(t: DeliveryTarget): Lang {
    if (t.language !== 'auto') return t.language;
    return resolveLang(this.language, this.ctx.env, () => Intl.DateTimeFormat().resolvedOptions().locale);
  }

  private record(id: string): TargetRecord {
    let r = this.records.get(id);
    if (!r)
      this.records.set(
        id,
        (r = { last_success_at: null, last_failure_at: null, last_error: null, sent: 0, failed: 0 }),
      );
    return r;
  }

  private succeeded(id: string): void {
    const r = this.record(id);
    r.last_success_at = this.scheduler.now();
    r.sent++;
  }

  private failedTry(id: string, error: string): void {
    const r = this.record(id);
    r.last_failure_at = this.scheduler.now();
    r.last_error = error;
  }

  private drop(job: Job): void {
    if (job.timer !== null) this.scheduler.clearTimeout(job.timer);
    job.timer = null;
    job.nextAt = null;
    this.jobs.delete(job);
  }

  private track(p: Promise<void>): Promise<void> {
    this.inflight.add(p);
    void p.then(
      () => this.inflight.delete(p),
      () => this.inflight.delete(p),
    );
    return p;
  }

  private run(job: Job): void {
    job.timer = null;
    job.nextAt = null;
    void this.track(this.attempt(job));
  }

  private async attempt(job: Job): Promise<void> {
    const target = this.settings.targets.find((t) => t.id === job.targetId);
    if (!target || !this.jobs.has(job)) return;
    job.tries++;
    try {
      // One message per delivery: every retry sends the same body (and the same delivery id).
      job.message ??= this.message(target, job.event);
      await this.send(target, await job.message, job.id);
      this.jobs.delete(job);
      this.succeeded(target.id);
    } catch (e) {
      const error = errorText(e);
      this.failedTry(target.id, error);
      const { attempts } = this.settings.retry;
      const retryable = e instanceof DeliveryError && e.retryable;
      if (retryable && job.tries < attempts && !this.stopped && this.jobs.has(job)) {
        const wait = backoffMs(job.tries, this.settings.retry, this.random);
        job.nextAt = this.scheduler.now() + wait;
        job.timer = this.scheduler.setTimeout(() => this.run(job), wait);
        this.log(
          `delivery to "${target.id}" failed (try ${job.tries} of ${attempts}): ${error}; retrying in ${Math.ceil(wait / 1000)} s`,
        );
      } else {
        this.jobs.delete(job);
        this.record(target.id).failed++;
        this.log(`delivery to "${target.id}" failed (try ${job.tries} of ${attempts}), giving up: ${error}`);
      }
    }
  }

  private async message(target: DeliveryTarget, e: AlertEvent): Promise<DeliveryMessage> {
    const lang = this.langOf(target);
    const wantSummary = target.snapshot && e.alert.state === 'firing' && this.snapshots !== null;
    const snap = wantSummary ? await this.snapshots!.get() : null;
    const summary = snap ? snapshotSummary(snap, createTranslator(lang)) : null;
    return alertDeliveryMessage(e, { lang, host: this.host, summary, now: this.scheduler.now() });
  }

  private send(target: DeliveryTarget, m: DeliveryMessage, deliveryId: string): Promise<void> {
    return sendMessage(target, m, deliveryId, {
      secrets: this.ctx,
      timeoutMs: this.settings.timeoutSeconds * 1000,
      now: this.scheduler.now(),
    });
  }
}

/** What status and logs show of where a target sends: scheme and host, or the SMTP server. */
export function destination(t: DeliveryTarget): string {
  return t.kind === 'email' ? `smtp://${t.host}:${t.port}` : describeUrl(t.url);
}
