import type { Sample } from '../../../../shared/contract/sample.js';

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public t = Date.UTC(2026, 10, 26, 12, 0, 0)) {}
  now(): number {
    return this.t;
  }
  /** Moves time forward by `s` seconds. */
  advance(s: number): number {
    this.t += s * 1000;
    return this.t;
  }
}

type Proc = { name: string; pid?: number; cpu?: number; rss?: number };
type Container = {
  name: string;
  state?: string;
  health?: 'healthy' | 'unhealthy' | 'starting' | 'none';
  restarts?: number;
};
type Disk = { mountpoint: string; used_percent?: number; used_bytes?: number; total_bytes?: number };

/** The few values a rule reads; everything else gets a quiet default. */
export interface SampleSpec {
  t?: number;
  cpu?: number | null;
  memory?: number;
  swap?: number;
  swapTotal?: number;
  load1?: number | null;
  temp?: number | null;
  battery?: number | null;
  disks?: Disk[];
  processes?: Proc[];
  /** null: no container engine answered. */
  containers?: Container[] | null;
}

const GiB = 1024 ** 3;

/** Builds a valid Sample from a small spec. */
export function makeSample(spec: SampleSpec = {}): Sample {
  const containers =
    spec.containers === null
      ? null
      : (spec.containers ?? []).map((c) => ({
          name: c.name,
          image: `${c.name}:latest`,
          state: c.state ?? 'running',
          health: c.health ?? 'none',
          restart_count: c.restarts ?? 0,
          cpu_percent: 1,
          memory_bytes: 1e6,
        }));
  return {
    t: spec.t ?? Date.UTC(2026, 10, 26, 12),
    interval_ms: 2000,
    host: 'test-host',
    cpu: {
      usage_percent: spec.cpu === undefined ? 10 : spec.cpu,
      per_core_percent: [10, 10],
      load_1: spec.load1 ?? 0.5,
      load_5: 0.5,
      load_15: 0.5,
    },
    memory: { used_percent: spec.memory ?? 40, used_bytes: 4 * GiB, total_bytes: 10 * GiB },
    swap: { used_percent: spec.swap ?? 0, used_bytes: 0, total_bytes: spec.swapTotal ?? 2 * GiB },
    disks: (spec.disks ?? [{ mountpoint: '/', used_percent: 50 }]).map((d) => {
      const total = d.total_bytes ?? 100 * GiB;
      const used = d.used_bytes ?? ((d.used_percent ?? 50) / 100) * total;
      return {
        mountpoint: d.mountpoint,
        total_bytes: total,
        used_bytes: used,
        used_percent: d.used_percent ?? (used / total) * 100,
      };
    }),
    disk_io: [],
    network: [],
    processes: {
      total: 100,
      zombies: 0,
      top: (spec.processes ?? []).map((p, i) => ({
        pid: p.pid ?? 1000 + i,
        name: p.name,
        command: p.name,
        user: 'root',
        cpu_percent: p.cpu ?? 0,
        rss_bytes: p.rss ?? 0,
      })),
    },
    containers: containers && {
      running: containers.filter((c) => c.state === 'running').length,
      total: containers.length,
      items: containers,
    },
    sensors: {
      max_celsius: spec.temp === undefined ? 50 : spec.temp,
      battery_percent: spec.battery ?? null,
      charging: null,
    },
  };
}
