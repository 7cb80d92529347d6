import { hostname } from 'node:os';
import type { CommandResponse } from '../../shared/contract/api.js';
import type { AlertEvent, AlertRule } from '../../shared/contract/alerts.js';
import type { HistoryPoint, HistoryRange, Sample } from '../../shared/contract/sample.js';
import type { LoadedConfig } from '../core/config/load.js';
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
}

/** What the server needs of the alert engine (electron/core/alerts/engine.ts). */
export interface AlertEngineLike {
  evaluate(sample: Sample): AlertEvent[];
  active(): AlertsList['active'];
  history(): AlertsList['history'];
  rules(): AlertRule[];
  setRules(rules: AlertRule[]): void;
  onEvent?(cb: (e: AlertEvent) => void): (() => void) | void;
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

  const status = (): Status => {
    if (!running) return { status: 'paused', firing: 0, host };
    const firing = alerts.active().filter((a) => a.state === 'firing');
    const level = firing.some((a) => a.severity === 'critical')
      ? 'critical'
      : firing.length
        ? 'warning'
        : 'ok';
    return { status: level, firing: firing.length, host };
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
    ...ops,
    onSample: (cb) => samples.add(cb),
    onAlert: (cb) => alertEvents.add(cb),
    onStatus: (cb) => statuses.add(cb),
    async start() {
      if (running) return;
      running = true;
      unsubscribe = sampler.onSample((s) => {
        const events = alerts.evaluate(s);
        samples.emit(s);
        if (!ownEvents) for (const e of events) alertEvents.emit(e);
        pushStatus();
      });
      await sampler.start();
      pushStatus();
    },
    async stop() {
      if (!running) return;
      running = false;
      if (typeof unsubscribe === 'function') unsubscribe();
      await sampler.stop();
      await parts.save?.().catch(() => undefined);
      pushStatus();
    },
  };
}
