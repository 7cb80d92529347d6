/**
 * The HTML report's only stylesheet, inlined and allowed by its hash in the page's CSP. Light and dark
 * follow prefers-color-scheme; print expands every section and hides the controls. System fonts only
 * (with the usual Korean ones named), since the page may fetch nothing. Keep it ASCII: it is hashed.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", "Apple SD Gothic Neo",
    "Malgun Gothic", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK KR", monospace;
  --bg: #f4f6f8; --card: #ffffff; --fg: #1c2024; --muted: #5c6773; --border: #dde2e8; --accent: #2463d1;
  --track: #e6eaef; --bar: #3b7ddd; --zebra: #f8f9fb;
  --ok: #1a7f37; --warn: #9a6700; --crit: #cf222e;
  --ok-bg: #e7f5ec; --warn-bg: #fff5d9; --crit-bg: #ffe7e9;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0e1116; --card: #161b22; --fg: #e6edf3; --muted: #9da7b3; --border: #2d333b; --accent: #6ea8fe;
    --track: #262c36; --bar: #4d8ef7; --zebra: #1b2129;
    --ok: #3fb950; --warn: #d29922; --crit: #f85149;
    --ok-bg: #12261b; --warn-bg: #2a2111; --crit-bg: #2f1518;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); font: 14px/1.5 var(--font); }
body { margin: 0 auto; max-width: 1180px; padding: 24px 20px 40px; }
:lang(ko) { word-break: keep-all; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.05rem; margin: 0; display: inline; }
h3 { font-size: .9rem; margin: 16px 0 6px; color: var(--muted); font-weight: 600; }
p { margin: 6px 0; }
header { margin-bottom: 14px; }
.brand { color: var(--muted); font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; margin: 0 0 2px; }
.taken { color: var(--muted); margin: 4px 0 0; }
.health { display: flex; gap: 12px; align-items: flex-start; padding: 12px 16px; border-radius: 10px;
  border: 1px solid var(--border); border-left: 6px solid var(--tone); background: var(--tone-bg); margin: 0 0 14px; }
.health ul { margin: 2px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.pill { display: inline-block; padding: 2px 10px; border-radius: 999px; background: var(--tone); color: #fff;
  font-weight: 700; font-size: .85rem; letter-spacing: .04em; white-space: nowrap; }
.banner { padding: 10px 16px; border-radius: 10px; border: 1px solid var(--tone); background: var(--tone-bg);
  color: var(--tone); font-weight: 600; margin: 0 0 14px; }
.tone-ok { --tone: var(--ok); --tone-bg: var(--ok-bg); }
.tone-warn { --tone: var(--warn); --tone-bg: var(--warn-bg); }
.tone-crit { --tone: var(--crit); --tone-bg: var(--crit-bg); }
.tone-muted { --tone: var(--muted); --tone-bg: transparent; }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 14px; }
nav.toc a { color: var(--accent); text-decoration: none; padding: 2px 10px; border: 1px solid var(--border);
  border-radius: 999px; background: var(--card); font-size: .85rem; }
nav.toc a.tone-crit, nav.toc a.tone-warn { color: var(--tone); border-color: var(--tone); }
details.card { background: var(--card); border: 1px solid var(--border); border-radius: 10px; margin: 0 0 12px; }
details.card > summary { cursor: pointer; padding: 10px 16px; list-style-position: inside; }
details.card.tone-crit > summary h2, details.card.tone-warn > summary h2 { color: var(--tone); }
details.card[open] > summary { border-bottom: 1px solid var(--border); }
.body { padding: 8px 16px 14px; overflow-x: auto; }
.muted { color: var(--muted); }
p.tone-warn, p.tone-crit, p.tone-ok { color: var(--tone); font-weight: 600; }
dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px 20px; margin: 4px 0; }
dl.facts div { padding: 6px 0; border-bottom: 1px dashed var(--border); }
dl.facts dt { color: var(--muted); font-size: .8rem; }
dl.facts dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
dl.facts div.tone-warn dd, dl.facts div.tone-crit dd { color: var(--tone); }
.table-wrap { overflow-x: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: .86rem; font-variant-numeric: tabular-nums; }
table.data caption { text-align: left; font-weight: 600; color: var(--muted); padding: 8px 0 4px; }
table.data th, table.data td { padding: 4px 8px; border-bottom: 1px solid var(--border); text-align: left;
  vertical-align: top; }
table.data th { font-size: .78rem; color: var(--muted); font-weight: 600; white-space: nowrap; }
table.data .num { text-align: right; white-space: nowrap; }
table.data tbody tr:nth-child(even) { background: var(--zebra); }
table.data tr.tone-crit td { color: var(--crit); }
table.data tr.tone-warn td { color: var(--warn); }
table.data tr.tone-muted td { color: var(--muted); }
table.data tr.tone-crit td:first-child, table.data tr.tone-warn td:first-child { box-shadow: inset 3px 0 var(--tone); }
#proc-table td:nth-child(2) { min-width: 10em; }
td.cmd { font-family: var(--mono); font-size: .8rem; word-break: break-all; min-width: 16em; }
th button { all: unset; font: inherit; color: inherit; cursor: pointer; white-space: nowrap; }
th button::after { content: ""; display: inline-block; width: 1em; }
th[aria-sort="ascending"] button::after { content: "\\2191"; }
th[aria-sort="descending"] button::after { content: "\\2193"; }
th button:focus-visible, summary:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.block:has(> details.fold:not([open])) tr.folded { display: none; }
details.fold > summary { cursor: pointer; color: var(--accent); padding: 6px 0; list-style: none; }
details.fold[open] .when-closed, details.fold:not([open]) .when-open { display: none; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 10px 0 6px; }
.controls[hidden] { display: none; }
.controls input { font: inherit; padding: 5px 10px; min-width: 24em; border-radius: 8px; border: 1px solid var(--border);
  background: var(--bg); color: var(--fg); }
.charts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 6px 0; }
figure { margin: 4px 0; }
figcaption { font-size: .8rem; color: var(--muted); font-weight: 600; margin-bottom: 2px; }
svg.chart { max-width: 100%; height: auto; display: block; font: 12px var(--font); }
svg.chart text { fill: var(--muted); }
svg.chart text.label { fill: var(--fg); }
svg.chart .track { fill: var(--track); }
svg.chart .bar { fill: var(--bar); }
svg.chart .bar.tone-warn { fill: var(--warn); }
svg.chart .bar.tone-crit { fill: var(--crit); }
svg.chart .grid { stroke: var(--border); stroke-width: 1; }
footer { color: var(--muted); font-size: .8rem; margin-top: 20px; word-break: break-all; }
@media (max-width: 640px) { body { padding: 12px 10px; } .controls input { min-width: 0; width: 100%; } }
@media print {
  :root { --bg: #fff; --card: #fff; --zebra: #fafafa; }
  html { font-size: 11px; }
  body { max-width: none; padding: 0; }
  nav.toc, .controls, details.fold { display: none !important; }
  details.card { break-inside: avoid-page; border-color: #ccc; }
  details.card > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: block; }
  .block tr.folded, tr[hidden] { display: table-row !important; }
  .body { overflow: visible; }
  .health, .banner, .pill, svg.chart { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
