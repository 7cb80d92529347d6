// End-to-end: launch the built app (out/) in real Electron with Playwright and check the security shell:
// window title, the preload bridge, no Node in the page, no popups, no navigation. Skips (with the reason)
// when the Electron binary is not installed, e.g. where it cannot be downloaded. Needs `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
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

  beforeAll(async () => {
    if (!('path' in binary)) return;
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
      throw new Error('out/main/index.js missing: run `npm run build` before the e2e tests');
    }
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'ELECTRON_RUN_AS_NODE') {
        env[key] = value;
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
});
