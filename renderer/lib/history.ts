// Pure pieces behind the live charts: the range → history mapping, metric ids of a sample, and the
// rolling buffer of recent samples.
import type { HistoryPoint, HistoryRange, Sample } from '../../shared/contract/sample';
import type { Point } from './chart-path';

/** Ranges in the order the range picker shows them. */
export const RANGES: readonly HistoryRange[] = ['5m', '1h', '24h', '7d'];

const RANGE_MS: Record<HistoryRange, number> = {
  '5m': 5 * 60_000,
  '1h': 60 * 60_000,
  '24h': 24 * 60 * 60_000,
  '7d': 7 * 24 * 60 * 60_000,
};

/** How much time a range covers, in ms. */
export function rangeMs(range: HistoryRange): number {
  return RANGE_MS[range];
}

/** The window [from, to] a range shows, ending now. */
export function rangeWindow(range: HistoryRange, now: number): { from: number; to: number } {
  return { from: now - RANGE_MS[range], to: now };
}

/** A metric's value in one sample, by the history's metric ids: cpu, memory, swap, disk:/, net_rx:eth0… */
export function sampleValue(s: Sample, metric: string): number | null {
  if (metric === 'cpu') return s.cpu.usage_percent;
  if (metric === 'memory') return s.memory.used_percent;
  if (metric === 'swap') return s.swap.used_percent;
  if (metric === 'load_1') return s.cpu.load_1;
  const [kind, name] = metric.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'disk') return s.disks.find((d) => d.mountpoint === name)?.used_percent ?? null;
  if (kind === 'net_rx' || kind === 'net_tx') {
    const nics = name ? s.network.filter((n) => n.name === name) : s.network;
    const key = kind === 'net_rx' ? 'rx_bytes_per_s' : 'tx_bytes_per_s';
    const vals = nics.map((n) => n[key]).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  }
  return null;
}

/** Total network rates of a sample over every interface that is up (loopback included as reported). */
export function networkTotals(s: Sample): { rx: number | null; tx: number | null } {
  return { rx: sampleValue(s, 'net_rx'), tx: sampleValue(s, 'net_tx') };
}

/** One metric of the history as chart points (rollups plot their average). */
export function historySeries(points: readonly HistoryPoint[], metric: string): Point[] {
  return points.map((p) => {
    const v = p.values[metric];
    return { t: p.t, v: v === undefined ? null : typeof v === 'number' ? v : v.avg };
  });
}

/**
 * History plus live samples newer than its last point, trimmed to the range's window. Live samples keep
 * the chart moving between history fetches; on 24h/7d they add full-resolution points at the end.
 */
export function mergeSeries(
  history: readonly Point[],
  live: readonly Sample[],
  metric: string,
  range: HistoryRange,
  now: number,
): Point[] {
  const { from } = rangeWindow(range, now);
  const last = history.length ? history[history.length - 1]!.t : -Infinity;
  const fresh = live.filter((s) => s.t > last).map((s) => ({ t: s.t, v: sampleValue(s, metric) }));
  return [...history, ...fresh].filter((p) => p.t >= from);
}

/** Appends a sample to a rolling buffer of at most `limit`, ignoring repeats of the same tick. */
export function pushSample(buffer: readonly Sample[], s: Sample, limit = 60): Sample[] {
  if (buffer.length && buffer[buffer.length - 1]!.t >= s.t) return buffer as Sample[];
  const next = [...buffer, s];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** The mountpoint the disk tile shows: / when sampled, else the fullest. */
export function mainDisk(s: Sample | undefined): string | null {
  if (!s || !s.disks.length) return null;
  if (s.disks.some((d) => d.mountpoint === '/')) return '/';
  return [...s.disks].sort((a, b) => b.used_percent - a.used_percent)[0]!.mountpoint;
}
