// The terminal form of a diff: aligned, short, colours only when asked (the CLI asks on a TTY).
import type { Translator } from '../i18n/index.js';
import {
  elapsedText,
  kindKey,
  kindsWithRows,
  metricDelta,
  metricLabel,
  metricValue,
  notComparedLines,
  otherHostText,
  redactionText,
  processScopeText,
  summaryText,
  thresholdsText,
  type Mark,
} from './describe.js';
import type { SnapshotDiff } from './schema.js';

/** Options every diff renderer takes. */
export interface DiffRenderOptions {
  t: Translator;
  /** ANSI colours, text format only. */
  color: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
const MARK: Record<Mark, { sign: string; style: keyof typeof ANSI }> = {
  added: { sign: '+', style: 'green' },
  removed: { sign: '-', style: 'red' },
  changed: { sign: '~', style: 'yellow' },
};
/** Longer command lines are cut: a terminal report is for reading, the JSON keeps them whole. */
const COMMAND_MAX = 160;

/** Terminal columns of a string: Hangul and other wide characters take two. */
export function columns(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return n;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - columns(s)));
}

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The diff for a terminal: headers, summary, metrics, then each kind's added, removed and changed items. */
export function renderDiffText(d: SnapshotDiff, opts: DiffRenderOptions): string {
  const { t, color } = opts;
  const paint = (style: keyof typeof ANSI, s: string): string =>
    color ? `\u001b[${ANSI[style]}m${s}\u001b[0m` : s;
  const lines: string[] = [paint('bold', t.t('diff.title'))];
  const unknown = t.t('diff.header.unknown_host');
  for (const side of ['a', 'b'] as const) {
    const h = d[side];
    const when = side === 'b' ? ` · ${elapsedText(d, t)}` : '';
    lines.push(
      `${side.toUpperCase()}  ${h.hostname ?? unknown} · ${t.dateTime(h.taken_at)} · ${h.id}${when}`,
    );
  }
  lines.push(paint('bold', summaryText(d, t)), redactionText(d, t));
  const other = otherHostText(d, t);
  if (other) lines.push(paint('yellow', other));

  if (d.metrics.length) {
    lines.push('', paint('bold', t.t('diff.metrics')));
    const rows = d.metrics.map((m) => ({
      label: metricLabel(m, t),
      values: `${metricValue(m, m.a, t)} → ${metricValue(m, m.b, t)}`,
      delta: metricDelta(m, t),
      significant: m.significant,
    }));
    const w1 = Math.max(...rows.map((r) => columns(r.label))) + 2;
    const w2 = Math.max(...rows.map((r) => columns(r.values))) + 2;
    const w3 = Math.max(...rows.map((r) => columns(r.delta))) + 2;
    for (const r of rows) {
      const text = `  ${pad(r.label, w1)}${pad(r.values, w2)}${r.significant ? pad(r.delta, w3) : r.delta}`;
      lines.push(r.significant ? paint('yellow', `${text}${t.t('diff.significant')}`) : text);
    }
  }

  let scopeShown = false;
  for (const { kind, rows } of kindsWithRows(d, t)) {
    lines.push('', paint('bold', t.t(kindKey(kind))));
    if (kind === 'processes') {
      lines.push(paint('dim', `  ${processScopeText(d, t)}`));
      scopeShown = true;
    }
    for (const r of rows) {
      const m = MARK[r.mark];
      const details = r.mark === 'changed' ? r.details : paint('dim', r.details);
      lines.push(`  ${paint(m.style, `${m.sign} ${r.title}`)}${r.details ? `  ${details}` : ''}`);
      if (r.command !== null && r.command !== '')
        lines.push(paint('dim', `      ${cut(r.command, COMMAND_MAX)}`));
    }
  }

  const skipped = notComparedLines(d, t);
  if (skipped.length) {
    lines.push('', paint('bold', t.t('diff.not_compared.title')));
    for (const s of skipped) lines.push(`  ${s}`);
  }
  const processesCompared = !d.not_compared.some((n) => n.kind === 'processes');
  lines.push('', paint('dim', thresholdsText(d, t)));
  if (processesCompared && !scopeShown) lines.push(paint('dim', processScopeText(d, t)));
  return lines.join('\n');
}
