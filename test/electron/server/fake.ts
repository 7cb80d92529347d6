import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryPoint, HistoryRange, Sample } from '../../../shared/contract/sample.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import { Settings } from '../../../shared/settings/schema.js';
import type { LoadedConfig } from '../../../electron/core/config/load.js';
import { AlertEngine } from '../../../electron/core/alerts/engine.js';
import { SnapshotStore } from '../../../electron/core/store/store.js';
import type { AuditSink } from '../../../electron/server/audit.js';
import { Sessions } from '../../../electron/server/auth.js';
import { createBackend, type Backend, type SamplerLike } from '../../../electron/server/backend.js';
import { KeyStore } from '../../../electron/server/keys.js';
import type { RateLimitOptions } from '../../../electron/server/rate-limit.js';
import { startServer, type RunningServer } from '../../../electron/server/server.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';

/** The admin API key of every in-process test server. */
export const KEY = 'test-key-0123456789';
/** The read-only API key of every in-process test server. */
export const READ_KEY = 'test-read-key-9876543210';

/** A schema-valid live sample. */
export function sample(t = Date.now()): Sample {
  return {
    t,
    interval_ms: 1000,
    host: 'web-1',
    cpu: { usage_percent: 12, per_core_percent: [10, 14], load_1: 0.2, load_5: 0.3, load_15: 0.3 },
    memory: { used_percent: 40, used_bytes: 4e9, total_bytes: 1e10 },
    swap: { used_percent: 0, used_bytes: 0, total_bytes: 0 },
    disks: [{ mountpoint: '/', used_percent: 50, used_bytes: 5e10, total_bytes: 1e11 }],
    disk_io: [],
    network: [{ name: 'eth0', up: true, rx_bytes_per_s: 10, tx_bytes_per_s: 5 }],
    processes: { total: 100, zombies: 0, top: [] },
    containers: null,
    sensors: { max_celsius: null, battery_percent: null, charging: null },
  };
}

/** A sampler the test ticks by hand. */
export class ManualSampler implements SamplerLike {
  last: Sample | null = null;
  stopped = false;
  private readonly cbs = new Set<(s: Sample) => void>();
  start(): void {}
  stop(): void {
    this.stopped = true;
  }
  latest(): Sample | null {
    return this.last;
  }
  history(_range: HistoryRange): HistoryPoint[] {
    return this.last ? [{ t: this.last.t, values: { cpu: 12, memory: { min: 1, avg: 2, max: 3 } } }] : [];
  }
  onSample(cb: (s: Sample) => void): () => void {
    this.cbs.add(cb);
    return () => void this.cbs.delete(cb);
  }
  /** Emits one sample. */
  tick(s = sample()): void {
    this.last = s;
    for (const cb of this.cbs) cb(s);
  }
}

/** One in-process server over a temp store with two snapshots, a manual sampler and the real engine. */
export interface TestServer {
  server: RunningServer;
  backend: Backend;
  sampler: ManualSampler;
  dir: string;
  staticDir: string;
  keys: KeyStore;
  sessions: Sessions;
  close(): Promise<void>;
}

/** What an in-process test server is started with, beyond the defaults. */
export interface TestServerOptions {
  staticDir?: string;
  tls?: { cert: string; key: string };
  metricsPublic?: boolean;
  audit?: AuditSink;
  rateLimit?: RateLimitOptions;
}

/** Starts a test server on a free loopback port. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ais-srv-'));
  const store = new SnapshotStore(join(dir, 'store'));
  await store.save(sampleSnapshot());
  await store.save(
    sampleSnapshot({ id: '0196b7c4-9999-7cde-9abc-0123456789ab', taken_at: '2026-11-26T13:00:00.000Z' }),
  );
  const cfg = (): LoadedConfig => ({
    settings: Settings.parse({ store: { dir: join(dir, 'store') }, language: 'en' }),
    layers: [],
    userSettingsPath: join(dir, 'config', 'config.json'),
  });
  const sampler = new ManualSampler();
  const backend = createBackend(cfg(), { sampler, alerts: new AlertEngine() }, async () => cfg());
  await backend.start();
  const staticDir = opts.staticDir ?? join(dir, 'no-renderer');
  const keys = KeyStore.memory([
    { key: KEY, scope: 'admin', name: 'admin' },
    { key: READ_KEY, scope: 'read', name: 'reader' },
  ]);
  const sessions = new Sessions();
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    backend,
    auth: { enabled: true, keys, sessions },
    staticDir,
    t: createTranslator('en'),
    log: () => undefined,
    heartbeatMs: 200,
    ...(opts.tls && { tls: opts.tls }),
    ...(opts.metricsPublic && { metricsPublic: true }),
    ...(opts.audit && { audit: opts.audit }),
    ...(opts.rateLimit && { rateLimit: opts.rateLimit }),
  });
  return {
    server,
    backend,
    sampler,
    dir,
    staticDir,
    keys,
    sessions,
    async close() {
      await server.close();
      await backend.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
