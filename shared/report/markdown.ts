/**
 * The Markdown report: GitHub-flavoured, to paste into a ticket, a pull request or a chat. Health line
 * first, then the model's sections as tables, long tables folded into `<details>`, the redaction summary
 * and the snapshot's id at the end. Every value goes through escapeMarkdown.
 */
import type { Translator } from '../i18n/index.js';
import type { Severity } from '../snapshot/health.js';
import type { Snapshot } from '../snapshot/schema.js';
import { escapeMarkdown as md } from './escape.js';
import {
  buildSections,
  footerLine,
  healthParts,
  titleParts,
  type Block,
  type Row,
  type Table,
  type Tone,
} from './tables/index.js';

/** Tables longer than this show their first rows and fold the rest into a `<details>` block. */
export const MARKDOWN_FOLD_AT = 10;

/** Options of the Markdown report. */
export interface MarkdownOptions {
  t: Translator;
  /** Rows shown before a table folds (default MARKDOWN_FOLD_AT). */
  foldAt?: number;
}

const STATUS_MARK: Record<Severity, string> = { ok: '🟢', warning: '🟡', critical: '🔴' };
const TONE_MARK: Partial<Record<Tone, string>> = { warn: '🟡', crit: '🔴' };

function mark(tone: Tone | undefined, s: string): string {
  const m = tone ? TONE_MARK[tone] : undefined;
  return m ? `${m} ${s}` : s;
}

function tableLines(tb: Table, rows: Row[]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(tb.columns.map((c) => md(c.label))),
    line(tb.columns.map((c) => (c.num ? '---:' : '---'))),
    // The tone mark goes in the first cell: a table has no other place a reader's eye lands first.
    ...rows.map((r) => line(r.cells.map((c, i) => (i === 0 ? mark(r.tone, md(c || '–')) : md(c || '–'))))),
  ];
}

function tableBlock(tb: Table, foldAt: number, t: Translator): string[] {
  if (tb.rows.length <= foldAt) return tableLines(tb, tb.rows);
  const rest = tb.rows.slice(foldAt);
  return [
    ...tableLines(tb, tb.rows.slice(0, foldAt)),
    '',
    // GitHub renders Markdown inside <details> only with a blank line after the summary.
    `<details><summary>${md(t.t('report.more', { count: rest.length }))}</summary>`,
    '',
    ...tableLines(tb, rest),
    '',
    '</details>',
  ];
}

function textBlock(b: Extract<Block, { kind: 'text' }>): string {
  const s = md(b.text);
  if (b.tone === 'muted') return `_${s}_`;
  if (b.tone === 'crit') return `🔴 **${s}**`;
  return mark(b.tone, s);
}

/** Renders a snapshot as GitHub-flavoured Markdown. */
export function renderMarkdown(s: Snapshot, opts: MarkdownOptions): string {
  const { t } = opts;
  const foldAt = opts.foldAt ?? MARKDOWN_FOLD_AT;
  const health = healthParts(s, t);
  const { title } = titleParts(s, t);
  const out: string[] = [
    `## ${md(title)} · ${md(t.dateTime(s.taken_at))}`,
    '',
    `${STATUS_MARK[health.status]} **${md(health.label)}** · ${health.findings.map(md).join(' · ')}`,
  ];
  if (!s.redactions.enabled) out.push('', `> ⚠️ **${md(t.t('report.redaction.off'))}**`);
  for (const sec of buildSections(s, t, { commandMax: 100 })) {
    out.push('', `### ${mark(sec.tone, md(sec.title))}`);
    for (const b of sec.blocks) {
      out.push('');
      if (b.kind === 'text') out.push(textBlock(b));
      else {
        if (b.caption) out.push(`**${md(b.caption)}**`, '');
        out.push(...tableBlock(b.table, foldAt, t));
      }
    }
  }
  out.push('', '---', '', `_${md(footerLine(s, t))}_`, '');
  return out.join('\n');
}
