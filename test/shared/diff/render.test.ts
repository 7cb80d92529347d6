import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, renderDiff, DIFF_FORMATS } from '../../../shared/diff/index.js';
import { mdCode, mdText } from '../../../shared/diff/render-markdown.js';
import { createTranslator, LANGUAGES } from '../../../shared/i18n/index.js';
import { proc, snap, withProcesses } from './fixtures.js';
import { scenarioA, scenarioB } from './scenario.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';

const en = createTranslator('en');
const diff = diffSnapshots(scenarioA(), scenarioB());

describe('every renderer', () => {
  it('leaves no message key untranslated, in either language', () => {
    for (const lang of LANGUAGES)
      for (const format of DIFF_FORMATS) {
        const out = renderDiff(diff, format, { t: createTranslator(lang), color: false });
        expect(out, `${format} ${lang}`).not.toMatch(/\bdiff\.[a-z_]+\.?[a-z_]*/);
      }
  });

  it('says that processes are compared among the top lists, even when none changed', () => {
    const same = diffSnapshots(scenarioA(), scenarioA());
    for (const format of ['text', 'markdown', 'html'] as const)
      expect(renderDiff(same, format, { t: en, color: false })).toContain(
        'compared among the top lists only',
      );
  });
});

describe('text renderer', () => {
  it('colours added green, removed red and changed yellow only when asked', () => {
    const plain = renderDiff(diff, 'text', { t: en, color: false });
    expect(plain).not.toContain('\u001b[');
    const color = renderDiff(diff, 'text', { t: en, color: true });
    expect(color).toContain('\u001b[32m+ cache\u001b[0m');
    expect(color).toContain('\u001b[31m- old-job\u001b[0m');
    expect(color).toContain('\u001b[33m~ web\u001b[0m');
  });

  it('cuts very long command lines, which the JSON keeps whole', () => {
    const long = `java ${'-Dx=1 '.repeat(100)}-jar app.jar`;
    const d = diffSnapshots(snap(), withProcesses(snap(), [proc(5, 'java', long)]));
    const line = renderDiff(d, 'text', { t: en, color: false })
      .split('\n')
      .find((l) => l.includes('-Dx=1'));
    expect(line!.trim()).toHaveLength(160);
    expect(line!.endsWith('…')).toBe(true);
    expect(renderDiff(d, 'json', { t: en, color: false })).toContain(long);
  });
});

describe('markdown renderer', () => {
  it('escapes what would break a table or become markup', () => {
    expect(mdText('a|b <script> *x* _y_ [l](u) `c` & ~z~')).toBe(
      'a\\|b \\<script\\> \\*x\\* \\_y\\_ \\[l\\](u) \\`c\\` &amp; \\~z\\~',
    );
    expect(mdText('two\nlines')).toBe('two lines');
    expect(mdCode('a `b` |c')).toBe('``a `b` \\|c``');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('')).toBe('');
  });

  it('gives every table row as many cells as its header', () => {
    const md = renderDiff(diff, 'markdown', { t: en, color: false });
    const tables = md.split(/\n\n/).filter((b) => b.startsWith('| '));
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const [head, ...rows] = table.split('\n');
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(cells(row), row).toBe(cells(head!));
    }
  });

  it('folds lists longer than ten rows into <details>, and only those', () => {
    const md = renderDiff(diff, 'markdown', { t: en, color: false });
    expect(md.match(/<details>/g)).toHaveLength(1);
    expect(md).toContain('<summary>12 changes</summary>');
  });
});

const html = renderDiff(diff, 'html', { t: createTranslator('ko'), color: false });

describe('html renderer', () => {
  it('escapes every value', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('evil&lt;b&gt;|`x`');
    expect(html).toContain('img&amp;co');
  });

  it('is one page that can fetch nothing: inline CSS, a CSP forbidding the rest, no links', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="ko">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/\s(src|href|action|srcset)=|@import|url\(/i);
    expect(html).toContain('@media (prefers-color-scheme:dark)');
    expect(html).toContain('@media print');
  });
});

// In a real browser: what the page requests, and how it looks in dark mode and on paper.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!chromium && process.env.CI) {
  it('has Chromium in CI', () => {
    throw new Error('no Chromium at /usr/bin/chromium: .ci/run installs it for the HTML report tests');
  });
}

describe.skipIf(!chromium)('html renderer in Chromium (skipped: no /usr/bin/chromium)', () => {
  it('makes no request, follows the colour scheme and prints black on white', async () => {
    const { chromium: pw } = await import('playwright-core');
    const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const bg = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setContent(html, { waitUntil: 'load' });
      expect(await bg()).toBe('rgb(255, 255, 255)');
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await bg()).toBe('rgb(13, 17, 23)');
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      expect(await bg()).toBe('rgb(255, 255, 255)');
      expect(await page.locator('tr.added').count()).toBe(diff.summary.added);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('every diff report says what was redacted', () => {
  it('names the counts per rule of A and B, and warns when B was not redacted', () => {
    const a = sampleSnapshot({ redactions: { enabled: true, total: 3, by_rule: { 'flag-value': 3 } } });
    const b = sampleSnapshot({ redactions: { enabled: false, total: 0, by_rule: {} } });
    const d = diffSnapshots(a, b);
    for (const format of ['text', 'markdown', 'html'] as const) {
      const out = renderDiff(d, format, { t: en, color: false });
      expect(out, format).toContain('A 3 values (flag-value 3) · B OFF: this snapshot may contain secrets');
    }
  });
});
