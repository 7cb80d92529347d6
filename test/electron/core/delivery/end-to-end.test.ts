// An alert goes the whole way: a sample into the real AlertEngine inside the server's backend, out to
// a webhook receiver on loopback, with a fresh snapshot of this machine attached; and the contract
// routes answer over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../../electron/core/alerts/engine.js';
import { DeliveryService } from '../../../../electron/core/delivery/service.js';
import { alertSnapshotTaker } from '../../../../electron/core/delivery/snapshot.js';
import { createBackend, type Backend } from '../../../../electron/server/backend.js';
import { COMMANDS, ROUTES } from '../../../../shared/contract/api.js';
import { Settings } from '../../../../shared/settings/schema.js';
import { KEY, ManualSampler, READ_KEY, sample, startTestServer, type TestServer } from '../../server/fake.js';
import { bearer, http } from '../../server/http.js';
import { ManualScheduler, Receiver, signatureValid } from './helpers.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('alert engine to receiver', () => {
  it('delivers a firing alert with what was running, then its resolution', async () => {
    const r = await new Receiver().start();
    cleanup.push(() => r.stop());
    const settings = Settings.parse({
      language: 'en',
      delivery: {
        targets: [{ kind: 'webhook', id: 'ops', url: r.url, secret: 'env:E2E_SECRET' }],
      },
    });
    const delivery = new DeliveryService({
      settings: settings.delivery,
      language: settings.language,
      env: { E2E_SECRET: 'e2e-secret' },
      host: 'web-1',
      scheduler: new ManualScheduler(),
      // The server's own snapshot taker: real readers on this machine, redacted.
      takeSnapshot: alertSnapshotTaker(settings),
    });
    const sampler = new ManualSampler();
    const engine = new AlertEngine({
      rules: [{ kind: 'metric', id: 'cpu-hot', metric: 'cpu', fire_at: 90, clear_at: 50, for_s: 0 }],
    });
    const backend: Backend = createBackend(
      { settings, layers: [], userSettingsPath: '/nonexistent/config.json' },
      { sampler, alerts: engine, delivery },
      async () => ({ settings, layers: [], userSettingsPath: '/nonexistent/config.json' }),
    );
    await backend.start();
    cleanup.push(() => backend.stop());

    const hot = sample();
    hot.cpu.usage_percent = 97;
    sampler.tick(hot);
    await r.received(1);
    await delivery.idle();
    const fired = r.got[0]!;
    expect(
      signatureValid('e2e-secret', fired.headers['x-autoinfrasnap-signature'] as string, fired.raw),
    ).toBe(true);
    expect(fired.json).toMatchObject({
      type: 'alert',
      state: 'firing',
      alert: { rule_id: 'cpu-hot', subject: 'cpu', value: 97, state: 'firing' },
    });
    const summary = String(fired.json.summary);
    expect(summary).toContain('Top processes by CPU:');
    expect(summary).toMatch(/Redacted|redact/i);
    expect(backend.delivery.status()[0]).toMatchObject({ id: 'ops', sent: 1, pending: 0 });

    const calm = sample();
    calm.cpu.usage_percent = 10;
    sampler.tick(calm);
    await r.received(2);
    await delivery.idle();
    expect(r.got[1]!.json).toMatchObject({ state: 'resolved', summary: null });
    expect(r.got).toHaveLength(2);
  });
});

describe('delivery routes', () => {
  let ts: TestServer;
  it('GET /delivery lists targets; POST /delivery/test says when there are none', async () => {
    ts = await startTestServer();
    cleanup.push(() => ts.close());
    const base = ts.server.url;
    const list = await http(base, 'GET', `/api/v1${ROUTES['delivery:status'].path}`, {
      headers: bearer(KEY),
    });
    expect(list.status, list.body).toBe(200);
    expect(COMMANDS['delivery:status'].response.parse(list.json())).toEqual([]);
    const test = await http(base, 'POST', `/api/v1${ROUTES['delivery:test'].path}`, {
      headers: { ...bearer(KEY), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(test.status).toBe(404);
    expect(test.json()).toMatchObject({ error: { message: expect.stringContaining('delivery.targets') } });
    const noAuth = await http(base, 'GET', `/api/v1${ROUTES['delivery:status'].path}`);
    expect(noAuth.status).toBe(401);
    // Reading the records needs a read key; making the server send needs an admin one.
    const read = await http(base, 'GET', `/api/v1${ROUTES['delivery:status'].path}`, {
      headers: bearer(READ_KEY),
    });
    expect(read.status).toBe(200);
    const readTest = await http(base, 'POST', `/api/v1${ROUTES['delivery:test'].path}`, {
      headers: { ...bearer(READ_KEY), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(readTest.status).toBe(403);
  });
});
