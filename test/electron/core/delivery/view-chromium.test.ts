// The delivery card in real headless Chromium, served by the real HTTP server over a backend whose
// delivery service talks to real receivers on loopback: one that works, one whose port refuses. The
// card lists both with their destinations (no URL path), "Send test" delivers to the live one, and the
// refused one shows its error. The renderer is built with Vite into a temp folder.
// Needs Debian's chromium at /usr/bin/chromium: outside CI it skips with the reason; in CI it fails.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../../../helpers/chromium.js';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../../electron/core/alerts/engine.js';
import { DeliveryService } from '../../../../electron/core/delivery/service.js';
import { Sessions } from '../../../../electron/server/auth.js';
import { createBackend, type Backend } from '../../../../electron/server/backend.js';
import { KeyStore } from '../../../../electron/server/keys.js';
import { startServer, type RunningServer } from '../../../../electron/server/server.js';
import { createTranslator } from '../../../../shared/i18n/index.js';
import { Settings } from '../../../../shared/settings/schema.js';
import { ManualSampler } from '../../server/fake.js';
import { ManualScheduler, Receiver, freePort } from './helpers.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const KEY = 'delivery-view-key-5d41402abc4b2a76';
const missing = chromiumMissing;
if (missing && process.env.CI) throw new Error(`${missing}: CI must install Debian's chromium`);

describe.skipIf(missing !== undefined)(`delivery view in Chromium${missing ? ` (${missing})` : ''}`, () => {
  let dir = '';
  let receiver: Receiver;
  let backend: Backend | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let deadPort = 0;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ais-delivery-ui-'));
    receiver = await new Receiver().start();
    deadPort = await freePort();
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
    const settings = Settings.parse({
      language: 'en',
      delivery: {
        targets: [
          { kind: 'teams', id: 'ops-teams', url: receiver.url },
          { kind: 'webhook', id: 'dead-hook', url: `http://127.0.0.1:${deadPort}/hook/SECRETPATH` },
        ],
      },
    });
    const cfg = { settings, layers: [], userSettingsPath: join(dir, 'config.json') };
    const delivery = new DeliveryService({
      settings: settings.delivery,
      language: 'en',
      host: 'web-1',
      scheduler: new ManualScheduler(),
    });
    backend = createBackend(
      cfg,
      { sampler: new ManualSampler(), alerts: new AlertEngine(), delivery },
      async () => cfg,
    );
    await backend.start();
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      backend,
      auth: {
        enabled: true,
        keys: KeyStore.memory([{ key: KEY, scope: 'admin', name: 'admin' }]),
        sessions: new Sessions(),
      },
      staticDir,
      t: createTranslator('en'),
      log: () => undefined,
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await backend?.stop();
    await receiver?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function signedIn(path: string): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    // Script errors, and failed requests of this card or the page's assets (other views' routes,
    // like the fleet's, are not this backend's: it has no fleet part).
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.status() >= 400 && (path.startsWith('/api/v1/delivery') || !path.startsWith('/api/')))
        errors.push(`${r.status()} ${path}`);
    });
    await page.goto(`${server!.url}/login`);
    await page.fill('#key', KEY);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/login')),
      page.click('button[type=submit]'),
    ]);
    await page.goto(`${server!.url}${path}`);
    return page;
  }

  it('lists the targets, sends a test, and shows a failing one with its error', async () => {
    const page = await signedIn('/#/alerts');
    const card = page.locator('[data-testid=delivery]');
    await expect.poll(() => card.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Alert delivery');
    expect(text).toContain(`http://127.0.0.1:${receiver.port}`);
    expect(text).not.toContain('SECRETPATH');

    const teamsRow = card.locator('tbody tr', { hasText: 'ops-teams' });
    await teamsRow.getByRole('button', { name: 'Send test' }).click();
    await expect
      .poll(() => page.textContent('[data-testid=delivery] [role=status]'))
      .toBe('Test message delivered to ops-teams');
    expect(receiver.got).toHaveLength(1);
    expect(JSON.stringify(receiver.got[0]!.json)).toContain('AutoInfraSnap test message from web-1');
    await expect.poll(() => teamsRow.locator('td').nth(2).textContent()).not.toBe('never');

    const deadRow = card.locator('tbody tr', { hasText: 'dead-hook' });
    await deadRow.getByRole('button', { name: 'Send test' }).click();
    await expect
      .poll(() => page.textContent('[data-testid=delivery-error-dead-hook]'))
      .toContain('ECONNREFUSED');
    expect(await page.textContent('[data-testid=delivery] [role=status]')).toContain(
      'Test message to dead-hook failed',
    );
    await page.screenshot({ path: join(root, 'test-results', 'delivery-view.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
