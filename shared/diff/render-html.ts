// The HTML form of a diff: one self-contained page to attach to a ticket or print. Inline CSS only and
// a CSP that forbids every fetch, so opening it makes no network request; every value is escaped.
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
import type { DiffRenderOptions } from './render-text.js';
import type { SnapshotDiff } from './schema.js';

/** Text safe in HTML content and in quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const SIGN: Record<Mark, string> = { added: '+', removed: '−', changed: '~' };

// Light by default, dark when the reader's system is, and plain black on white on paper.
const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--code:#f6f8fa;
--add:#1a7f37;--add-bg:#dafbe1;--del:#cf222e;--del-bg:#ffebe9;--chg:#9a6700;--chg-bg:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;
--code:#151b23;--add:#3fb950;--add-bg:#12261e;--del:#f85149;--del-bg:#2d1517;--chg:#d29922;--chg-bg:#272115}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",
"Noto Sans KR","Malgun Gothic",sans-serif}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .75rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:var(--code)}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);
padding:0 .25rem;border-radius:4px;overflow-wrap:anywhere}
td.mark{white-space:nowrap;font-weight:600}
tr.added td.mark{color:var(--add);background:var(--add-bg)}
tr.removed td.mark{color:var(--del);background:var(--del-bg)}
tr.changed td.mark{color:var(--chg);background:var(--chg-bg)}
tr.sig td{background:var(--chg-bg)}.sig{color:var(--chg);font-weight:600}
.summary{font-size:1.1rem;font-weight:600}
.warn{border-left:4px solid var(--chg);background:var(--chg-bg);padding:.5rem .75rem}
.note,footer,.notes{color:var(--muted)}footer{margin-top:2rem;font-size:.85rem}
@media print{:root{--fg:#000;--bg:#fff;--muted:#444;--line:#999;--code:#f3f3f3;--add:#000;--add-bg:#fff;
--del:#000;--del-bg:#fff;--chg:#000;--chg-bg:#fff}body{font-size:10pt}main{max-width:none;padding:0}
thead{display:table-header-group}tr{break-inside:avoid}h2{break-after:avoid}}
`.trim();

function cells(tag: 'td' | 'th', values: string[], cls: (string | null)[] = []): string {
  return values.map((v, i) => `<${tag}${cls[i] ? ` class="${cls[i]}"` : ''}>${v}</${tag}>`).join('');
}

/** The diff as one self-contained HTML page. */
export function renderDiffHtml(d: SnapshotDiff, opts: Pick<DiffRenderOptions, 't'>): string {
  const { t } = opts;
  const e = escapeHtml;
  const unknown = t.t('diff.header.unknown_host');
  const body: string[] = [`<h1>${e(t.t('diff.title'))}</h1>`, '<table class="hdr">'];
  const head = [t.t('diff.header.host'), t.t('diff.header.taken'), t.t('diff.header.snapshot')].map(e);
  body.push(`<thead><tr>${cells('th', ['', ...head])}</tr></thead><tbody>`);
  for (const side of ['a', 'b'] as const) {
    const h = d[side];
    const when = side === 'b' ? ` (${elapsedText(d, t)})` : '';
    const row = [
      side.toUpperCase(),
      e(h.hostname ?? unknown),
      e(t.dateTime(h.taken_at) + when),
      `<code>${e(h.id)}</code>`,
    ];
    body.push(`<tr>${cells('td', row)}</tr>`);
  }
  body.push(
    '</tbody></table>',
    `<p class="summary">${e(summaryText(d, t))}</p>`,
    `<p class="redactions">${e(redactionText(d, t))}</p>`,
  );
  const other = otherHostText(d, t);
  if (other) body.push(`<p class="warn">${e(other)}</p>`);

  if (d.metrics.length) {
    body.push(`<section><h2>${e(t.t('diff.metrics'))}</h2><table>`);
    const head = [t.t('diff.column.metric'), 'A', 'B', t.t('diff.column.delta'), ''].map(e);
    body.push(`<thead><tr>${cells('th', head)}</tr></thead><tbody>`);
    for (const m of d.metrics) {
      const row = [
        e(metricLabel(m, t)),
        e(metricValue(m, m.a, t)),
        e(metricValue(m, m.b, t)),
        e(metricDelta(m, t)),
        m.significant ? `<span class="sig">${e(t.t('diff.significant'))}</span>` : '',
      ];
      body.push(
        `<tr${m.significant ? ' class="sig"' : ''}>${cells('td', row, [null, 'num', 'num', 'num'])}</tr>`,
      );
    }
    body.push('</tbody></table></section>');
  }

  let scopeShown = false;
  for (const { kind, rows } of kindsWithRows(d, t)) {
    body.push(`<section><h2>${e(t.t(kindKey(kind)))}</h2>`);
    if (kind === 'processes') {
      body.push(`<p class="note">${e(processScopeText(d, t))}</p>`);
      scopeShown = true;
    }
    const withCommand = rows.some((r) => r.command !== null);
    const head = [t.t('diff.column.change'), t.t('diff.column.item')];
    if (withCommand) head.push(t.t('diff.column.command'));
    head.push(t.t('diff.column.details'));
    body.push(`<table><thead><tr>${cells('th', head.map(e))}</tr></thead><tbody>`);
    for (const r of rows) {
      const row = [e(`${SIGN[r.mark]} ${t.t(`diff.mark.${r.mark}`)}`), e(r.title)];
      if (withCommand) row.push(r.command ? `<code>${e(r.command)}</code>` : '');
      row.push(e(r.details));
      body.push(`<tr class="${r.mark}">${cells('td', row, ['mark'])}</tr>`);
    }
    body.push('</tbody></table></section>');
  }

  const skipped = notComparedLines(d, t);
  if (skipped.length) {
    body.push(`<section><h2>${e(t.t('diff.not_compared.title'))}</h2><ul>`);
    body.push(...skipped.map((s) => `<li>${e(s)}</li>`), '</ul></section>');
  }
  body.push(`<section class="notes"><h2>${e(t.t('diff.notes'))}</h2><ul>`);
  const processesCompared = !d.not_compared.some((n) => n.kind === 'processes');
  if (processesCompared && !scopeShown) body.push(`<li>${e(processScopeText(d, t))}</li>`);
  body.push(
    `<li>${e(thresholdsText(d, t))}</li></ul></section>`,
    `<footer>${e(t.t('diff.footer'))}</footer>`,
  );

  const title = `${t.t('diff.title')} · ${d.a.hostname ?? unknown}${d.same_host ? '' : ` / ${d.b.hostname ?? unknown}`}`;
  return [
    '<!doctype html>',
    `<html lang="${e(t.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="color-scheme" content="light dark">',
    `<title>${e(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
