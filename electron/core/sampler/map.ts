import type { Sample } from '../../../shared/contract/sample.js';
import type { Redactor } from '../../../shared/redact/index.js';
import type { CpuSection } from '../../../shared/snapshot/metrics/cpu.js';
import type { DiskIo, Filesystem } from '../../../shared/snapshot/metrics/disks.js';
import type { MemorySection, SwapSection } from '../../../shared/snapshot/metrics/memory.js';
import type { NetworkInterface } from '../../../shared/snapshot/metrics/network.js';
import type { ProcessInfo } from '../../../shared/snapshot/metrics/processes.js';
import type { SectionData } from '../../../shared/snapshot/schema.js';

/**
 * What one tick's sections must hold for a Sample: the readers' full sections fit, and so does the
 * Linux fast path's lighter output. Each may be missing when its source failed.
 */
export interface LightSections {
  cpu?: Pick<CpuSection, 'usage_percent' | 'per_core_percent' | 'load_1' | 'load_5' | 'load_15'>;
  memory?: Pick<MemorySection, 'used_percent' | 'used_bytes' | 'total_bytes'>;
  swap?: Pick<SwapSection, 'used_percent' | 'used_bytes' | 'total_bytes'>;
  disks?: {
    filesystems: ReadonlyArray<
      Pick<Filesystem, 'mountpoint' | 'used_percent' | 'used_bytes' | 'total_bytes'>
    >;
    io: ReadonlyArray<Pick<DiskIo, 'device' | 'read_bytes_per_s' | 'write_bytes_per_s'>>;
  };
  network?: {
    interfaces: ReadonlyArray<
      Pick<NetworkInterface, 'name' | 'type' | 'virtual' | 'up' | 'rx_bytes_per_s' | 'tx_bytes_per_s'>
    >;
  };
  processes?: {
    total: number;
    zombies: readonly unknown[];
    top_cpu: ReadonlyArray<
      Pick<ProcessInfo, 'pid' | 'name' | 'command' | 'user' | 'cpu_percent' | 'rss_bytes'>
    >;
  };
  containers?: SectionData<'containers'>;
  sensors?: Pick<SectionData<'sensors'>, 'temperatures' | 'battery'>;
}

/** How many processes a sample lists. */
export const TOP_PROCESSES = 10;
// A container host has a veth per container: the sample and the history keep the first ones only
// (physical links first), so neither grows with container churn.
const MAX_INTERFACES = 16;
const MAX_HISTORY_DEVICES = 8;

const nonNeg = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.max(0, v);

/** Interfaces worth showing: no loopback, physical before virtual, then by name. */
function interfacesOf(net: LightSections['network']): NonNullable<LightSections['network']>['interfaces'] {
  return [...(net?.interfaces ?? [])]
    .filter((i) => i.type !== 'loopback')
    .sort((a, b) => Number(a.virtual) - Number(b.virtual) || a.name.localeCompare(b.name))
    .slice(0, MAX_INTERFACES);
}

/** Maps one tick's sections to a Sample; process commands go through the redactor (when enabled). */
export function toSample(
  s: LightSections,
  meta: { t: number; intervalMs: number; host: string; redactor: Redactor | null },
): Sample {
  const redact = (text: string): string => (meta.redactor ? meta.redactor.redact(text) : text);
  const c = s.containers;
  return {
    t: Math.round(meta.t),
    interval_ms: Math.round(meta.intervalMs),
    host: meta.host,
    cpu: {
      usage_percent: s.cpu?.usage_percent ?? null,
      per_core_percent: s.cpu?.per_core_percent ?? [],
      load_1: nonNeg(s.cpu?.load_1),
      load_5: nonNeg(s.cpu?.load_5),
      load_15: nonNeg(s.cpu?.load_15),
    },
    memory: {
      used_percent: s.memory?.used_percent ?? 0,
      used_bytes: s.memory?.used_bytes ?? 0,
      total_bytes: s.memory?.total_bytes ?? 0,
    },
    swap: {
      used_percent: s.swap?.used_percent ?? 0,
      used_bytes: s.swap?.used_bytes ?? 0,
      total_bytes: s.swap?.total_bytes ?? 0,
    },
    disks: (s.disks?.filesystems ?? []).map((f) => ({
      mountpoint: f.mountpoint,
      used_percent: f.used_percent,
      used_bytes: f.used_bytes,
      total_bytes: f.total_bytes,
    })),
    disk_io: (s.disks?.io ?? []).map((d) => ({
      device: d.device,
      read_bytes_per_s: nonNeg(d.read_bytes_per_s),
      write_bytes_per_s: nonNeg(d.write_bytes_per_s),
    })),
    network: interfacesOf(s.network).map((i) => ({
      name: i.name,
      up: i.up,
      rx_bytes_per_s: nonNeg(i.rx_bytes_per_s),
      tx_bytes_per_s: nonNeg(i.tx_bytes_per_s),
    })),
    processes: {
      total: s.processes?.total ?? 0,
      zombies: s.processes?.zombies.length ?? 0,
      top: (s.processes?.top_cpu ?? []).slice(0, TOP_PROCESSES).map((p) => ({
        pid: p.pid,
        name: p.name,
        command: redact(p.command),
        user: p.user,
        cpu_percent: Math.max(0, p.cpu_percent),
        rss_bytes: p.rss_bytes,
      })),
    },
    containers:
      c && c.available
        ? {
            running: c.running,
            total: c.total,
            items: c.items.map((i) => ({
              name: i.name,
              image: i.image,
              state: i.state,
              health: i.health,
              restart_count: i.restart_count,
              cpu_percent: nonNeg(i.cpu_percent),
              memory_bytes: nonNeg(i.memory_bytes),
            })),
          }
        : null,
    sensors: {
      max_celsius: s.sensors?.temperatures.length
        ? Math.max(...s.sensors.temperatures.map((t) => t.celsius))
        : null,
      battery_percent: s.sensors?.battery?.percent ?? null,
      charging: s.sensors?.battery?.charging ?? null,
    },
  };
}

/**
 * The scalar metrics a sample adds to the history (ids as in HistoryPoint). Unknown values (null
 * rates after a gap, a machine without swap or sensors) are left out rather than recorded as 0.
 */
export function sampleMetrics(s: Sample): Map<string, number> {
  const m = new Map<string, number>();
  const put = (id: string, v: number | null | undefined): void => {
    if (v !== null && v !== undefined && Number.isFinite(v)) m.set(id, v);
  };
  put('cpu', s.cpu.usage_percent);
  if (s.memory.total_bytes > 0) put('memory', s.memory.used_percent);
  if (s.swap.total_bytes > 0) put('swap', s.swap.used_percent);
  put('load1', s.cpu.load_1);
  for (const d of s.disks.slice(0, MAX_HISTORY_DEVICES)) put(`disk:${d.mountpoint}`, d.used_percent);
  for (const d of s.disk_io.slice(0, MAX_HISTORY_DEVICES)) {
    put(`disk_read:${d.device}`, d.read_bytes_per_s);
    put(`disk_write:${d.device}`, d.write_bytes_per_s);
  }
  for (const n of s.network.slice(0, MAX_HISTORY_DEVICES)) {
    put(`net_rx:${n.name}`, n.rx_bytes_per_s);
    put(`net_tx:${n.name}`, n.tx_bytes_per_s);
  }
  put('temp', s.sensors.max_celsius);
  put('battery', s.sensors.battery_percent);
  return m;
}
