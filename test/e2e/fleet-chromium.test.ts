// The fleet view end to end: THREE real `autoinfrasnap serve` processes on loopback; the dashboard of
// one ("alpha") watches the other two ("bravo" from the settings file with a key file, "charlie" added
// in the browser through the hosts editor). Real Chromium checks the Fleet section, the host picker
// switching the detail views to a remote host, and a stopped host shown as unreachable with the reason.
// Screenshot: test-results/ui-serve/fleet.png. Needs Debian's chromium at /usr/bin/chromium: outside CI
// it skips with the reason; in CI it fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const shots = join(root, 'test-results', 'ui-serve');
const missing = chromiumMissing;
if (missing && process.env.CI)
  throw new Error(`${missing}: .ci/run must install Debian's chromium before the tests`);

interface Serve {
  name: string;
  key: string;
  dir: string;
  url: string;
  proc: ChildProcess;
  stderr: string;
}

let dir = '';
let browser: Browser | undefined;
const serves = new Map<string, Serve>();
const errors: string[] = [];

/** Starts one real `serve` on a free loopback port with its own HOME, data folder and key. */
function startServe(name: string, staticDir: string, before?: (d: string) => void): Promise<Serve> {
  const d = join(dir, name);
  mkdirSync(join(d, 'config', 'AutoInfraSnap'), { recursive: true });
  before?.(d);
  const key = `e2e-${name}-key-${'x'.repeat(16)}`;
  const proc = spawn(
    process.execPath,
    [
      join(root, 'bin/autoinfrasnap.js'),
      'serve',
      '--port',
      '0',
      '--interval',
      '1',
      '--data-dir',
      join(d, 'data'),
      '--static-dir',
      staticDir,
    ],
    {
      env: {
        ...process.env,
        HOME: d,
        XDG_CONFIG_HOME: join(d, 'config'),
        AUTOINFRASNAP_STORE_DIR: join(d, 'store'),
        AUTOINFRASNAP_API_KEY: key,
        // Fleet streams are passive (a watched host keeps its idle rate): sample every second anyway.
        AUTOINFRASNAP_MONITOR_IDLE_INTERVAL_SECONDS: '1',
        LANG: 'C.UTF-8',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const s: Serve = { name, key, dir: d, url: '', proc, stderr: '' };
  serves.set(name, s);
  proc.stderr!.on('data', (b: Buffer) => (s.stderr += b.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m && !s.url) {
        s.url = m[1]!;
        resolve(s);
      }
    });
    proc.on('exit', (code) => reject(new Error(`${name}: serve exited with ${code}: ${out}${s.stderr}`)));
  });
}

async function stopServe(s: Serve): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const exited = new Promise((r) => s.proc.once('exit', r));
  s.proc.kill('SIGTERM');
  await exited;
}

/** The fleet as alpha's API lists it (bearer key, as a script would ask). */
async function fleetList(): Promise<{ name: string; state: string; problem: { code: string } | null }[]> {
  const a = serves.get('alpha')!;
  const res = await fetch(`${a.url}/api/v1/fleet/hosts`, { headers: { authorization: `Bearer ${a.key}` } });
  return (await res.json()) as { name: string; state: string; problem: { code: string } | null }[];
}

async function stateOf(name: string): Promise<string | undefined> {
  return (await fleetList()).find((h) => h.name === name)?.state;
}

/** Serious or critical axe-core violations inside `selector`. */
async function axe(page: Page, selector: string): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return r.violations
    .filter((x) => x.impact === 'serious' || x.impact === 'critical')
    .map((x) => `${x.id} (${x.impact}) at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

describe.skipIf(missing !== undefined)(
  `the fleet view with three real serve processes${missing ? ` (${missing})` : ''}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ais-fleet-e2e-'));
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
          rolldownOptions: { input: { dashboard: join(root, 'renderer/dashboard/index.html') } },
        },
      });
      const bravo = await startServe('bravo', staticDir);
      await startServe('charlie', staticDir);
      // alpha knows bravo from its settings file; the key is in a 0600 key file, not in the settings.
      await startServe('alpha', staticDir, (d) => {
        const keyFile = join(d, 'bravo.key');
        writeFileSync(keyFile, `${bravo.key}\n`);
        chmodSync(keyFile, 0o600);
        writeFileSync(
          join(d, 'config', 'AutoInfraSnap', 'config.json'),
          JSON.stringify({ fleet: { hosts: [{ name: 'bravo', url: bravo.url, keyFile }] } }),
        );
      });
      browser = await launchChromium();
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      for (const s of serves.values()) await stopServe(s);
      rmSync(dir, { recursive: true, force: true });
    });

    /** A page of alpha's dashboard, signed in with alpha's key. */
    async function signedIn(path: string): Promise<Page> {
      const a = serves.get('alpha')!;
      // A context per page (axe-core needs one); browser.close() ends them all.
      const context = await browser!.newContext({ viewport: { width: 1280, height: 1000 } });
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`${path}: pageerror ${e.message}`));
      await page.goto(`${a.url}/login`);
      await page.fill('#key', a.key);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/login')),
        page.click('button[type=submit]'),
      ]);
      await page.goto(`${a.url}${path}`);
      return page;
    }

    it('adds a host in the Settings hosts editor; its key is kept on the server only', async () => {
      const page = await signedIn('/#/settings');
      const editor = page.getByTestId('fleet-editor');
      await expect.poll(() => editor.locator('fieldset').count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => editor.getByLabel('Name').first().inputValue()).toBe('bravo');
      await page.getByTestId('fleet-add').click();
      const row = page.getByTestId('fleet-row-1');
      await row.getByLabel('Name').fill('charlie');
      await row.getByLabel('URL').fill('ftp://nope');
      await expect
        .poll(() => page.textContent('[data-testid=fleet-invalid]'))
        .toMatch(/http:\/\/ or https:\/\//);
      expect(await page.getByTestId('fleet-save').isDisabled()).toBe(true);
      const charlie = serves.get('charlie')!;
      await row.getByLabel('URL').fill(charlie.url);
      await row.getByLabel('Read API key').fill(charlie.key);
      await page.getByTestId('fleet-save').click();
      await expect.poll(() => editor.textContent(), { timeout: 15_000 }).toContain('Hosts saved');
      // The typed key is gone from the form, and the settings never carry it.
      expect(await row.getByLabel('Read API key').inputValue()).toBe('');
      const settings = await page.evaluate(async () => (await fetch('/api/v1/settings')).text());
      expect(settings).toContain('charlie');
      expect(settings).not.toContain(charlie.key);
      expect(await axe(page, '[data-testid=fleet-editor]')).toEqual([]);
      await page.close();
    });

    it('lists every host on the Overview with status, CPU, memory and disk now and sparklines', async () => {
      await expect.poll(() => stateOf('bravo'), { timeout: 20_000 }).toBe('ok');
      await expect.poll(() => stateOf('charlie'), { timeout: 20_000 }).toBe('ok');
      const page = await signedIn('/');
      for (const name of ['bravo', 'charlie']) {
        const card = page.getByTestId(`fleet-host-${name}`);
        await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
        // A host counts as ok once connected; its numbers follow with its first sample that has rates.
        for (const metric of ['cpu', 'memory', 'disk'])
          await expect
            .poll(() => card.getByTestId(`fleet-${metric}`).locator('.fleet-value').textContent(), {
              timeout: 15_000,
            })
            .toMatch(/\d%$/);
        expect(await card.locator('path.spark-line').count()).toBe(3);
        expect(await card.getByTestId('fleet-status').textContent()).toContain('OK');
      }
      await page.close();
    });

    it('switches the detail views to a remote host with the host picker', async () => {
      const page = await signedIn('/#/processes');
      const picker = page.getByTestId('fleet-picker');
      await expect
        .poll(() => picker.locator('option').allTextContents(), { timeout: 15_000 })
        .toEqual(['This machine', 'bravo', 'charlie']);
      await picker.selectOption('bravo');
      await expect.poll(() => page.textContent('[data-testid=fleet-viewing]')).toBe('Showing bravo');
      // bravo's own process table, fetched through alpha's fleet:call.
      const rows = page.locator('[data-testid=process-table] tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.click('[data-testid=nav-overview]');
      await expect
        .poll(() => page.textContent('[data-testid=now-cpu] dd'), { timeout: 15_000 })
        .toMatch(/\d%$/);
      // Settings stay this machine's: no picker there.
      await page.click('[data-testid=nav-settings]');
      await expect.poll(() => page.getByTestId('fleet-editor').count()).toBe(1);
      expect(await page.getByTestId('fleet-picker').count()).toBe(0);
      await page.click('[data-testid=nav-overview]');
      await page.getByTestId('fleet-picker').selectOption('');
      await expect.poll(() => page.getByTestId('fleet-viewing').count()).toBe(0);
      await page.close();
    });

    it('shows a stopped host as unreachable with the reason, never drops it', async () => {
      await stopServe(serves.get('charlie')!);
      await expect.poll(() => stateOf('charlie'), { timeout: 20_000 }).toBe('unreachable');
      expect((await fleetList()).map((h) => h.name)).toEqual(['bravo', 'charlie']);
      const page = await signedIn('/');
      const card = page.getByTestId('fleet-host-charlie');
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('unreachable');
      expect(await card.getByTestId('fleet-status').textContent()).toContain('Unreachable');
      expect(await card.getByTestId('fleet-problem').textContent()).toMatch(/cannot connect|no answer/);
      // Its last numbers stay, greyed out; bravo carries on.
      expect(await card.locator('.fleet-metrics.fleet-stale').count()).toBe(1);
      expect(await page.getByTestId('fleet-host-bravo').getAttribute('data-state')).toBe('ok');
      // The picker still offers it, marked.
      expect(await page.getByTestId('fleet-picker').locator('option').allTextContents()).toContain(
        'charlie — Unreachable',
      );
      await page.getByTestId('fleet').scrollIntoViewIfNeeded();
      await shot(page, 'fleet');
      expect(await axe(page, '[data-testid=fleet]')).toEqual([]);
      // The same in Korean.
      await page.click('[data-testid=lang-toggle]');
      await expect.poll(() => page.textContent('#fleet-title')).toBe('플릿');
      expect(await card.getByTestId('fleet-status').textContent()).toContain('연결 불가');
      expect(await card.getByTestId('fleet-problem').textContent()).toMatch(/연결할 수 없음|응답 없음/);
      await page.close();
      expect(serves.get('alpha')!.stderr).toMatch(/fleet: charlie unreachable/);
      for (const s of serves.values()) expect(s.stderr).not.toContain(serves.get('charlie')!.key);
    });

    it('logged no console error', () => {
      expect(errors.filter((e) => !e.includes('/login'))).toEqual([]);
    });
  },
);
