// Pure geometry of the inline SVG charts: values → an SVG path, scaled into a width × height box.

/** One point of a time series; null is a gap (no sample). */
export interface Point {
  t: number;
  v: number | null;
}

/** The value range a chart shows: fixed bounds win, else the data's own min and max (never empty). */
export function valueExtent(values: readonly (number | null)[], fixed: { min?: number; max?: number } = {}) {
  let min = fixed.min ?? Infinity;
  let max = fixed.max ?? -Infinity;
  if (fixed.min === undefined || fixed.max === undefined)
    for (const v of values) {
      if (v === null || !Number.isFinite(v)) continue;
      if (fixed.min === undefined) min = Math.min(min, v);
      if (fixed.max === undefined) max = Math.max(max, v);
    }
  if (!Number.isFinite(min)) min = 0;
  if (!Number.isFinite(max)) max = min + 1;
  if (max <= min) max = min + 1;
  return { min, max };
}

const r = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The `d` of a sparkline over evenly spaced values: M/L segments, a new M after each gap (null), one
 * decimal place. An empty or all-null series gives "".
 */
export function sparkPath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  fixed: { min?: number; max?: number } = {},
): string {
  const n = values.length;
  if (n === 0) return '';
  const { min, max } = valueExtent(values, fixed);
  const step = n > 1 ? width / (n - 1) : 0;
  const y = (v: number): number => height - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * height;
  const parts: string[] = [];
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    parts.push(`${pen ? 'L' : 'M'}${r(i * step)} ${r(y(v))}`);
    pen = true;
  });
  return parts.join(' ');
}

/** The `d` of a time-scaled line over [from, to]: like sparkPath but x follows each point's time. */
export function timePath(
  points: readonly Point[],
  from: number,
  to: number,
  width: number,
  height: number,
  fixed: { min?: number; max?: number } = {},
): string {
  const { min, max } = valueExtent(
    points.map((p) => p.v),
    fixed,
  );
  const span = Math.max(1, to - from);
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    if (p.v === null || !Number.isFinite(p.v) || p.t < from || p.t > to) {
      pen = false;
      continue;
    }
    const x = ((p.t - from) / span) * width;
    const y = height - ((Math.min(max, Math.max(min, p.v)) - min) / (max - min)) * height;
    parts.push(`${pen ? 'L' : 'M'}${r(x)} ${r(y)}`);
    pen = true;
  }
  return parts.join(' ');
}

/** Round gridline values from 0 to the first step at or above `max`: steps of 1, 2 or 5 × 10^k, about four. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [0];
  while (ticks[ticks.length - 1]! < max - step * 1e-9)
    ticks.push(Math.round(ticks.length * step * 1e6) / 1e6);
  return ticks;
}
