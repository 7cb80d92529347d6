// The diff feature's public face: compute a diff, render it in one of four formats. Pure: the CLI, the
// tray app and the browser dashboard all call these.
import { renderDiffHtml } from './render-html.js';
import { renderDiffMarkdown } from './render-markdown.js';
import { renderDiffText, type DiffRenderOptions } from './render-text.js';
import type { DiffThresholds, SnapshotDiff } from './schema.js';

export { diffSnapshots, type DiffOptions } from './diff.js';
export { COLLECTION_KINDS, DEFAULT_THRESHOLDS, DIFF_KINDS, DIFF_VERSION, METRIC_NAMES } from './model.js';
export type { CollectionKind, DiffKind, MetricName } from './model.js';
export type { DiffRenderOptions } from './render-text.js';
export type { DiffThresholds, FieldChange, MetricDelta, SnapshotDiff } from './schema.js';
export { renderDiffHtml, renderDiffMarkdown, renderDiffText };

/** Output formats of `autoinfrasnap diff`. */
export const DIFF_FORMATS = ['text', 'markdown', 'html', 'json'] as const;

/** One diff output format. */
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** True when `s` names a diff format. */
export function isDiffFormat(s: string): s is DiffFormat {
  return (DIFF_FORMATS as readonly string[]).includes(s);
}

/** Keys of the thresholds, as `--threshold KEY=N` takes them. */
export const THRESHOLD_KEYS = ['memory', 'swap', 'disk', 'cpu', 'load'] as const;

/**
 * Parses `memory=5,disk=2,load=0.5` into threshold overrides. Returns the overrides, or a one-line
 * message naming the bad part (the caller decides how to report it).
 */
export function parseThresholds(
  spec: string,
): { ok: true; value: Partial<DiffThresholds> } | { ok: false; error: string } {
  const field = {
    memory: 'memory_points',
    swap: 'swap_points',
    disk: 'disk_points',
    cpu: 'cpu_points',
    load: 'load_per_core',
  } as const;
  const value: Partial<DiffThresholds> = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z]+)=(.+)$/.exec(part);
    const key = m?.[1] as keyof typeof field | undefined;
    if (!m || !key || !(key in field))
      return { ok: false, error: `"${part}": expected KEY=N with KEY one of ${THRESHOLD_KEYS.join(', ')}` };
    const n = Number(m[2]);
    if (!Number.isFinite(n) || n < 0 || m[2]!.trim() === '')
      return { ok: false, error: `"${part}": ${key} must be a number ≥ 0` };
    value[field[key]] = n;
  }
  return { ok: true, value };
}

/** Renders a diff in one format: the one entry point the CLI and the app call. */
export function renderDiff(d: SnapshotDiff, format: DiffFormat, opts: DiffRenderOptions): string {
  switch (format) {
    case 'text':
      return renderDiffText(d, opts);
    case 'markdown':
      return renderDiffMarkdown(d, opts);
    case 'html':
      return renderDiffHtml(d, opts);
    case 'json':
      return `${JSON.stringify(d, null, 2)}\n`;
  }
}
