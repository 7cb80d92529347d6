import { hostname } from 'node:os';
import type { HistoryPoint, HistoryRange, Sample } from '../../../shared/contract/sample.js';
import { Collector, type CollectorOptions, type LightReaders } from './collect.js';
import { historyCsv, historyJson } from './export.js';
import {
  MinuteAccumulator,
  RAW_SPAN_MS,
  RawRing,
  RollupStore,
  mergeRollups,
  minuteOf,
  rollupPoint,
  type MinuteRollup,
} from './history.js';
import { sampleMetrics } from './map.js';
import { HistoryFiles } from './persist.js';
import { monotonicMs } from '../os/clock.js';

/** The allowed tick intervals in ms. */
export const MIN_INTERVAL_MS = 1000;
/** The allowed tick intervals in ms. */
export const MAX_INTERVAL_MS = 60_000;
const RANGE_MS: Record<HistoryRange, number> = {
  '5m': 300_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
};

/** Wall clock (epoch ms); `monotonic` (ms, any origin) lets the sampler tell a sleep from a slow tick. */
export interface SamplerClock {
  now(): number;
  monotonic?(): number;
}

/** Options of a Sampler. */
export interface SamplerOptions {
  /** Tick interval while a window is visible; default 2000, clamped to 1000–60000. */
  intervalMs?: number;
  /** Tick interval while no window is visible; default 10000, never faster than intervalMs. */
  idleIntervalMs?: number;
  /** Folder the history is kept in (`<dataDir>/history`). */
  dataDir: string;
  /** Injected clock (tests); default Date.now with the hrtime clock (os/clock.ts) as the monotonic one. */
  clock?: SamplerClock;
  /** Readers to use instead of the registry's (tests). */
  readers?: LightReaders;
  redaction?: { enabled: boolean; patterns?: string[] };
  /** Context overrides for the readers (tests: fixture roots). */
  context?: CollectorOptions['context'];
}

function clampInterval(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`interval must be a number of ms, got ${ms}`);
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.round(ms)));
}

/**
 * The live sampler: reads the light metric set every interval (never two ticks at once: a slow tick
 * delays the next), keeps one hour at full resolution and seven days of minute rollups, persists them
 * in dataDir, and pushes each Sample to its listeners. Its timer is unref'd: it never keeps a CLI alive.
 */
export class Sampler {
  private readonly collector: Collector;
  private readonly files: HistoryFiles;
  private readonly clock: Required<SamplerClock>;
  private readonly host = hostname();
  private intervalMs: number;
  private idleIntervalMs: number;
  private visible = true;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  /** Wall and monotonic time of the last tick, and when the next one was due. */
  private last: { wall: number; mono: number; dueWall: number } | undefined;
  private latestSample: Sample | null = null;
  private readonly listeners = new Set<(s: Sample) => void>();
  private readonly raw = new RawRing();
  private readonly rollups = new RollupStore();
  private minute: MinuteAccumulator | undefined;
  private day = '';
  /** The stored history is read on the first start only; a restart of the same object keeps memory. */
  private loaded = false;

  constructor(opts: SamplerOptions) {
    this.intervalMs = clampInterval(opts.intervalMs ?? 2000);
    this.idleIntervalMs = clampInterval(opts.idleIntervalMs ?? 10_000);
    const c = opts.clock;
    this.clock = c
      ? { now: () => c.now(), monotonic: () => (c.monotonic ? c.monotonic() : c.now()) }
      : { now: () => Date.now(), monotonic: () => monotonicMs() };
    this.collector = new Collector({
      readers: opts.readers,
      redaction: opts.redaction,
      context: opts.context,
    });
    this.files = new HistoryFiles(opts.dataDir);
  }

  /** The interval in force: intervalMs while a window is visible, else the idle one. */
  private currentInterval(): number {
    return this.visible ? this.intervalMs : Math.max(this.intervalMs, this.idleIntervalMs);
  }

  /** Loads the stored history, takes the first sample and starts the timer. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const now = this.clock.now();
    if (!this.loaded) {
      this.loaded = true;
      try {
        for (const r of await this.files.loadRollups(now)) this.rollups.put(r);
        for (const p of await this.files.loadRecent(now)) this.raw.push(p.t, p.values);
      } catch {
        // An unreadable history folder costs the past, not the live view.
      }
    }
    this.rollups.prune(now);
    await this.runTick();
  }

  /** Stops the timer, waits for a tick in flight and writes the history (partial minute included). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
    const now = this.clock.now();
    if (this.minute && !this.minute.empty) this.finishMinute(this.minute.rollup());
    this.minute = undefined;
    this.last = undefined;
    await Promise.allSettled([this.files.saveRecent(this.raw.since(now - RAW_SPAN_MS)), this.files.flush()]);
  }

  /** The most recent sample, or null before the first tick. */
  latest(): Sample | null {
    return this.latestSample;
  }

  /** History of a range: 5m/1h at full resolution, 24h/7d as minute rollups (current minute included). */
  history(range: HistoryRange): HistoryPoint[] {
    const since = this.clock.now() - RANGE_MS[range];
    if (range === '5m' || range === '1h') return this.raw.since(since);
    const list = this.rollups.since(since);
    if (this.minute && !this.minute.empty && this.minute.t >= since) {
      const current = this.minute.rollup();
      const last = list[list.length - 1];
      if (last?.t === current.t) list[list.length - 1] = mergeRollups(last, current);
      else list.push(current);
    }
    return list.map(rollupPoint);
  }

  /** Calls `listener` with every new sample; returns the unsubscribe function. */
  onSample(listener: (s: Sample) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A window is open (tick at intervalMs) or none is (tick at idleIntervalMs). */
  setVisible(visible: boolean): void {
    if (this.visible === visible) return;
    this.visible = visible;
    this.reschedule();
  }

  /** Changes the visible interval (clamped to 1000–60000 ms); takes effect from the next tick. */
  setIntervalMs(ms: number): void {
    this.intervalMs = clampInterval(ms);
    this.reschedule();
  }

  /** Changes the interval used while no window is visible (clamped to 1000–60000 ms, never faster than intervalMs). */
  setIdleIntervalMs(ms: number): void {
    this.idleIntervalMs = clampInterval(ms);
    this.reschedule();
  }

  /** The history of a range as CSV or JSON text (see export.ts for the layouts). */
  exportHistory(range: HistoryRange, format: 'csv' | 'json'): string {
    const points = this.history(range);
    if (format === 'csv') return historyCsv(points);
    const resolution = range === '5m' || range === '1h' ? 'raw' : '1m';
    return historyJson(points, { host: this.host, range, resolution, exportedAt: this.clock.now() });
  }

  /** Re-arms the timer for the interval in force, counted from the last tick (not from now). */
  private reschedule(): void {
    if (!this.running || this.inFlight) return; // a tick in flight schedules the next when it ends
    clearTimeout(this.timer);
    this.schedule();
  }

  private schedule(): void {
    if (!this.running) return;
    const interval = this.currentInterval();
    const delay = this.last ? Math.max(0, this.last.wall + interval - this.clock.now()) : interval;
    if (this.last) this.last.dueWall = this.clock.now() + delay;
    this.timer = setTimeout(() => void this.runTick(), delay);
    this.timer.unref();
  }

  private runTick(): Promise<void> {
    this.timer = undefined;
    const p = this.tick().finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
    this.inFlight = p;
    return p;
  }

  /**
   * A sleep (or a clock set by hand) shows as wall time that advanced far more than monotonic time, or
   * a tick far later than it was due: rates across it would be wrong, so the windows are reset.
   */
  private isGap(wall: number, mono: number): boolean {
    const l = this.last;
    if (!l) return false;
    const slack = Math.max(5000, 2 * this.currentInterval());
    return wall < l.wall || Math.abs(wall - l.wall - (mono - l.mono)) > slack || wall - l.dueWall > slack;
  }

  private async tick(): Promise<void> {
    const wall = this.clock.now();
    const mono = this.clock.monotonic();
    if (this.isGap(wall, mono)) this.collector.resetWindows();
    const interval = this.currentInterval();
    this.last = { wall, mono, dueWall: wall + interval };
    let sample: Sample;
    try {
      sample = await this.collector.tick(wall, interval);
    } catch {
      return; // the collector contains reader failures; anything else skips one tick
    }
    this.latestSample = sample;
    this.record(sample);
    for (const l of this.listeners) {
      try {
        l(sample);
      } catch {
        // One faulty listener must not starve the others or stop the sampler.
      }
    }
  }

  /** Adds a sample to the ring and the current minute; a new minute closes (and persists) the previous one. */
  private record(sample: Sample): void {
    const values = sampleMetrics(sample);
    this.raw.push(sample.t, values);
    const m = minuteOf(sample.t);
    if (this.minute && this.minute.t !== m) {
      if (!this.minute.empty) this.finishMinute(this.minute.rollup());
      this.minute = undefined;
    }
    this.minute ??= new MinuteAccumulator(m);
    this.minute.add(values);
    const day = new Date(sample.t).toISOString().slice(0, 10);
    if (day !== this.day) {
      const previous = this.day;
      this.day = day;
      this.rollups.prune(sample.t);
      void this.files.pruneOld(sample.t).catch(() => undefined);
      // The day that just ended gets no more appends (its last minute was queued above): compact it.
      if (previous !== '') {
        void this.files.compactDay(Date.parse(`${previous}T00:00:00Z`)).catch(() => undefined);
      }
    }
  }

  private finishMinute(r: MinuteRollup): void {
    this.rollups.put(r);
    // A failed append loses the minute on disk only; memory keeps it until the next restart.
    void this.files.appendRollup(r).catch(() => undefined);
  }
}
