import { hostname } from 'node:os';
import type { Sample } from '../../../shared/contract/sample.js';
import { createRedactor, type Redactor } from '../../../shared/redact/index.js';
import { readFilesystems } from '../metrics/disks/linux.js';
import { READERS, type AnyReader } from '../metrics/registry.js';
import type { ReaderContext } from '../snapshot/reader.js';
import { LinuxFastPath } from './linux.js';
import { TOP_PROCESSES, toSample, type LightSections } from './map.js';
import { withTimeout } from '../os/timeout.js';

/** The sections a tick reads: the light set, never ports, services, users or host. */
export const LIGHT_SECTIONS = [
  'cpu',
  'memory',
  'swap',
  'disks',
  'network',
  'processes',
  'sensors',
  'containers',
] as const;
/** One of the light sections. */
export type LightSection = (typeof LIGHT_SECTIONS)[number];
/** Readers to use instead of the registry's (tests, other platforms). */
export type LightReaders = Partial<{ [K in LightSection]: AnyReader<K> }>;

// What the Linux fast path reads instead of the readers (unless a test injects one of them).
const FAST_SECTIONS: ReadonlySet<LightSection> = new Set([
  'cpu',
  'memory',
  'swap',
  'disks',
  'network',
  'processes',
]);
// statfs of every mount: sizes move slowly, and a network mount can make it slow.
const FILESYSTEMS_REFRESH_MS = 5000;
const FILESYSTEMS_TIMEOUT_MS = 5000;
// Temperatures and the battery move over seconds, and hwmon reads can be slow (ACPI, I2C).
const SENSORS_REFRESH_MS = 5000;

/** How often the container engine is asked again after it did not answer. */
export const CONTAINER_REPROBE_MS = 60_000;
// docker stats costs the engine a cgroup walk per container: ask at most this often, reuse in between.
const CONTAINER_REFRESH_MS = 10_000;

/** Options of the collector (a subset of the Sampler's). */
export interface CollectorOptions {
  readers?: LightReaders;
  redaction?: { enabled: boolean; patterns?: readonly string[] };
  /** Context overrides (tests: fixture roots, another platform). */
  context?: Partial<Pick<ReaderContext, 'platform' | 'procRoot' | 'sysRoot' | 'env'>>;
}

/**
 * Runs one tick and keeps each source's counters for the next one, so rates cover the real time between
 * two ticks. On Linux the counter-based sections come from LinuxFastPath (each kernel file read once per
 * tick); sensors, containers, and every section on other platforms come from the readers, whose
 * `begin` runs right after `collect` to open the next tick's window.
 */
export class Collector {
  private starts = new Map<LightSection, unknown>();
  private readonly redactor: Redactor | null;
  private readonly fast: LinuxFastPath | null;
  private sensors: { at: number; data: LightSections['sensors'] } | undefined;
  private filesystems: { at: number; list: NonNullable<LightSections['disks']>['filesystems'] } | undefined;
  private readonly host = hostname();
  private containers: { enabled: boolean; checkedAt: number; last?: LightSections['containers'] } = {
    enabled: false,
    checkedAt: -Infinity,
  };

  constructor(private readonly opts: CollectorOptions = {}) {
    this.redactor =
      opts.redaction?.enabled === false
        ? null
        : createRedactor({ extraPatterns: opts.redaction?.patterns ?? [] });
    const linux = (opts.context?.platform ?? process.platform) === 'linux';
    const injected = [...FAST_SECTIONS].some((k) => opts.readers?.[k] !== undefined);
    this.fast = linux && !injected ? new LinuxFastPath(opts.context?.procRoot, opts.context?.sysRoot) : null;
  }

  private reader<K extends LightSection>(k: K): AnyReader<K> {
    return (this.opts.readers?.[k] ?? READERS[k]) as AnyReader<K>;
  }

  private context(memo: Map<string, Promise<unknown>>, windowMs: number): Omit<ReaderContext, 'signal'> {
    const c = this.opts.context;
    return {
      platform: c?.platform ?? process.platform,
      windowMs,
      topN: TOP_PROCESSES,
      procRoot: c?.procRoot ?? '/proc',
      sysRoot: c?.sysRoot ?? '/sys',
      env: c?.env ?? process.env,
      memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
        let p = memo.get(key) as Promise<T> | undefined;
        if (!p) memo.set(key, (p = compute()));
        return p;
      },
    };
  }

  /** Forgets every window start: the next tick reports no rates (after a sleep or a clock jump). */
  resetWindows(): void {
    this.starts.clear();
    this.fast?.reset();
  }

  /** Which sections this tick reads; containers only while an engine answers, re-probed every minute. */
  private wanted(now: number): LightSection[] {
    const c = this.containers;
    const due = c.enabled
      ? now - c.checkedAt >= CONTAINER_REFRESH_MS
      : now - c.checkedAt >= CONTAINER_REPROBE_MS;
    const sensorsDue = !this.sensors || now - this.sensors.at >= SENSORS_REFRESH_MS || now < this.sensors.at;
    return LIGHT_SECTIONS.filter(
      (s) =>
        (s !== 'containers' || due) &&
        (s !== 'sensors' || sensorsDue) &&
        !(this.fast && FAST_SECTIONS.has(s)),
    );
  }

  /** One tick: collect every light section against the previous tick's starts, then open the next window. */
  async tick(now: number, intervalMs: number): Promise<Sample> {
    const memo = new Map<string, Promise<unknown>>();
    const windowMs = Math.max(1, intervalMs);
    const base = this.context(memo, windowMs);
    const data: LightSections = {};
    const next = new Map<LightSection, unknown>();
    const wanted = this.wanted(now);
    const fast = this.fast ? this.readFast(now, base) : null;
    await Promise.all(
      wanted.map(async (section) => {
        const r = this.reader(section);
        try {
          const value = await withTimeout(r.timeoutMs, (signal) =>
            r.collect({ ...base, signal }, this.starts.get(section)),
          );
          (data as Record<string, unknown>)[section] = value;
          const start = await withTimeout(r.timeoutMs, (signal) =>
            this.nextStart(section, { ...base, signal }),
          );
          if (start !== undefined) next.set(section, start);
        } catch {
          // A failed or slow reader only leaves its part of the sample empty; the next tick retries.
        }
      }),
    );
    if (fast) Object.assign(data, await fast);
    if (wanted.includes('sensors')) this.sensors = { at: now, data: data.sensors };
    else data.sensors = this.sensors?.data;
    this.trackContainers(now, wanted.includes('containers'), data, next);
    this.starts = next;
    return toSample(data, { t: now, intervalMs, host: this.host, redactor: this.redactor });
  }

  /** Window start for the next tick: the reader's begin, run right after its collect. */
  private nextStart(section: LightSection, ctx: ReaderContext): Promise<unknown> {
    const r = this.reader(section);
    return r.begin ? r.begin(ctx) : Promise.resolve(undefined);
  }

  /** The fast path's sections, with the filesystem list refreshed every few seconds. */
  private async readFast(now: number, base: Omit<ReaderContext, 'signal'>): Promise<LightSections> {
    const fsDue =
      !this.filesystems || now - this.filesystems.at >= FILESYSTEMS_REFRESH_MS || now < this.filesystems.at;
    const [data, list] = await Promise.all([
      this.fast!.read(TOP_PROCESSES).catch((): LightSections => ({})),
      // withTimeout, not AbortSignal.timeout: the latter's timer is held by a FinalizationRegistry
      // until a full GC finds the signal dead, so one piled up every refresh (357 in 30 min, seen in
      // a heap snapshot); this one is cleared as soon as the statfs calls return.
      fsDue
        ? withTimeout(FILESYSTEMS_TIMEOUT_MS, (signal) => readFilesystems({ ...base, signal })).catch(
            () => undefined,
          )
        : undefined,
    ]);
    if (list) this.filesystems = { at: now, list };
    if (this.filesystems) data.disks = { io: data.disks?.io ?? [], filesystems: this.filesystems.list };
    return data;
  }

  /** Keeps the last container answer between refreshes and turns the section off when the engine leaves. */
  private trackContainers(
    now: number,
    read: boolean,
    data: LightSections,
    next: Map<LightSection, unknown>,
  ): void {
    const c = this.containers;
    if (read) {
      c.checkedAt = now;
      c.enabled = data.containers?.available === true;
      c.last = c.enabled ? data.containers : undefined;
      if (!c.enabled) next.delete('containers');
    } else if (c.enabled) {
      data.containers = c.last;
      const start = this.starts.get('containers');
      if (start !== undefined) next.set('containers', start);
    }
  }
}
