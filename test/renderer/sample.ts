import type { Sample } from '../../shared/contract/sample.js';

/** A schema-valid live sample at time `t` with CPU at `cpu` %, and fixed memory, disk and network. */
export function fakeSample(t: number, cpu: number): Sample {
  return {
    t,
    interval_ms: 2000,
    host: 'web-1',
    cpu: { usage_percent: cpu, per_core_percent: [cpu, cpu], load_1: 0.5, load_5: 0.4, load_15: 0.3 },
    memory: { used_percent: 61.5, used_bytes: 5_000_000_000, total_bytes: 8_130_000_000 },
    swap: { used_percent: 0, used_bytes: 0, total_bytes: 0 },
    disks: [
      { mountpoint: '/', used_percent: 72.4, used_bytes: 72_400_000_000, total_bytes: 100_000_000_000 },
    ],
    disk_io: [{ device: 'vda', read_bytes_per_s: 1000, write_bytes_per_s: 2000 }],
    network: [{ name: 'eth0', up: true, rx_bytes_per_s: 275_000, tx_bytes_per_s: 91_000 }],
    processes: {
      total: 120,
      zombies: 0,
      top: [
        { pid: 42, name: 'node', command: 'node server.js', user: 'app', cpu_percent: cpu, rss_bytes: 1e8 },
      ],
    },
    containers: null,
    sensors: { max_celsius: null, battery_percent: null, charging: null },
  };
}
