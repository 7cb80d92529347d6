// End-to-end against the REAL backend: `autoinfrasnap serve` (real sampler, alert engine, snapshot store
// on this machine) serving the built React UI to real headless Chromium. Checks: a wrong key is refused
// at the login form, the right one signs in; the dashboard shows live values that change without a
// reload; the process table searches; a snapshot is taken, listed and viewed; two are diffed; Korean
// sticks; the popover renders; no console error. Screenshots go to test-results/ui-serve/.
// Needs Debian's chromium at /usr/bin/chromium: outside CI it skips with the reason; in CI it fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const root = join(import.meta.dirname, '..', '..');
const shots = join(root, 'test-results', 'ui-serve');
const KEY = 'e2e-key-3b1f9c0d7a5e4f2b8c6d';
const missing = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not installed (apt-get install chromium)`;
if (missing && process.env.CI)
  throw new Error(`${missing}: .ci/run must install Debian's chromium before the tests`);

let dir = '';
let url = '';
let server: ChildProcess | undefined;
let browser: Browser | undefined;
const errors: string[] = [];

/** Starts the real CLI server on a free loopback port and resolves with its URL. */
function startServe(staticDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server = spawn(
      process.execPath,
      [
        join(root, 'bin/autoinfrasnap.js'),
        'serve',
        '--port',
        '0',
        '--interval',
        '1',
        '--data-dir',
        join(dir, 'data'),
        '--static-dir',
        staticDir,
      ],
      {
        env: {
          ...process.env,
          HOME: dir,
          XDG_CONFIG_HOME: join(dir, 'config'),
          AUTOINFRASNAP_STORE_DIR: join(dir, 'store'),
          AUTOINFRASNAP_API_KEY: KEY,
          LANG: 'C.UTF-8',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

/** A new page that records console errors and page errors. */
async function open(path: string, size = { width: 1280, height: 860 }): Promise<Page> {
  const page = await browser!.newPage({ viewport: size });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: pageerror ${e.message}`));
  await page.goto(`${url}${path}`);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

describe.skipIf(missing !== undefined)(
  `React UI against the real serve${missing ? ` (${missing})` : ''}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ais-ui-serve-'));
      mkdirSync(shots, { recursive: true });
      const staticDir = join(dir, 'renderer');
      await build({
        configFile: false,
        logLevel: 'warn',
        root: join(root, 'renderer'),
        plugins: [react()],
        build: {
          outDir: staticDir,
          emptyOutDir: true,
          chunkSizeWarningLimit: 1024,
          rolldownOptions: {
            input: {
              dashboard: join(root, 'renderer/dashboard/index.html'),
              popover: join(root, 'renderer/popover/index.html'),
            },
          },
        },
      });
      url = await startServe(staticDir);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      // Sign in once for the browser context: a wrong key is refused, the right one sets the cookie.
      const login = await browser.newPage();
      await login.goto(`${url}/`);
      await login.waitForURL(/\/login/);
      await login.fill('#key', 'not-the-key');
      await Promise.all([login.waitForLoadState(), login.click('button[type=submit]')]);
      expect(login.url()).toMatch(/\/login/);
      await login.close();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (server && server.exitCode === null) {
        const exited = new Promise((r) => server!.once('exit', r));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    });

    /** A page signed in with the real key (the session cookie is per browser context). */
    async function signedIn(path: string, size?: { width: number; height: number }): Promise<Page> {
      const page = await open('/login', size);
      await page.fill('#key', KEY);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/login')),
        page.click('button[type=submit]'),
      ]);
      await page.goto(`${url}${path}`);
      return page;
    }

    it('shows live values of this machine that change without a reload', async () => {
      const page = await signedIn('/');
      await expect.poll(() => page.textContent('h1'), { timeout: 15_000 }).toBe('Overview');
      await expect
        .poll(() => page.textContent('[data-testid=now-cpu] dd'), { timeout: 15_000 })
        .toMatch(/\d%$/);
      const line = '[data-testid=chart-cpu-mem] path.chart-line';
      await page.waitForSelector(`${line}[d^="M"]`, { timeout: 15_000 });
      const first = await page.getAttribute(line, 'd');
      let navigations = 0;
      page.on('framenavigated', () => navigations++);
      await expect.poll(() => page.getAttribute(line, 'd'), { timeout: 15_000 }).not.toBe(first);
      expect(navigations).toBe(0);
      await shot(page, 'dashboard-overview');
      await page.close();
    });

    it('searches the real process table', async () => {
      const page = await signedIn('/#/processes');
      const names = () =>
        page.$$eval('[data-testid=process-table] tbody tr td:nth-child(2)', (tds) =>
          tds.map((td) => td.textContent ?? ''),
        );
      await expect.poll(async () => (await names()).length, { timeout: 15_000 }).toBeGreaterThan(0);
      await page.fill('[data-testid=process-table] input[type=search]', 'node');
      await expect.poll(names).toContain('node');
      // The search matches names and command lines: every row left mentions node somewhere.
      const rowsText = await page.$$eval('[data-testid=process-table] tbody tr', (trs) =>
        trs.map((tr) => (tr.textContent ?? '').toLowerCase()),
      );
      expect(rowsText.every((t) => t.includes('node'))).toBe(true);
      await shot(page, 'dashboard-processes');
      await page.close();
    });

    it('takes two snapshots of this machine, views one and diffs them', async () => {
      const page = await signedIn('/#/snapshots');
      const rows = page.locator('[data-testid=snapshot-table] tbody tr');
      for (const n of [1, 2]) {
        await page.click('[data-testid=take-snapshot]');
        await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(n);
      }
      await rows.first().getByRole('button', { name: 'View' }).click();
      await expect
        .poll(() => page.textContent('[data-testid=report-view] pre'), { timeout: 15_000 })
        .toMatch(/OK|WARNING|CRITICAL/);
      const boxes = page.locator('[data-testid=snapshot-table] tbody input[type=checkbox]');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.click('[data-testid=diff]');
      await expect
        .poll(() => page.textContent('[data-testid=report-view] h2'), { timeout: 15_000 })
        .toMatch(/^Diff /);
      await shot(page, 'dashboard-snapshots');
      await page.close();
    });

    it('switches to Korean and back', async () => {
      const page = await signedIn('/#/settings');
      await page.click('[data-testid=lang-toggle]');
      await expect.poll(() => page.textContent('h1')).toBe('설정');
      await shot(page, 'dashboard-settings-ko');
      await page.click('[data-testid=lang-toggle]');
      await expect.poll(() => page.textContent('h1')).toBe('Settings');
      await page.close();
    });

    it('renders the popover with this machine’s values', async () => {
      const page = await signedIn('/popover', { width: 360, height: 520 });
      await expect
        .poll(() => page.textContent('[data-testid=tile-cpu] .tile-value'), { timeout: 15_000 })
        .toMatch(/\d%$/);
      await shot(page, 'popover');
      await page.close();
    });

    it('renders every dashboard view without a crash notice, reachable by keyboard', async () => {
      const page = await signedIn('/');
      await expect.poll(() => page.textContent('h1'), { timeout: 15_000 }).toBe('Overview');
      await page.keyboard.press('Tab');
      const focused = () =>
        (globalThis as unknown as { document: { activeElement: { className: string } | null } }).document
          .activeElement?.className;
      expect(await page.evaluate(focused)).toBe('skip-link');
      const views = [
        'overview',
        'processes',
        'network',
        'disks',
        'containers',
        'services',
        'snapshots',
        'alerts',
        'settings',
      ];
      for (const view of views) {
        await page.click(`[data-testid=nav-${view}]`);
        await expect.poll(() => page.getAttribute(`[data-testid=nav-${view}]`, 'aria-current')).toBe('page');
        await expect
          .poll(() => page.locator('.dash-main .muted', { hasText: 'Loading' }).count(), { timeout: 15_000 })
          .toBe(0);
        expect(await page.locator('.notice-error').count(), view).toBe(0);
        await shot(page, `dashboard-${view}`);
      }
      await page.close();
    }, 120_000);

    it('saves alert rules through the real alert engine', async () => {
      const page = await signedIn('/#/alerts');
      await page.getByRole('button', { name: 'Add metric rule' }).click();
      await page.getByRole('button', { name: 'Save rules' }).click();
      await expect
        .poll(() => page.textContent('[data-testid=rules-editor]'), { timeout: 15_000 })
        .toContain('Rules saved');
      await page.close();
    });

    it('logged no console error', () => {
      expect(errors.filter((e) => !e.includes('/login'))).toEqual([]);
    });

    it('shows the backend-unreachable state, not a blank window, when the server stops', async () => {
      const dash = await signedIn('/');
      const pop = await signedIn('/popover', { width: 360, height: 520 });
      await expect
        .poll(() => dash.textContent('[data-testid=now-cpu] dd'), { timeout: 15_000 })
        .toMatch(/\d%$/);
      const exited = new Promise((r) => server!.once('exit', r));
      server!.kill('SIGTERM');
      await exited;
      for (const page of [dash, pop]) {
        await page.waitForSelector('[data-testid=unreachable]', { timeout: 20_000 });
        expect(await page.textContent('[data-testid=unreachable]')).toContain('Backend unreachable');
      }
      await shot(dash, 'dashboard-unreachable');
      await shot(pop, 'popover-unreachable');
    });
  },
);
