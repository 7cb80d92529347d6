// End-to-end: launch the built app (out/) in real Electron with Playwright and check the security shell
// (window title, the preload bridge, no Node in the page, no popups, no navigation) and the tray app: a
// tray menu action, the popover with live values, a notification when an alert threshold is crossed.
// Skips (with the reason) when the Electron binary is not installed, e.g. where it cannot be downloaded.
// Needs `npm run build` first. The app runs with its data in a temp folder (XDG_CONFIG_HOME, Linux) and
// AUTOINFRASNAP_E2E=1, which exposes a small test hook in unpackaged builds only (electron/main/index.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** The Electron executable, resolved like node_modules/electron/index.js does, but without downloading. */
function electronBinary(): { path: string } | { missing: string } {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return { missing: 'Electron binary not installed (node_modules/electron/path.txt absent)' };
  const path = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { missing: `Electron binary not installed (${path} absent)` };
}

const binary = electronBinary();
const skipReason = 'missing' in binary ? binary.missing : undefined;

describe('Electron app (e2e)', () => {
  let app: ElectronApplication | undefined;
  let page: Page | undefined;
  let dataHome: string | undefined;

  beforeAll(async () => {
    if (!('path' in binary)) return;
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
      throw new Error('out/main/index.js missing: run `npm run build` before the e2e tests');
    }
    dataHome = mkdtempSync(join(tmpdir(), 'ais-e2e-'));
    const env: Record<string, string> = { AUTOINFRASNAP_E2E: '1', XDG_CONFIG_HOME: dataHome };
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'ELECTRON_RUN_AS_NODE') {
        env[key] ??= value;
      }
    }
    app = await electron.launch({
      executablePath: binary.path,
      args: [root],
      cwd: root,
      env,
      timeout: 30_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dataHome) rmSync(dataHome, { recursive: true, force: true });
  });

  /** The launched app and its first window, or a skip with the reason. */
  function launched(skip: (note?: string) => never): { app: ElectronApplication; page: Page } {
    if (skipReason !== undefined) skip(skipReason);
    if (!app || !page) throw new Error('Electron app did not start');
    return { app, page };
  }

  it('opens the dashboard window', async ({ skip }) => {
    const { page } = launched(skip);
    expect(await page.title()).toContain('AutoInfraSnap');
  });

  it('exposes the preload bridge with the app version', async ({ skip }) => {
    const { page } = launched(skip);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await page.evaluate<unknown>('window.autoinfrasnap && window.autoinfrasnap.version')).toBe(
      pkg.version,
    );
  });

  it('gives the page no Node: no require, no process', async ({ skip }) => {
    const { page } = launched(skip);
    expect(await page.evaluate<string>('typeof require')).toBe('undefined');
    expect(await page.evaluate<string>('typeof process')).toBe('undefined');
  });

  it('denies window.open and blocks navigation away from the app', async ({ skip }) => {
    const { app, page } = launched(skip);
    const before = page.url();
    expect(await page.evaluate<boolean>("window.open('https://example.com/') === null")).toBe(true);
    await page.evaluate("void (location.href = 'https://example.com/')");
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });

  it('runs a tray menu action: Take snapshot', async ({ skip }) => {
    const { app } = launched(skip);
    await app.evaluate(async () => {
      const hook = (globalThis as Record<string, unknown>)['__autoinfrasnapE2E'] as {
        run(a: string): Promise<void>;
      };
      await hook.run('take-snapshot');
    });
    const menu = await app.evaluate(() =>
      (
        (globalThis as Record<string, unknown>)['__autoinfrasnapE2E'] as { menu(): { hasSnapshot: boolean } }
      ).menu(),
    );
    expect(menu.hasSnapshot).toBe(true);
    const { page } = launched(skip);
    const list = await page.evaluate<{ id: string }[]>("window.autoinfrasnap.call('snapshot:list', {})");
    expect(list.length).toBeGreaterThan(0);
  });

  it('views a snapshot’s HTML report in the dashboard through the ais-report: protocol', async ({ skip }) => {
    const { page } = launched(skip);
    await page.evaluate("void (location.hash = '#/snapshots')");
    const rows = page.locator('[data-testid=snapshot-table] tbody tr');
    await expect.poll(() => page.locator('[data-testid=take-snapshot]').count(), { timeout: 15_000 }).toBe(1);
    const before = await rows.count();
    await page.click('[data-testid=take-snapshot]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(before + 1);
    const [newest] = await page.evaluate<{ id: string }[]>("window.autoinfrasnap.call('snapshot:list', {})");
    // The newest first (the table's default sort); its first button is View.
    await rows.first().locator('button').first().click();
    const frame = page.locator('[data-testid=report-frame]');
    await expect.poll(() => frame.count(), { timeout: 15_000 }).toBe(1);
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts');
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src).toMatch(new RegExp(`^ais-report://snapshot/${newest!.id}\\?lang=(en|ko)$`));
    const lang = new URL(src).searchParams.get('lang');
    // The title of the same report, exported over IPC and parsed (not run) in the dashboard page.
    const title = await page.evaluate<string>(
      `window.autoinfrasnap.call('snapshot:export', { ref: '${newest!.id}', format: 'html', lang: '${lang}' })` +
        ".then((r) => new DOMParser().parseFromString(r.content, 'text/html').title)",
    );
    expect(title).not.toBe('');
    // The frame shows the report (its title), and the report's inline script ran under the served CSP
    // (the process table's sort buttons are the script's): srcdoc or blob: would have blocked it.
    const report = () => page.frames().find((f) => f.url().startsWith('ais-report://snapshot/'));
    await expect.poll(async () => report()?.title(), { timeout: 15_000 }).toBe(title);
    await expect
      .poll(() => page.frameLocator('[data-testid=report-frame]').locator('thead th button').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
  });

  it('opens the popover from the tray menu and shows live values', async ({ skip }) => {
    const { app } = launched(skip);
    const popoverOpened = app.waitForEvent('window', (w) => w.url().includes('/popover/'));
    await app.evaluate(async () => {
      await (
        (globalThis as Record<string, unknown>)['__autoinfrasnapE2E'] as { run(a: string): Promise<void> }
      ).run('open-popover');
    });
    const popover = await popoverOpened;
    await popover.waitForLoadState('domcontentloaded');
    const cpu = popover.getByTestId('tile-cpu').locator('.tile-value');
    await expect.poll(async () => cpu.textContent(), { timeout: 20_000 }).toMatch(/\d+(\.\d)?%/);
  });

  it('shows a native notification when an alert threshold is crossed', async ({ skip }) => {
    const { app, page } = launched(skip);
    // Memory is always above 0 %: this rule fires on the next sample.
    await page.evaluate(
      "window.autoinfrasnap.call('alerts:rules:set', { rules: [{ kind: 'metric', id: 'e2e-memory', metric: 'memory', fire_at: 0, clear_at: -1, for_s: 0, cooldown_s: 0, severity: 'warning' }] })",
    );
    await expect
      .poll(
        async () =>
          app.evaluate(() =>
            (
              (globalThis as Record<string, unknown>)['__autoinfrasnapE2E'] as {
                notifications(): { title: string; body: string }[];
              }
            ).notifications(),
          ),
        { timeout: 30_000 },
      )
      .toContainEqual(expect.objectContaining({ body: expect.stringMatching(/Memory at \d/) }));
  });
});
