// The GitHub-flavoured Markdown form of a diff: for a pull request comment, an issue or a wiki page.
// Every value is escaped (a process name or command line is not ours to trust) and long lists fold
// into <details> so a comment stays readable.
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
import { escapeHtml } from './render-html.js';
import type { DiffRenderOptions } from './render-text.js';
import type { SnapshotDiff } from './schema.js';

/** Lists longer than this fold into a <details> block. */
export const FOLD_AFTER = 10;

const SIGN: Record<Mark, string> = { added: '+', removed: '-', changed: '~' };

/** Markdown-inert text: punctuation backslash-escaped, `&` as an entity, one line. */
export function mdText(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#!]/g, (c) => `\\${c}`);
}

/** A code span that survives any content: a fence longer than any backtick run inside, pipes escaped. */
export function mdCode(s: string): string {
  const one = s.replace(/\r?\n|\r/g, ' ');
  if (one === '') return '';
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const body = one.replace(/\|/g, '\\|');
  const padded = /^[` ]|[` ]$/.test(one) ? ` ${body} ` : body;
  return `${fence}${padded}${fence}`;
}

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

/** The diff as GitHub-flavoured Markdown. */
export function renderDiffMarkdown(d: SnapshotDiff, opts: Pick<DiffRenderOptions, 't'>): string {
  const { t } = opts;
  const out: string[] = [`# ${mdText(t.t('diff.title'))}`, ''];
  const unknown = t.t('diff.header.unknown_host');
  const header = (['a', 'b'] as const).map((side) => {
    const h = d[side];
    const when = side === 'b' ? ` (${elapsedText(d, t)})` : '';
    return [
      side.toUpperCase(),
      mdText(h.hostname ?? unknown),
      mdText(t.dateTime(h.taken_at) + when),
      mdCode(h.id),
    ];
  });
  out.push(
    ...table(
      ['', t.t('diff.header.host'), t.t('diff.header.taken'), t.t('diff.header.snapshot')].map(mdText),
      ['l', 'l', 'l', 'l'],
      header,
    ),
    '',
    `**${mdText(summaryText(d, t))}**`,
    '',
    mdText(redactionText(d, t)),
  );
  const other = otherHostText(d, t);
  if (other) out.push('', `> ⚠️ ${mdText(other)}`);

  if (d.metrics.length) {
    out.push('', `## ${mdText(t.t('diff.metrics'))}`, '');
    const rows = d.metrics.map((m) => [
      mdText(metricLabel(m, t)),
      mdText(metricValue(m, m.a, t)),
      mdText(metricValue(m, m.b, t)),
      mdText(metricDelta(m, t)),
      m.significant ? `**${mdText(t.t('diff.significant'))}**` : '',
    ]);
    const head = [t.t('diff.column.metric'), 'A', 'B', t.t('diff.column.delta'), ''].map(mdText);
    out.push(...table(head, ['l', 'r', 'r', 'r', 'l'], rows));
  }

  let scopeShown = false;
  for (const { kind, rows } of kindsWithRows(d, t)) {
    out.push('', `## ${mdText(t.t(kindKey(kind)))}`, '');
    if (kind === 'processes') {
      out.push(`_${mdText(processScopeText(d, t))}_`, '');
      scopeShown = true;
    }
    const withCommand = rows.some((r) => r.command !== null);
    const head = [t.t('diff.column.change'), t.t('diff.column.item')];
    if (withCommand) head.push(t.t('diff.column.command'));
    head.push(t.t('diff.column.details'));
    const cells = rows.map((r) => {
      const c = [mdText(`${SIGN[r.mark]} ${t.t(`diff.mark.${r.mark}`)}`), mdText(r.title)];
      if (withCommand) c.push(mdCode(r.command ?? ''));
      c.push(mdText(r.details));
      return c;
    });
    const lines = table(
      head.map(mdText),
      head.map(() => 'l'),
      cells,
    );
    if (rows.length > FOLD_AFTER) {
      // Inside an HTML block Markdown escapes are not read: this line needs HTML escaping instead.
      const summary = escapeHtml(t.t('diff.rows', { count: rows.length }));
      out.push('<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>');
    } else out.push(...lines);
  }

  const skipped = notComparedLines(d, t);
  if (skipped.length) {
    out.push('', `## ${mdText(t.t('diff.not_compared.title'))}`, '', ...skipped.map((s) => `- ${mdText(s)}`));
  }
  out.push('', `## ${mdText(t.t('diff.notes'))}`, '');
  const processesCompared = !d.not_compared.some((n) => n.kind === 'processes');
  if (processesCompared && !scopeShown) out.push(`- ${mdText(processScopeText(d, t))}`);
  out.push(`- ${mdText(thresholdsText(d, t))}`);
  return `${out.join('\n')}\n`;
}
