// End-to-end: this machine's real snapshot, rendered by the built CLI (`snap --format html` in English,
// `show FILE --format html --lang ko` in Korean), opened from disk in real headless Chromium. The page must
// make no request but for itself, log no error (a CSP violation would), filter and sort its process table,
// render in dark mode and print without controls. Saves test-results/report.png to look at.
// Needs Debian's chromium at /usr/bin/chromium: outside CI it skips with the reason; in CI it fails.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = join(import.meta.dirname, '..', '..');
const missing = chromiumMissing;
if (missing && process.env.CI)
  throw new Error(`${missing}: .ci/run must install Debian's chromium before the tests`);

let dir = '';
let browser: Browser | undefined;
const files = { en: '', ko: '' };

/** One page on a report, with every request, console error and page error it caused. */
async function open(file: string, colorScheme: 'light' | 'dark' = 'light') {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.emulateMedia({ colorScheme });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, errors };
}

const visibleRows = (page: Page): Promise<number> =>
  page.locator('#proc-table tbody tr:not([hidden])').count();

const column = (page: Page, n: number): Promise<string[]> =>
  page.$$eval(`#proc-table tbody tr td:nth-child(${n})`, (tds) => tds.map((td) => td.textContent ?? ''));

describe.skipIf(missing !== undefined)(
  `HTML report in headless Chromium${missing ? ` (${missing})` : ''}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ais-report-'));
      const env = {
        HOME: dir,
        XDG_CONFIG_HOME: join(dir, 'config'),
        AUTOINFRASNAP_STORE_DIR: join(dir, 'store'),
      };
      files.en = join(dir, 'report.en.html');
      files.ko = join(dir, 'report.ko.html');
      const json = join(dir, 'snap.json');
      const snap = await runCli(
        ['snap', '--window', '0.5', '--format', 'json', '-o', json, '--no-save'],
        env,
        dir,
      );
      expect(snap.code, snap.stderr).toBe(0);
      for (const [lang, file] of Object.entries(files)) {
        const r = await runCli(['show', json, '--format', 'html', '--lang', lang, '-o', file], env, dir);
        expect(r.code, r.stderr).toBe(0);
      }
      const direct = await runCli(
        ['snap', '--window', '0', '--format', 'html', '-o', join(dir, 'direct.html'), '--no-save'],
        env,
        dir,
      );
      expect(direct.code, direct.stderr).toBe(0);
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('is one small file: within 300 KiB, both from snap and from show', () => {
      for (const f of [files.en, files.ko, join(dir, 'direct.html')]) {
        expect(statSync(f).size).toBeLessThanOrEqual(300 * 1024);
        expect(readFileSync(f, 'utf8')).toMatch(/^<!doctype html>/);
      }
    });

    it('requests nothing but itself and logs no error, in both languages', async () => {
      for (const [lang, file] of Object.entries(files)) {
        const { page, requests, errors } = await open(file);
        expect(requests).toEqual([pathToFileURL(file).href]);
        expect(errors).toEqual([]);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        // The script ran (its hash matched the CSP): it un-hid the filter box.
        expect(await page.isVisible('#proc-controls')).toBe(true);
        await page.close();
      }
    });

    it('filters the process table as one types, and sorts by a clicked header', async () => {
      const { page, errors } = await open(files.en);
      const total = await page.locator('#proc-table tbody tr').count();
      expect(total).toBeGreaterThan(1);
      expect(await visibleRows(page)).toBe(total);
      await page.fill('#proc-filter', 'no-such-process-zzz');
      expect(await visibleRows(page)).toBe(0);
      const name = (await column(page, 2))[0]!;
      await page.fill('#proc-filter', name);
      const shown = await visibleRows(page);
      expect(shown).toBeGreaterThan(0);
      expect(await page.textContent('#proc-count')).toBe(`${shown} of ${total} shown`);
      await page.fill('#proc-filter', '');
      expect(await visibleRows(page)).toBe(total);

      await page.click('#proc-table thead th:nth-child(1) button');
      expect(await page.getAttribute('#proc-table thead th:nth-child(1)', 'aria-sort')).toBe('descending');
      const desc = (await column(page, 1)).map(Number);
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      await page.click('#proc-table thead th:nth-child(1) button');
      const asc = (await column(page, 1)).map(Number);
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
      expect(await page.getAttribute('#proc-table thead th:nth-child(4)', 'aria-sort')).toBeNull();
      await page.click('#proc-table thead th:nth-child(2) button');
      const names = await column(page, 2);
      expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      expect(errors).toEqual([]);
      await page.close();
    });

    it('keeps the golden report’s hostile names inert and unfolds long tables on request', async () => {
      const golden = join(root, 'test', 'fixtures', 'report', 'report.en.html');
      const { page, requests, errors } = await open(golden);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      expect(await page.locator('script').count()).toBe(1);
      expect(
        await page.locator('#proc-table td', { hasText: /^<script>alert\(1\)<\/script>$/ }).count(),
      ).toBe(1);
      expect(await page.locator('#sec-disks td', { hasText: '/mnt/"backup" & co' }).count()).toBe(1);
      const folded = page.locator('#sec-services tr.folded');
      expect(await folded.count()).toBe(4);
      expect(await folded.first().isVisible()).toBe(false);
      await page.click('#sec-services details.fold > summary');
      expect(await folded.first().isVisible()).toBe(true);
      expect(await page.textContent('#sec-services details.fold > summary')).toBe('4 more rowsShow fewer');
      expect(await page.isVisible('#sec-services .when-open')).toBe(true);
      expect(dialogs).toBe(0);
      expect(requests).toEqual([pathToFileURL(golden).href]);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('renders light and dark, and prints every section without the controls', async () => {
      const bg = (page: Page): Promise<string> =>
        page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor');
      const light = await open(files.en, 'light');
      expect(await bg(light.page)).toBe('rgb(244, 246, 248)');
      mkdirSync(join(root, 'test-results'), { recursive: true });
      await light.page.screenshot({ path: join(root, 'test-results', 'report.png'), fullPage: true });
      await light.page.close();

      const dark = await open(files.ko, 'dark');
      expect(await bg(dark.page)).toBe('rgb(14, 17, 22)');
      await dark.page.screenshot({ path: join(root, 'test-results', 'report-ko-dark.png'), fullPage: true });
      // Collapse a section, then print: it shows again, and the filter box does not.
      await dark.page.click('#sec-disks > summary');
      expect(await dark.page.isVisible('#sec-disks .body')).toBe(false);
      await dark.page.emulateMedia({ media: 'print' });
      expect(await dark.page.isVisible('#sec-disks .body')).toBe(true);
      expect(await dark.page.isVisible('#proc-controls')).toBe(false);
      expect(dark.errors).toEqual([]);
      await dark.page.close();
    });
  },
);
