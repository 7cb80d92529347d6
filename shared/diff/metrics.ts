// Numeric comparisons: how much a usage figure moved, and whether that is enough to matter.
import type { Snapshot } from '../snapshot/schema.js';
import { round2, type MetricName } from './model.js';
import type { DiffThresholds, MetricDelta } from './schema.js';

function delta(
  metric: MetricName,
  subject: string | null,
  unit: MetricDelta['unit'],
  a: number | null,
  b: number | null,
  threshold: number,
): MetricDelta {
  const d = a === null || b === null ? null : round2(b - a);
  // A threshold of 0 flags any movement, but never "no change".
  const significant = d !== null && d !== 0 && Math.abs(d) >= threshold;
  return { metric, subject, unit, a, b, delta: d, threshold: round2(threshold), significant };
}

/**
 * Usage figures of A and B: CPU, memory, swap, each filesystem mounted in both (one mounted in only one
 * is an added or removed filesystem instead), then load averages with a threshold scaled by the cores.
 * A metric neither snapshot has is left out; one only a snapshot has shows with a null on the other side.
 */
export function compareMetrics(a: Snapshot, b: Snapshot, th: DiffThresholds): MetricDelta[] {
  const out: MetricDelta[] = [];
  if (a.cpu || b.cpu) {
    const au = a.cpu?.usage_percent ?? null;
    const bu = b.cpu?.usage_percent ?? null;
    // A 0 s window has no usage figure: a row of two dashes says nothing.
    if (au !== null || bu !== null) out.push(delta('cpu_usage', null, 'points', au, bu, th.cpu_points));
  }
  if (a.memory || b.memory) {
    const am = a.memory?.used_percent ?? null;
    out.push(delta('memory_used', null, 'points', am, b.memory?.used_percent ?? null, th.memory_points));
  }
  if (a.swap || b.swap) {
    const as = a.swap?.used_percent ?? null;
    out.push(delta('swap_used', null, 'points', as, b.swap?.used_percent ?? null, th.swap_points));
  }
  const before = new Map<string, number>();
  for (const f of a.disks?.filesystems ?? [])
    if (!before.has(f.mountpoint)) before.set(f.mountpoint, f.used_percent);
  const seen = new Set<string>();
  const mounts = (b.disks?.filesystems ?? [])
    .filter((f) => before.has(f.mountpoint) && !seen.has(f.mountpoint) && seen.add(f.mountpoint))
    .sort((x, y) => (x.mountpoint < y.mountpoint ? -1 : 1));
  for (const f of mounts)
    out.push(
      delta(
        'disk_used',
        f.mountpoint,
        'points',
        before.get(f.mountpoint) ?? null,
        f.used_percent,
        th.disk_points,
      ),
    );
  const cores = b.cpu?.logical_cores ?? a.cpu?.logical_cores ?? 1;
  for (const k of ['load_1', 'load_5', 'load_15'] as const) {
    const al = a.cpu?.[k] ?? null;
    const bl = b.cpu?.[k] ?? null;
    if (al !== null || bl !== null) out.push(delta(k, null, 'load', al, bl, th.load_per_core * cores));
  }
  return out;
}
