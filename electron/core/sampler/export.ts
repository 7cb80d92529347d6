import type { HistoryPoint, HistoryRange } from '../../../shared/contract/sample.js';

// Fixed metrics first in a stable order, then the per-device ones alphabetically.
const FIXED = ['cpu', 'memory', 'swap', 'load1', 'temp', 'battery'];

function columnsOf(points: readonly HistoryPoint[]): string[] {
  const ids = new Set<string>();
  for (const p of points) for (const k of Object.keys(p.values)) ids.add(k);
  const fixed = FIXED.filter((k) => ids.has(k));
  const rest = [...ids].filter((k) => !FIXED.includes(k)).sort();
  return [...fixed, ...rest];
}

/** Quotes a CSV field when it needs it (RFC 4180): mount points and interface names may hold commas. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * History as CSV: a header, then one row per point with `t` (epoch ms) and `time` (UTC ISO). Raw points
 * have one column per metric; minute rollups three (`<metric>_min`, `_avg`, `_max`). A metric a point
 * lacks (no rate across a gap, a disk not mounted yet) is an empty field.
 */
export function historyCsv(points: readonly HistoryPoint[]): string {
  const cols = columnsOf(points);
  const rollup = points.some((p) => Object.values(p.values).some((v) => typeof v !== 'number'));
  const header = ['t', 'time'];
  for (const c of cols) {
    if (rollup) header.push(`${c}_min`, `${c}_avg`, `${c}_max`);
    else header.push(c);
  }
  const rows = [header.map(field).join(',')];
  for (const p of points) {
    const row = [String(p.t), new Date(p.t).toISOString()];
    for (const c of cols) {
      const v = p.values[c];
      if (rollup) {
        if (v === undefined) row.push('', '', '');
        else if (typeof v === 'number') row.push(num(v), num(v), num(v));
        else row.push(num(v.min), num(v.avg), num(v.max));
      } else row.push(v === undefined ? '' : num(typeof v === 'number' ? v : v.avg));
    }
    rows.push(row.join(','));
  }
  return rows.join('\n') + '\n';
}

// Up to 4 decimals: enough for percentages and bytes/s, without float noise such as 12.300000000000001.
function num(v: number): string {
  return String(Math.round(v * 10_000) / 10_000);
}

/** History as one JSON document: the range, its resolution and the contract's history points. */
export function historyJson(
  points: readonly HistoryPoint[],
  meta: { host: string; range: HistoryRange; resolution: 'raw' | '1m'; exportedAt: number },
): string {
  const doc = {
    host: meta.host,
    range: meta.range,
    resolution: meta.resolution,
    exported_at: new Date(meta.exportedAt).toISOString(),
    points,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
