import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../shared/contract/api.js';
import { Sample } from '../../../shared/contract/sample.js';
import { KEYS_FILE, LEGACY_KEY_FILE } from '../../../electron/server/keys.js';
import { hashKey } from '../../../electron/server/security.js';
import { bearer, http, readEvents } from './http.js';
import { cliEnv, startServe, type Serve } from './spawn.js';

/** Starts `autoinfrasnap serve --port 0` and waits for the URL it prints. */
function serve(home: string, dataDir: string, env: Record<string, string> = {}): Promise<Serve> {
  return startServe(['--port', '0', '--data-dir', dataDir, '--interval', '1'], cliEnv(home, env));
}

const KEY = 'cli-test-key-9876543210';
let home: string;
let s: Serve;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'ais-serve-'));
  s = await serve(home, join(home, 'data'), { AUTOINFRASNAP_API_KEY: KEY });
});
afterAll(async () => {
  await s?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('autoinfrasnap serve (with AUTOINFRASNAP_API_KEY)', () => {
  it('answers health without auth, and the rest only with the key', async () => {
    expect((await http(s.url, 'GET', '/api/v1/health')).json()).toMatchObject({ status: 'ok' });
    expect((await http(s.url, 'GET', '/api/v1/metrics/latest')).status).toBe(401);
    expect((await http(s.url, 'GET', '/api/v1/metrics/latest', { headers: bearer('bad') })).status).toBe(401);
    let latest: unknown = null;
    for (let i = 0; i < 40 && latest === null; i++) {
      const r = await http(s.url, 'GET', '/api/v1/metrics/latest', { headers: bearer(KEY) });
      expect(r.status).toBe(200);
      latest = r.json();
      if (latest === null) await new Promise((r) => setTimeout(r, 100));
    }
    expect(Sample.safeParse(latest).success).toBe(true);
    expect(s.stderr()).not.toContain(KEY);
    expect(await readdir(join(home, 'data')).catch(() => [])).not.toContain('api-key.sha256');
  });

  it('signs a browser in with an HttpOnly, SameSite=Strict cookie', async () => {
    const r = await http(s.url, 'POST', '/api/v1/login', {
      headers: { origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify({ key: KEY }),
    });
    expect(r.status).toBe(200);
    const set = r.headers['set-cookie']![0]!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\//);
    const cookie = set.split(';')[0]!;
    expect((await http(s.url, 'GET', '/api/v1/status', { headers: { cookie } })).status).toBe(200);
    const wrong = await http(s.url, 'POST', '/api/v1/login', {
      headers: { origin: s.url, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'nope' }),
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses foreign Host and Origin headers, bad bodies and unknown routes with JSON', async () => {
    const host = await http(s.url, 'GET', '/api/v1/health', { headers: { host: 'evil.example' } });
    expect(host.status).toBe(421);
    const body = JSON.stringify({ rules: [] });
    const evil = await http(s.url, 'PUT', '/api/v1/alerts/rules', {
      headers: { ...bearer(KEY), origin: 'http://evil.example', 'content-type': 'application/json' },
      body,
    });
    expect(evil.status).toBe(403);
    const bad = await http(s.url, 'PUT', '/api/v1/alerts/rules', {
      headers: { ...bearer(KEY), 'content-type': 'application/json' },
      body: JSON.stringify({ rules: 'all' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request', field: 'rules' } });
    const nf = await http(s.url, 'GET', '/api/v1/missing', { headers: bearer(KEY) });
    expect(nf.status).toBe(404);
    expect(nf.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('keeps running on SIGHUP without TLS (systemctl reload must not end it)', async () => {
    s.child.kill('SIGHUP');
    await new Promise((r) => setTimeout(r, 300));
    expect(s.child.exitCode).toBeNull();
    expect((await http(s.url, 'GET', '/api/v1/health')).status).toBe(200);
  });

  it('streams metrics:sample events', async () => {
    const r = await readEvents(
      s.url,
      bearer(KEY),
      (ev) => ev.some((e) => e.event === 'metrics:sample'),
      5000,
    );
    const e = r.events.find((x) => x.event === 'metrics:sample');
    expect(e, r.raw).toBeDefined();
    expect(Sample.safeParse(e!.data).success).toBe(true);
  });

  it('takes, lists, gets and exports a snapshot', async () => {
    const auth = bearer(KEY);
    const taken = await http(s.url, 'POST', '/api/v1/snapshots', { headers: auth });
    expect(taken.status, taken.body).toBe(200);
    const entry = COMMANDS['snapshot:take'].response.parse(taken.json());
    const list = COMMANDS['snapshot:list'].response.parse(
      (await http(s.url, 'GET', '/api/v1/snapshots', { headers: auth })).json(),
    );
    expect(list[0]!.id).toBe(entry.id);
    const got = await http(s.url, 'GET', `/api/v1/snapshots/get?ref=${entry.id}`, { headers: auth });
    expect(COMMANDS['snapshot:get'].response.parse(got.json()).id).toBe(entry.id);
    const exp = await http(
      s.url,
      'GET',
      `/api/v1/snapshots/export?ref=${entry.id.slice(0, 13)}&format=html`,
      {
        headers: auth,
      },
    );
    const report = COMMANDS['snapshot:export'].response.parse(exp.json());
    expect(report.filename).toMatch(/\.html$/);
    expect(report.content).toContain('<!doctype html>');
  }, 60_000);

  it('exits 0 on SIGTERM, keeping alert rules and history for the next start', async () => {
    const data = join(home, 'data2');
    const auth = { ...bearer(KEY), 'content-type': 'application/json' };
    const rules = [{ kind: 'metric', id: 'mem', metric: 'memory', fire_at: 99, clear_at: 95 }];
    const other = await serve(home, data, { AUTOINFRASNAP_API_KEY: KEY });
    const put = await http(other.url, 'PUT', '/api/v1/alerts/rules', {
      headers: auth,
      body: JSON.stringify({ rules }),
    });
    expect(put.status, put.body).toBe(200);
    expect(await other.stop()).toBe(0);
    expect(other.stderr()).toMatch(/stopped/);
    expect(await readdir(data)).toEqual(expect.arrayContaining(['alerts.json', 'history']));
    const again = await serve(home, data, { AUTOINFRASNAP_API_KEY: KEY });
    try {
      const list = COMMANDS['alerts:list'].response.parse(
        (await http(again.url, 'GET', '/api/v1/alerts', { headers: bearer(KEY) })).json(),
      );
      expect(list.rules.map((r) => r.id)).toEqual(['mem']);
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });
});

describe('autoinfrasnap serve (first start)', () => {
  it('writes a first admin key to a 0600 file (no terminal), keeps only its hash, and not again', async () => {
    const data = join(home, 'data-first');
    const first = await serve(home, data);
    let key: string;
    try {
      const file = join(data, 'initial-admin-key');
      key = (await readFile(file, 'utf8')).trim();
      expect(key).toMatch(/^ais_/);
      expect(first.stderr()).toContain(file);
      expect(first.stderr()).not.toContain(key);
      if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
      const keys = await readFile(join(data, KEYS_FILE), 'utf8');
      expect(keys).toContain(hashKey(key));
      expect(keys).not.toContain(key);
      if (process.platform !== 'win32') expect((await stat(join(data, KEYS_FILE))).mode & 0o777).toBe(0o600);
      expect((await http(first.url, 'GET', '/api/v1/keys', { headers: bearer(key) })).status).toBe(200);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await serve(home, data);
    try {
      expect(second.stderr()).not.toMatch(/initial-admin-key/);
      expect(second.stderr()).toMatch(/API keys: 1 in /);
      expect((await http(second.url, 'GET', '/api/v1/status', { headers: bearer(key) })).status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('migrates the single key of an older version to an admin key', async () => {
    const data = join(home, 'data-legacy');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, LEGACY_KEY_FILE), `${hashKey('the-old-key')}\n`, { mode: 0o600 });
    const s2 = await serve(home, data);
    try {
      expect(s2.stderr()).toMatch(/is now the admin key "initial"/);
      expect((await http(s2.url, 'GET', '/api/v1/keys', { headers: bearer('the-old-key') })).status).toBe(
        200,
      );
      expect(await readdir(data)).not.toContain(LEGACY_KEY_FILE);
    } finally {
      expect(await s2.stop()).toBe(0);
    }
  });
});
