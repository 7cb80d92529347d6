import { hostname } from 'node:os';
import type { CommandResponse } from '../../shared/contract/api.js';
import type { AlertEvent, AlertRule } from '../../shared/contract/alerts.js';
import type { HistoryPoint, HistoryRange, Sample } from '../../shared/contract/sample.js';
import { quietHoursFromSetting, type QuietHours } from '../core/alerts/quiet-hours.js';
import type { LoadedConfig } from '../core/config/load.js';
import { DeliveryService } from '../core/delivery/service.js';
import { alertSnapshotTaker } from '../core/delivery/snapshot.js';
import type { FleetOps } from '../core/fleet/ops.js';
import { headlessS3Ops, type S3Ops } from '../core/s3/ops.js';
import { SnapshotOps } from './snapshots.js';
import { SettingsOps } from './settings.js';

type Status = CommandResponse<'status:get'>;
type AlertsList = CommandResponse<'alerts:list'>;

/** What the server needs of the live sampler (electron/core/sampler/sampler.ts). */
export interface SamplerLike {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
  latest(): Sample | null;
  history(range: HistoryRange): HistoryPoint[] | Promise<HistoryPoint[]>;
  onSample(cb: (s: Sample) => void): (() => void) | void;
  setVisible?(visible: boolean): void;
  setIntervalMs?(ms: number): void;
  setIdleIntervalMs?(ms: number): void;
}

/** What the server needs of the alert engine (electron/core/alerts/engine.ts). */
export interface AlertEngineLike {
  evaluate(sample: Sample): AlertEvent[];
  active(): AlertsList['active'];
  history(): AlertsList['history'];
  rules(): AlertRule[];
  setRules(rules: AlertRule[]): void;
  onEvent?(cb: (e: AlertEvent) => void): (() => void) | void;
  setQuietHours?(q: QuietHours): void;
}

/** Everything the HTTP routes call: live metrics, alerts, snapshots, settings, and push events. */
export interface Backend {
  latest(): Sample | null;
  history(range: HistoryRange): Promise<HistoryPoint[]>;
  status(): Status;
  alerts(): AlertsList;
  setRules(rules: AlertRule[]): Promise<AlertRule[]>;
  snapshots: SnapshotOps;
  settings: SettingsOps;
  onSample(cb: (s: Sample) => void): () => void;
  onAlert(cb: (e: AlertEvent) => void): () => void;
  onStatus(cb: (s: Status) => void): () => void;
  /** Samples at the full rate while someone watches (an event stream is open), else at the idle rate. */
  setVisible(visible: boolean): void;
  /** Alert delivery to webhooks and email: per-target records and test messages. */
  delivery: Pick<DeliveryService, 'status' | 'test'>;
  /** The remote hosts of the fleet view, when this backend watches any (electron/core/fleet). */
  fleet?: FleetOps;
  /** S3 share, connection test, pending uploads and typed-in keys (electron/core/s3). */
  s3: Pick<S3Ops, 'share' | 'test' | 'uploads' | 'credentialsStatus' | 'setCredentials'>;
  /** Starts sampling. */
  start(): Promise<void>;
  /** Stops sampling and flushes what the sampler keeps on disk. */
  stop(): Promise<void>;
}

/** The parts a backend is built from; tests and the fallback pass their own. */
export interface BackendParts {
  sampler: SamplerLike;
  alerts: AlertEngineLike;
  /** Persists the alert engine's state (rules, open alerts); called after rule changes and on stop. */
  save?: () => Promise<void>;
  /** Sends alert events to webhooks and email; default one over the `delivery` settings. */
  delivery?: DeliveryService;
  /** Builds the fleet part over the backend's settings; started and stopped with the backend. */
  fleet?: (settings: SettingsOps) => FleetOps;
  /** S3 share and automatic backups; the tray app passes one over its keychain (default: headless). */
  s3?: S3Ops;
}

class Listeners<T> {
  private readonly set = new Set<(v: T) => void>();
  add(cb: (v: T) => void): () => void {
    this.set.add(cb);
    return () => void this.set.delete(cb);
  }
  emit(v: T): void {
    for (const cb of [...this.set]) cb(v);
  }
}

/**
 * A backend over a sampler, an alert engine, the snapshot store and the settings file: each sample is
 * evaluated by the alert engine, and the overall status is pushed when it changes.
 */
export function createBackend(
  cfg: LoadedConfig,
  parts: BackendParts,
  reload: () => Promise<LoadedConfig>,
): Backend {
  const samples = new Listeners<Sample>();
  const alertEvents = new Listeners<AlertEvent>();
  const statuses = new Listeners<Status>();
  let running = false;
  let lastStatus = '';
  const host = hostname();
  const { sampler, alerts } = parts;
  const ops = { snapshots: new SnapshotOps(cfg), settings: new SettingsOps(cfg, reload) };
  ops.settings.onChange((c) => ops.snapshots.reconfigure(c));
  const delivery =
    parts.delivery ??
    new DeliveryService({
      settings: cfg.settings.delivery,
      language: cfg.settings.language,
      takeSnapshot: () => alertSnapshotTaker(ops.settings.get())(),
      log: (line) => process.stderr.write(`autoinfrasnap: ${line}\n`),
    });
  ops.settings.onChange((c) => delivery.reconfigure(c.settings.delivery, c.settings.language));
  // Every notified firing and resolution also goes to the webhooks and mailboxes (core/delivery).
  alertEvents.add((e) => delivery.handle(e));
  const fleet = parts.fleet?.(ops.settings);
  // Backups every N hours and on alert firings (core/backup), restarted when the settings change.
  const s3 =
    parts.s3 ??
    headlessS3Ops(
      () => ops.settings.get(),
      async () => (await ops.snapshots.take()).id,
      (line) => process.stderr.write(`autoinfrasnap: ${line}\n`),
    );
  alertEvents.add((e) => s3.alertEvent(e));
  // Whether Share can work, in the status the popover already watches (no settings:get there).
  let shareReady = Boolean(cfg.settings.s3.bucket);
  ops.settings.onChange(({ settings }) => {
    void s3.reconfigure();
    shareReady = Boolean(settings.s3.bucket);
    pushStatus();
  });
  // The monitor settings apply live: the idle interval and quiet hours from the start (serve's
  // --interval sets the visible interval), each one again whenever settings:set changes it.
  let monitor = cfg.settings.monitor;
  sampler.setIdleIntervalMs?.(monitor.idleIntervalSeconds * 1000);
  alerts.setQuietHours?.(quietHoursFromSetting(monitor.quietHours));
  ops.settings.onChange(({ settings: { monitor: m } }) => {
    if (m.intervalSeconds !== monitor.intervalSeconds) sampler.setIntervalMs?.(m.intervalSeconds * 1000);
    if (m.idleIntervalSeconds !== monitor.idleIntervalSeconds)
      sampler.setIdleIntervalMs?.(m.idleIntervalSeconds * 1000);
    if (m.quietHours !== monitor.quietHours) alerts.setQuietHours?.(quietHoursFromSetting(m.quietHours));
    monitor = m;
  });

  const status = (): Status => {
    if (!running) return { status: 'paused', firing: 0, host, share: shareReady };
    const firing = alerts.active().filter((a) => a.state === 'firing');
    const level = firing.some((a) => a.severity === 'critical')
      ? 'critical'
      : firing.length
        ? 'warning'
        : 'ok';
    return { status: level, firing: firing.length, host, share: shareReady };
  };
  const pushStatus = (): void => {
    const s = status();
    const key = JSON.stringify(s);
    if (key === lastStatus) return;
    lastStatus = key;
    statuses.emit(s);
  };
  const ownEvents = typeof alerts.onEvent === 'function';
  alerts.onEvent?.((e) => alertEvents.emit(e));
  let unsubscribe: (() => void) | void = undefined;

  return {
    latest: () => sampler.latest(),
    history: async (range) => sampler.history(range),
    status,
    alerts: () => ({ active: alerts.active(), history: alerts.history(), rules: alerts.rules() }),
    async setRules(rules) {
      alerts.setRules(rules);
      pushStatus();
      await parts.save?.();
      return alerts.rules();
    },
    setVisible: (v) => sampler.setVisible?.(v),
    delivery: { status: () => delivery.status(), test: (id, lang) => delivery.test(id, lang) },
    ...ops,
    s3,
    ...(fleet && { fleet }),
    onSample: (cb) => samples.add(cb),
    onAlert: (cb) => alertEvents.add(cb),
    onStatus: (cb) => statuses.add(cb),
    async start() {
      if (running) return;
      running = true;
      delivery.start();
      unsubscribe = sampler.onSample((s) => {
        const events = alerts.evaluate(s);
        samples.emit(s);
        if (!ownEvents) for (const e of events) alertEvents.emit(e);
        pushStatus();
      });
      await sampler.start();
      s3.start();
      await fleet?.start();
      pushStatus();
    },
    async stop() {
      if (!running) return;
      running = false;
      if (typeof unsubscribe === 'function') unsubscribe();
      fleet?.stop();
      await sampler.stop();
      await parts.save?.().catch(() => undefined);
      await delivery.stop();
      await s3.stop();
      pushStatus();
    },
  };
}
