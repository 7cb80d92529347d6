/**
 * The HTML report: one self-contained file to open, mail or attach. Inline CSS and JS only, allowed by
 * their SHA-256 hashes in a strict Content-Security-Policy (default-src 'none'), so the page can neither
 * fetch anything nor run any script but its own, even if an escaping bug let markup through.
 */
import type { Translator } from '../../i18n/index.js';
import type { Snapshot } from '../../snapshot/schema.js';
import { escapeHtml as h } from '../escape.js';
import { cspHash } from '../sha256.js';
import { buildSections, footerLine, healthParts, titleParts, type Tone } from '../tables/index.js';
import { REPORT_SCRIPT } from './script.js';
import { sectionHtml, toneClass } from './sections.js';
import { REPORT_CSS } from './style.js';

/** Options of the HTML report. */
export interface HtmlOptions {
  t: Translator;
  /** SHA-256 of the snapshot file shared beside the report, shown in the header. */
  sha256?: string | undefined;
}

const STATUS_TONE: Record<'ok' | 'warning' | 'critical', Tone> = {
  ok: 'ok',
  warning: 'warn',
  critical: 'crit',
};

let csp: string | undefined;

/** The page's policy: nothing from anywhere, except the one inline style and script, by hash. */
export function reportCsp(): string {
  // Hashing 10 KiB of constant text once per process, not once per render.
  csp ??= [
    "default-src 'none'",
    `style-src ${cspHash(REPORT_CSS)}`,
    `script-src ${cspHash(REPORT_SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return csp;
}

/** Renders a snapshot as a self-contained HTML page in the translator's language. */
export function renderHtml(s: Snapshot, opts: HtmlOptions): string {
  const { t } = opts;
  const health = healthParts(s, t);
  const { title, taken } = titleParts(s, t);
  const sections = buildSections(s, t, { commandMax: 240 });
  const toc = sections
    .map((sec) => `<a href="#sec-${sec.id}"${toneClass(sec.tone)}>${h(sec.title)}</a>`)
    .join('');
  const healthHtml =
    `<section class="health tone-${STATUS_TONE[health.status]}" role="status" aria-live="off">` +
    `<span class="pill">${h(health.label)}</span>` +
    `<ul>${health.findings.map((f) => `<li>${h(f)}</li>`).join('')}</ul></section>`;
  const redactionOff = s.redactions.enabled
    ? ''
    : `<p class="banner tone-crit" role="alert">${h(t.t('report.redaction.off'))}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${h(t.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Our own constant of quotes, letters and base64: nothing in it needs escaping in an attribute.
    `<meta http-equiv="Content-Security-Policy" content="${reportCsp()}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${h(`${s.tool.name} ${s.tool.version}`)}">`,
    `<title>${h(`${health.label} · ${title}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><p class="brand">AutoInfraSnap</p><h1>${h(title)}</h1><p class="taken">${h(taken)}</p>` +
      (opts.sha256 ? `<p class="taken sha">${h(t.t('report.sha256', { sha: opts.sha256 }))}</p>` : '') +
      '</header>',
    healthHtml,
    redactionOff,
    `<nav class="toc">${toc}</nav>`,
    '<main>',
    ...sections.map((sec) => sectionHtml(s, sec, t)),
    '</main>',
    `<footer>${h(footerLine(s, t))}</footer>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
