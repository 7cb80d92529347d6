import { v7 as uuidv7 } from 'uuid';
import type { Snapshot } from '../../../../shared/snapshot/schema.js';
import type { ProcessInfo } from '../../../../shared/snapshot/metrics/processes.js';
import type { ServiceUnit } from '../../../../shared/snapshot/metrics/services.js';
import type { ListeningPort } from '../../../../shared/snapshot/metrics/ports.js';

/** A minimal schema-valid snapshot; `over` replaces any top-level field. */
export function makeSnapshot(over: Partial<Snapshot> & { hostname?: string } = {}): Snapshot {
  const { hostname, ...rest } = over;
  const takenAt = rest.taken_at ?? new Date().toISOString();
  const snap: Snapshot = {
    schema_version: 1,
    // The id's clock follows taken_at so ids and times sort alike, as the collector's do.
    id: uuidv7({ msecs: Date.parse(takenAt) }),
    taken_at: takenAt,
    tool: { name: 'autoinfrasnap', version: '0.1.0' },
    duration_ms: 12,
    window_ms: 0,
    sections: [],
    errors: [],
    redactions: { enabled: true, total: 0, by_rule: {} },
    ...rest,
  };
  if (hostname !== undefined) snap.host = hostSection(hostname);
  return snap;
}

/** A host section with the given name; the rest is plausible filler. */
export function hostSection(hostname: string): NonNullable<Snapshot['host']> {
  return {
    hostname,
    fqdn: `${hostname}.example.internal`,
    os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12', codename: 'bookworm', id: 'debian' },
    kernel: '6.1.0-18-amd64',
    arch: 'x64',
    boot_time: '2026-01-02T03:04:05.000Z',
    uptime_s: 86_400,
    virtualization: 'kvm',
    container: null,
    timezone: 'Europe/Berlin',
    utc_offset_min: 60,
  };
}

// Seeded so a "typical" snapshot is the same bytes on every run and its compressed size is comparable.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'node',
  'python3',
  'postgres',
  'nginx',
  'java',
  'dockerd',
  'containerd',
  'sshd',
  'redis-server',
];
const ARGS = [
  '--config',
  '/etc/app/config.yaml',
  '--port',
  '--log-level=info',
  '-Xmx2g',
  '--workers',
  '[REDACTED]',
];

/** A large snapshot (~300 KB of JSON) with varied, realistic-looking lists: for size and speed checks. */
export function makeTypicalSnapshot(seed = 1): Snapshot {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const proc = (i: number): ProcessInfo => {
    const name = pick(WORDS);
    const args = Array.from(
      { length: 2 + Math.floor(r() * 6) },
      () => `${pick(ARGS)} ${Math.floor(r() * 9000)}`,
    );
    return {
      pid: 1000 + i * 7 + Math.floor(r() * 5),
      ppid: 1,
      user: pick(['root', 'www-data', 'postgres', 'alice']),
      name,
      command: `/usr/bin/${name} ${args.join(' ')}`,
      state: pick(['running', 'sleeping']),
      cpu_percent: Math.round(r() * 4000) / 100,
      memory_percent: Math.round(r() * 1000) / 100,
      rss_bytes: Math.floor(r() * 2 ** 31),
      threads: 1 + Math.floor(r() * 64),
      started_at: new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 1e9)).toISOString(),
    };
  };
  const unit = (i: number): ServiceUnit => ({
    name: `${pick(WORDS)}-${i}.service`,
    description: `${pick(WORDS)} worker ${i} for ${pick(WORDS)}`,
    state: pick(['running', 'stopped', 'failed', 'other'] as const),
    native_state: pick(['active/running', 'inactive/dead', 'failed/failed']),
    enabled: r() > 0.3,
    pid: r() > 0.5 ? Math.floor(r() * 60000) : null,
  });
  const port = (i: number): ListeningPort => ({
    protocol: pick(['tcp', 'udp'] as const),
    family: pick(['IPv4', 'IPv6'] as const),
    address: pick(['0.0.0.0', '127.0.0.1', '::', '10.0.3.17']),
    port: 1024 + i * 13,
    pid: Math.floor(r() * 60000),
    process: pick(WORDS),
  });
  return makeSnapshot({
    hostname: `web-${seed}`,
    sections: ['host', 'processes', 'services', 'ports'],
    processes: {
      total: 900,
      threads_total: 4000,
      by_state: { running: 3, sleeping: 897, disk_sleep: 0, idle: 0, stopped: 0, zombie: 0, other: 0 },
      zombies: [],
      cpu_basis: 'window',
      top_n: 400,
      top_cpu: Array.from({ length: 400 }, (_, i) => proc(i)),
      top_memory: Array.from({ length: 400 }, (_, i) => proc(i + 400)),
    },
    services: {
      manager: 'systemd',
      available: true,
      reason: null,
      total: 300,
      running: 200,
      failed: 2,
      units: Array.from({ length: 300 }, (_, i) => unit(i)),
    },
    ports: { listening: Array.from({ length: 200 }, (_, i) => port(i)), owners_visible: true },
  });
}
