/**
 * HTML for the report model's sections: each one a collapsible card (`<details open>`), tables with
 * folded long tails, and the charts and searchable table where a section has them. Everything from the
 * snapshot passes through escapeHtml here; nothing else builds markup from data.
 */
import type { Translator } from '../../i18n/index.js';
import type { ProcessInfo } from '../../snapshot/metrics/processes.js';
import type { Snapshot } from '../../snapshot/schema.js';
import { escapeHtml as h, sortKey } from '../escape.js';
import {
  diskTone,
  processColumns,
  processNotes,
  processRows,
  type Block,
  type ReportSection,
  type Row,
  type Table,
  type Tone,
} from '../tables/index.js';
import { barChart, coreChart, figure, type Bar } from './charts.js';

/** Table rows past this count are folded behind a "N more rows" toggle (and printed regardless). */
export const HTML_FOLD_AT = 10;

/** `class="tone-x"` or nothing. */
export function toneClass(tone: Tone | undefined, extra = ''): string {
  const cls = [extra, tone ? `tone-${tone}` : ''].filter(Boolean).join(' ');
  return cls ? ` class="${cls}"` : '';
}

/** How tableHtml lays out one table. */
export interface TableOptions {
  caption?: string;
  /** Rows shown before the rest fold (default HTML_FOLD_AT). */
  foldAt?: number;
  id?: string;
  /** Headers become sort buttons (with the script) and cells carry their raw sort keys. */
  sortable?: boolean;
  /** The column the rows are already sorted by, descending: marked with aria-sort. */
  sortedDesc?: number;
  /** A column of code (commands): monospace, wrapping anywhere. */
  codeColumn?: number;
}

function rowHtml(r: Row, tb: Table, folded: boolean, opts: TableOptions): string {
  const cells = r.cells
    .map((c, i) => {
      const cls = [tb.columns[i]?.num ? 'num' : '', opts.codeColumn === i ? 'cmd' : '']
        .filter(Boolean)
        .join(' ');
      const key = opts.sortable && r.keys ? ` data-v="${h(sortKey(r.keys[i]))}"` : '';
      return `<td${cls ? ` class="${cls}"` : ''}${key}>${h(c)}</td>`;
    })
    .join('');
  return `<tr${toneClass(r.tone, folded ? 'folded' : '')}>${cells}</tr>`;
}

/** A data table; rows past `foldAt` are hidden until the toggle after the table is opened. */
export function tableHtml(tb: Table, t: Translator, opts: TableOptions = {}): string {
  const foldAt = opts.foldAt ?? HTML_FOLD_AT;
  const head = tb.columns
    .map((c, i) => {
      const title = opts.sortable
        ? ` data-sort-title="${h(t.t('report.processes.sort', { column: c.label }))}"`
        : '';
      const sorted = opts.sortedDesc === i ? ' aria-sort="descending"' : '';
      return `<th scope="col"${c.num ? ' class="num"' : ''}${title}${sorted}>${h(c.label)}</th>`;
    })
    .join('');
  const body = tb.rows.map((r, i) => rowHtml(r, tb, i >= foldAt, opts)).join('');
  const caption = opts.caption ? `<caption>${h(opts.caption)}</caption>` : '';
  const id = opts.id ? ` id="${h(opts.id)}"` : '';
  let out =
    `<div class="table-wrap"><table class="data"${id}>${caption}` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  const rest = tb.rows.length - foldAt;
  if (rest > 0)
    out +=
      `<details class="fold"><summary><span class="when-closed">${h(t.t('report.more', { count: rest }))}</span>` +
      `<span class="when-open">${h(t.t('report.fewer'))}</span></summary></details>`;
  return `<div class="block">${out}</div>`;
}

/** One model block: a paragraph or a table. */
export function blockHtml(b: Block, t: Translator): string {
  if (b.kind === 'text') return `<p${toneClass(b.tone, b.tone === 'muted' ? 'muted' : '')}>${h(b.text)}</p>`;
  return tableHtml(b.table, t, b.caption === undefined ? {} : { caption: b.caption });
}

function factsHtml(sec: ReportSection): string {
  const rows = sec.blocks.flatMap((b) => (b.kind === 'table' ? b.table.rows : []));
  const items = rows.map(
    (r) => `<div${toneClass(r.tone)}><dt>${h(r.cells[0] ?? '')}</dt><dd>${h(r.cells[1] ?? '')}</dd></div>`,
  );
  return `<dl class="facts">${items.join('')}</dl>`;
}

function cpuHtml(s: Snapshot, sec: ReportSection, t: Translator): string {
  const cores = s.cpu?.per_core_percent ?? [];
  const times = sec.blocks[0];
  if (!cores.length || !times) return sec.blocks.map((b) => blockHtml(b, t)).join('');
  // The chart replaces the per-core text line; its bars carry the same words as titles.
  return figure(t.t('report.cpu.chart'), coreChart(cores, t)) + blockHtml(times, t);
}

function disksHtml(s: Snapshot, sec: ReportSection, t: Translator): string {
  const bars: Bar[] = (s.disks?.filesystems ?? []).map((f) => ({
    label: f.mountpoint,
    value: f.used_percent,
    display: `${t.percent(f.used_percent)} · ${t.bytes(f.used_bytes)} / ${t.bytes(f.total_bytes)}`,
    tone: diskTone(f.used_percent, f.read_only),
  }));
  const chart = bars.length
    ? figure(t.t('report.disks.chart'), barChart(bars, 100, t.t('report.disks.chart'), 190))
    : '';
  return chart + sec.blocks.map((b) => blockHtml(b, t)).join('');
}

/** Top-CPU processes, then those only in the top-memory list; sorted by CPU, highest first. */
export function processUnion(s: Snapshot): ProcessInfo[] {
  const p = s.processes;
  if (!p) return [];
  const seen = new Map<number, ProcessInfo>();
  for (const x of [...p.top_cpu, ...p.top_memory]) if (!seen.has(x.pid)) seen.set(x.pid, x);
  return [...seen.values()].sort((a, b) => b.cpu_percent - a.cpu_percent || b.rss_bytes - a.rss_bytes);
}

function processesHtml(s: Snapshot, t: Translator): string {
  const p = s.processes;
  if (!p) return '';
  const label = (x: ProcessInfo): string => `${x.name} (${x.pid})`;
  const cpuBars = p.top_cpu
    .slice(0, 8)
    .map((x) => ({ label: label(x), value: x.cpu_percent, display: t.percent(x.cpu_percent) }));
  const memBars = p.top_memory
    .slice(0, 8)
    .map((x) => ({ label: label(x), value: x.rss_bytes, display: t.bytes(x.rss_bytes) }));
  const cpuMax = Math.max(100, ...cpuBars.map((b) => b.value));
  const memMax = Math.max(1, ...memBars.map((b) => b.value));
  const charts = [
    cpuBars.length
      ? figure(
          t.t('report.processes.chart_cpu'),
          barChart(cpuBars, cpuMax, t.t('report.processes.chart_cpu')),
        )
      : '',
    memBars.length
      ? figure(
          t.t('report.processes.chart_memory'),
          barChart(memBars, memMax, t.t('report.processes.chart_memory')),
        )
      : '',
  ].join('');
  const shown = t.t('report.processes.shown', { shown: '{shown}', total: '{total}' });
  const controls =
    `<div class="controls" id="proc-controls" hidden><label for="proc-filter">${h(t.t('report.processes.filter'))}</label>` +
    `<input type="search" id="proc-filter" autocomplete="off" placeholder="${h(t.t('report.processes.filter_placeholder'))}">` +
    `<output id="proc-count" for="proc-filter" class="muted" data-template="${h(shown)}"></output></div>`;
  const rows = processRows(processUnion(s), t, 240);
  const cols = processColumns(t);
  // The rows come sorted by CPU; the header says so, and a click on it reverses the order.
  const tb = tableHtml({ columns: cols, rows }, t, {
    id: 'proc-table',
    sortable: true,
    foldAt: Infinity,
    sortedDesc: cols.findIndex((c) => c.label === t.t('report.col.cpu')),
    codeColumn: cols.length - 1,
  });
  const notes = processNotes(s, t)
    .map((b) => blockHtml(b, t))
    .join('');
  return notes + (charts ? `<div class="charts">${charts}</div>` : '') + controls + tb;
}

/** The inside of one section card. */
export function sectionBody(s: Snapshot, sec: ReportSection, t: Translator): string {
  switch (sec.id) {
    case 'facts':
      return factsHtml(sec);
    case 'cpu':
      return cpuHtml(s, sec, t);
    case 'disks':
      return disksHtml(s, sec, t);
    case 'processes':
      return processesHtml(s, t);
    default:
      return sec.blocks.map((b) => blockHtml(b, t)).join('');
  }
}

/** One section as a collapsible card, open by default. */
export function sectionHtml(s: Snapshot, sec: ReportSection, t: Translator): string {
  return (
    `<details open id="sec-${sec.id}"${toneClass(sec.tone, 'card')}><summary><h2>${h(sec.title)}</h2></summary>` +
    `<div class="body">${sectionBody(s, sec, t)}</div></details>`
  );
}
