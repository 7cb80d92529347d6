// The S3 commands over the real HTTP server (node:http on loopback) and a real S3 endpoint (s3rver on
// loopback). Only the live sampler is a hand-ticked stand-in (no sampling is needed here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../../../shared/contract/api.js';
import { createTranslator } from '../../../../shared/i18n/index.js';
import { Settings } from '../../../../shared/settings/schema.js';
import { AlertEngine } from '../../../../electron/core/alerts/engine.js';
import type { LoadedConfig } from '../../../../electron/core/config/load.js';
import { S3Remote, requireBucket } from '../../../../electron/core/s3/client.js';
import { FileCredentialStore } from '../../../../electron/core/s3/credentials.js';
import { S3Ops } from '../../../../electron/core/s3/ops.js';
import { listRemote } from '../../../../electron/core/s3/remote.js';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import { Sessions } from '../../../../electron/server/auth.js';
import { createBackend, type Backend } from '../../../../electron/server/backend.js';
import { KeyStore } from '../../../../electron/server/keys.js';
import { startServer, type RunningServer } from '../../../../electron/server/server.js';
import { startS3, type S3Fixture } from '../../../fixtures/s3rver.js';
import { ManualSampler } from '../../server/fake.js';
import { bearer, http } from '../../server/http.js';
import { snapshotAt } from './helpers.js';

const KEY = 'test-key-s3-0123456789';
let s3: S3Fixture;
let dir: string;
let server: RunningServer;
let backend: Backend;
let ops: S3Ops;
let firstId: string;
const logs: string[] = [];
const auth = bearer(KEY);
const json = { ...auth, 'content-type': 'application/json' };

beforeAll(async () => {
  s3 = await startS3('ais-api');
  dir = mkdtempSync(join(tmpdir(), 'ais-s3api-'));
  const storeDir = join(dir, 'store');
  const store = new SnapshotStore(storeDir);
  firstId = (await store.save(snapshotAt(Date.now() - 60_000))).id;
  const userSettingsPath = join(dir, 'config', 'config.json');
  const { mergeSettings } = await import('../../../../electron/core/config/load.js');
  const { readFile } = await import('node:fs/promises');
  const cfg = async (): Promise<LoadedConfig> => {
    const user = await readFile(userSettingsPath, 'utf8').then(JSON.parse, () => ({}));
    const base = { store: { dir: storeDir }, language: 'en' };
    return { settings: Settings.parse(mergeSettings(base, user)), layers: [], userSettingsPath };
  };
  let current = await cfg();
  const reload = async () => (current = await cfg());
  ops = new S3Ops({
    settings: () => current.settings,
    store: () => new SnapshotStore(storeDir),
    take: async () => (await store.save(snapshotAt(Date.now()))).id,
    credentials: new FileCredentialStore(join(dir, 'data', 's3-credentials.json'), true),
    credentialsKind: 'file',
    host: { env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg') }, platform: process.platform, home: dir },
    queueDir: join(dir, 'uploads'),
    log: (l) => logs.push(l),
    alertDebounceMs: 20,
  });
  backend = createBackend(
    current,
    { sampler: new ManualSampler(), alerts: new AlertEngine(), s3: ops },
    reload,
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
    staticDir: join(dir, 'no-renderer'),
    t: createTranslator('en'),
    log: (l) => logs.push(l),
    heartbeatMs: 200,
  });
});
afterAll(async () => {
  await server?.close();
  await backend?.stop();
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (method: string, path: string, body?: unknown) => {
  const r = await http(server.url, method, `/api/v1${path}`, {
    headers: body === undefined ? auth : json,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  logs.push(r.body);
  return r;
};

describe('S3 over the API', () => {
  it('before S3 is set up: share is a 4xx naming the fix, uploads say not configured', async () => {
    const r = await call('POST', '/snapshots/share', { ref: 'latest' });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/S3 is not configured: set s3.bucket/);
    expect(COMMANDS['uploads:list'].response.parse((await call('GET', '/uploads')).json())).toEqual({
      configured: false,
      pending: [],
    });
    // The popover enables Share from status:get: off until a bucket is set.
    expect((await call('GET', '/status')).json()).toMatchObject({ share: false });
  });

  it('settings, write-only keys, test connection, share; no secret ever comes back', async () => {
    const set = await call('PUT', '/settings', {
      settings: { s3: { bucket: s3.bucket, endpoint: s3.endpoint, forcePathStyle: true, prefix: 'api' } },
    });
    expect(set.status, set.body).toBe(200);
    expect((await call('GET', '/status')).json()).toMatchObject({ share: true });
    // No keys stored yet: the AWS default chain decides (here: no credentials at all).
    expect((await call('GET', '/s3/credentials')).json()).toEqual({
      source: 'chain',
      stored: false,
      weak: false,
      access_key_id: null,
    });
    const keys = await call('PUT', '/s3/credentials', {
      keys: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    expect(keys.status, keys.body).toBe(200);
    expect(keys.json()).toEqual({ source: 'file', stored: true, weak: false, access_key_id: s3.accessKeyId });
    expect((await call('GET', '/s3/credentials')).json()).toMatchObject({ source: 'file', stored: true });

    const test = await call('POST', '/s3/test', {});
    expect(test.json()).toMatchObject({ ok: true, key: 's3.conn.ok' });

    const shared = await call('POST', '/snapshots/share', { ref: 'latest', expires: '2h', lang: 'ko' });
    expect(shared.status, shared.body).toBe(200);
    const res = COMMANDS['snapshot:share'].response.parse(shared.json());
    expect(res.url).toContain('X-Amz-Expires=7200');
    const page = await fetch(res.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="ko"');

    const bad = await call('POST', '/snapshots/share', { ref: 'latest', expires: '9d' });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: expect.anything() });
    expect(bad.body).toMatch(/at most 7 days/);

    const settings = await call('GET', '/settings');
    expect(settings.body).not.toContain(s3.secretAccessKey);
  });

  it('an alert firing takes and uploads a backup when backup.onAlert is on', async () => {
    const r = await call('PUT', '/settings', { settings: { backup: { onAlert: true } } });
    expect(r.status, r.body).toBe(200);
    await vi.waitFor(() => expect(ops['scheduler']).toBeDefined(), { timeout: 5000, interval: 20 });
    ops.alertEvent({
      alert: {
        rule_id: 'cpu-high',
        subject: 'cpu',
        state: 'firing',
        severity: 'warning',
        value: 95,
        since: Date.now(),
        fired_at: Date.now(),
        resolved_at: null,
        message_key: 'alerts.msg.cpu',
        message_params: {},
      },
      previous: 'pending',
      notify: true,
    });
    const remote = new S3Remote(requireBucket(s3.settings({ prefix: 'api' }).s3), {
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });
    // The snapshot taken for the alert is uploaded (the first one is there from the share above).
    await vi.waitFor(
      async () => expect((await listRemote(remote)).filter((e) => e.id !== firstId)).toHaveLength(1),
      { timeout: 10_000, interval: 50 },
    );
    await vi.waitFor(async () => expect((await ops.uploads()).pending).toEqual([]), {
      timeout: 10_000,
      interval: 50,
    });
    expect(COMMANDS['uploads:list'].response.parse((await call('GET', '/uploads')).json())).toEqual({
      configured: true,
      pending: [],
    });
    await remote.close();
  });
  it('no credential in any log line or response captured', () => {
    expect(logs.length).toBeGreaterThan(5);
    for (const l of logs) expect(l).not.toContain(s3.secretAccessKey);
  });
});
