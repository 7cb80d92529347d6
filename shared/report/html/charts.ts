/**
 * Small inline SVG charts, drawn here as strings: no chart library, no script, nothing fetched. Colours
 * come from the stylesheet's classes (so dark mode and print follow it); every label is escaped and
 * every bar carries a <title> for a tooltip and screen readers.
 */
import type { Translator } from '../../i18n/index.js';
import { escapeHtml as h, round, truncate } from '../escape.js';
import type { Tone } from '../tables/index.js';

/** One horizontal bar: its label, value, the text shown beside it and an optional tone. */
export interface Bar {
  label: string;
  value: number;
  display: string;
  tone?: Tone | undefined;
}

function svg(width: number, height: number, label: string, body: string): string {
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" role="img" aria-label="${h(label)}">${body}</svg>`
  );
}

function tone(t: Tone | undefined): string {
  return t === 'warn' || t === 'crit' ? ` tone-${t}` : '';
}

/** A figure with a caption around a chart. */
export function figure(caption: string, chart: string): string {
  return `<figure><figcaption>${h(caption)}</figcaption>${chart}</figure>`;
}

/**
 * Horizontal bars scaled to `max`: disks (max 100 %), top processes by CPU or memory. `valueW` is the
 * room for the text after each bar; two 500-pixel charts sit side by side in the page's width.
 */
export function barChart(bars: readonly Bar[], max: number, label: string, valueW = 110): string {
  const labelW = 170;
  const trackW = 220;
  const row = 22;
  const width = labelW + trackW + valueW;
  const scale = max > 0 ? trackW / max : 0;
  const body = bars
    .map((b, i) => {
      const y = i * row;
      const w = round(Math.max(b.value > 0 ? 2 : 0, Math.min(trackW, b.value * scale)), 1);
      return (
        `<g><title>${h(`${b.label}: ${b.display}`)}</title>` +
        `<text class="label" x="0" y="${y + 15}">${h(truncate(b.label, 24))}</text>` +
        `<rect class="track" x="${labelW}" y="${y + 4}" width="${trackW}" height="14" rx="3"/>` +
        `<rect class="bar${tone(b.tone)}" x="${labelW}" y="${y + 4}" width="${w}" height="14" rx="3"/>` +
        `<text x="${labelW + trackW + 8}" y="${y + 15}">${h(b.display)}</text></g>`
      );
    })
    .join('');
  return svg(width, Math.max(row, bars.length * row), label, body);
}

/** Vertical bars, one per logical core, 0–100 %, with gridlines at 50 and 100. */
export function coreChart(perCore: readonly number[], t: Translator): string {
  const n = perCore.length;
  const axis = 40;
  const plot = 100;
  const top = 10; // room for the 100% label above the plot
  const gap = n > 64 ? 1 : 3;
  const barW = Math.max(3, Math.min(22, Math.floor(720 / Math.max(n, 1)) - gap));
  const labels = n <= 48;
  const width = axis + n * (barW + gap) + 4;
  const height = top + plot + (labels ? 22 : 8);
  const grid = [0, 50, 100]
    .map((p) => {
      const y = round(top + plot - (p / 100) * plot, 1);
      return (
        `<line class="grid" x1="${axis - 4}" x2="${width}" y1="${y}" y2="${y}"/>` +
        `<text x="${axis - 8}" y="${y + 4}" text-anchor="end">${p}%</text>`
      );
    })
    .join('');
  const bars = perCore
    .map((v, i) => {
      const x = axis + i * (barW + gap);
      const bh = round(Math.max(v > 0 ? 1 : 0, (v / 100) * plot), 1);
      const cls = v >= 90 ? ' tone-crit' : v >= 75 ? ' tone-warn' : '';
      const label = labels
        ? `<text x="${x + barW / 2}" y="${top + plot + 18}" text-anchor="middle">${n > 16 && i % 2 ? '' : i}</text>`
        : '';
      return (
        `<g><title>${h(t.t('report.cpu.core', { n: i, value: t.percent(v) }))}</title>` +
        `<rect class="track" x="${x}" y="${top}" width="${barW}" height="${plot}" rx="2"/>` +
        `<rect class="bar${cls}" x="${x}" y="${round(top + plot - bh, 1)}" width="${barW}" height="${bh}" rx="2"/>` +
        `${label}</g>`
      );
    })
    .join('');
  return svg(width, height, t.t('report.cpu.chart'), grid + bars);
}
