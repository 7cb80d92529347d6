// Inline SVG charts, no charting library: a sparkline for the popover and a time-scaled line chart with
// gridlines for the dashboard. Colours come from CSS classes (CSS variables), so both themes work.
import { useId } from 'react';
import { niceTicks, sparkPath, timePath, valueExtent, type Point } from '../lib/chart-path';

/** Props of a sparkline. */
export interface SparklineProps {
  values: readonly (number | null)[];
  /** Fixed bounds (0–100 for percents); else the data's own range. */
  min?: number;
  max?: number;
  label: string;
  className?: string;
}

/** A small line of recent values, 100 × 24 user units, scaled to its box. */
export function Sparkline({ values, min, max, label, className }: SparklineProps) {
  const d = sparkPath(values, 100, 24, {
    ...(min !== undefined && { min }),
    ...(max !== undefined && { max }),
  });
  return (
    <svg
      className={`spark ${className ?? ''}`}
      viewBox="0 -1 100 26"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <path d={d} className="spark-line" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

/** One series of a line chart. */
export interface Series {
  name: string;
  points: readonly Point[];
  className: string;
}

/** Props of a line chart. */
export interface LineChartProps {
  series: readonly Series[];
  from: number;
  to: number;
  /** Fixed maximum (100 for percents); else the largest value. */
  max?: number;
  label: string;
  formatValue: (v: number) => string;
  formatTime: (ms: number) => string;
}

const W = 600;
const H = 160;
const PAD = { left: 72, right: 8, top: 8, bottom: 22 };

/** A time-scaled line chart with horizontal gridlines, value and time labels, and a legend. */
export function LineChart({ series, from, to, max, label, formatValue, formatTime }: LineChartProps) {
  const titleId = useId();
  const all = series.flatMap((s) => s.points.map((p) => p.v));
  const top = max ?? valueExtent(all, { min: 0 }).max;
  const ticks = niceTicks(top);
  const yMax = max ?? ticks[ticks.length - 1] ?? top;
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const times = [from, from + (to - from) / 2, to];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="chart-svg">
        <title id={titleId}>{label}</title>
        <g transform={`translate(${PAD.left} ${PAD.top})`}>
          {ticks.map((v) => {
            const y = ih - (v / yMax) * ih;
            return (
              <g key={v}>
                <line x1={0} x2={iw} y1={y} y2={y} className="chart-grid" />
                <text x={-6} y={y + 4} className="chart-label" textAnchor="end">
                  {formatValue(v)}
                </text>
              </g>
            );
          })}
          {times.map((ms, i) => (
            <text
              key={i}
              x={(i / 2) * iw}
              y={ih + 16}
              className="chart-label"
              textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}
            >
              {formatTime(ms)}
            </text>
          ))}
          {series.map((s) => (
            <path
              key={s.name}
              d={timePath(s.points, from, to, iw, ih, { min: 0, max: yMax })}
              className={`chart-line ${s.className}`}
            />
          ))}
        </g>
      </svg>
      {series.length > 1 && (
        <figcaption className="legend">
          {series.map((s) => (
            <span key={s.name} className={`legend-item ${s.className}`}>
              {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
