import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, EVENTS, ROUTES, Status } from '../../../shared/contract/api.js';
import { HTML_CSP } from '../../../electron/server/security.js';
import { KEY, sample, startTestServer, type TestServer } from './fake.js';
import { bearer, http, readEvents } from './http.js';

let ts: TestServer;
let base: string;
const auth = bearer(KEY);
const json = { ...auth, 'content-type': 'application/json' };

beforeAll(async () => {
  ts = await startTestServer();
  base = ts.server.url;
  ts.sampler.tick();
});
afterAll(async () => ts.close());

describe('contract routes', () => {
  it('answers every read command with a response its schema accepts', async () => {
    const reads = {
      'metrics:latest': '',
      'metrics:history': '?range=1h',
      'snapshot:list': '',
      'snapshot:get': '?ref=latest',
      'snapshot:diff': '?a=latest~1&b=latest',
      'snapshot:export': '?ref=latest&format=markdown&lang=ko',
      'alerts:list': '',
      'settings:get': '',
      'status:get': '',
    } as const;
    for (const [name, query] of Object.entries(reads) as [keyof typeof reads, string][]) {
      const r = await http(base, 'GET', `/api/v1${ROUTES[name].path}${query}`, { headers: auth });
      expect(r.status, `${name}: ${r.body}`).toBe(200);
      expect(COMMANDS[name].response.safeParse(r.json()).success, name).toBe(true);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('same-origin');
    }
    const exp = (
      await http(base, 'GET', '/api/v1/snapshots/export?ref=latest&format=html', { headers: auth })
    ).json() as { content: string; filename: string };
    expect(exp.filename).toMatch(/^autoinfrasnap-20261126T130000Z\.html$/);
    expect(exp.content).toMatch(/^<!doctype html>/i);
  });

  it('sets alert rules and settings (written 0600), validating both', async () => {
    const rules = [{ kind: 'metric', id: 'cpu-high', metric: 'cpu', fire_at: 90, clear_at: 80 }];
    const r = await http(base, 'PUT', '/api/v1/alerts/rules', {
      headers: json,
      body: JSON.stringify({ rules }),
    });
    expect(r.status, r.body).toBe(200);
    expect(COMMANDS['alerts:rules:set'].response.parse(r.json())[0]!.id).toBe('cpu-high');
    const bad = await http(base, 'PUT', '/api/v1/alerts/rules', {
      headers: json,
      body: JSON.stringify({
        rules: [{ kind: 'metric', id: 'x', metric: 'cpu', fire_at: 'high', clear_at: 1 }],
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request', field: 'rules.0.fire_at' } });

    const s = await http(base, 'PUT', '/api/v1/settings', {
      headers: json,
      body: JSON.stringify({ settings: { snapshot: { topN: 7 } } }),
    });
    expect(s.status, s.body).toBe(200);
    expect(COMMANDS['settings:set'].response.safeParse(s.json()).success).toBe(true);
    const file = join(ts.dir, 'config', 'config.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ snapshot: { topN: 7 } });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const badSetting = await http(base, 'PUT', '/api/v1/settings', {
      headers: json,
      body: JSON.stringify({ settings: { snapshot: { topN: 0 } } }),
    });
    expect(badSetting.status).toBe(400);
    expect((badSetting.json() as { error: { message: string } }).error.message).toContain('snapshot.topN');
  });

  it('maps bad input, unknown routes, user errors and limits to JSON errors', async () => {
    const missing = await http(base, 'GET', '/api/v1/snapshots/get', { headers: auth });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'bad_request', field: 'ref' } });
    const badFmt = await http(base, 'GET', '/api/v1/snapshots/export?ref=latest&format=pdf', {
      headers: auth,
    });
    expect((badFmt.json() as { error: { field: string } }).error.field).toBe('format');
    const notFound = await http(base, 'GET', '/api/v1/snapshots/get?ref=ffffffff', { headers: auth });
    expect(notFound.status).toBe(404);
    expect(notFound.json()).toMatchObject({ error: { code: 'not_found' } });
    const file = await http(base, 'GET', '/api/v1/snapshots/get?ref=/etc/passwd', { headers: auth });
    expect(file.status).toBe(400);
    const nope = await http(base, 'GET', '/api/v1/nope', { headers: auth });
    expect(nope.status).toBe(404);
    expect(nope.headers['content-type']).toMatch(/^application\/json/);
    expect((await http(base, 'GET', '/nope')).status).toBe(404);
    expect((await http(base, 'DELETE', '/api/v1/alerts', { headers: auth })).status).toBe(405);
    const notJson = await http(base, 'PUT', '/api/v1/alerts/rules', { headers: json, body: '{"rules": [' });
    expect(notJson.json()).toMatchObject({ error: { code: 'bad_json' } });
    const text = await http(base, 'PUT', '/api/v1/alerts/rules', {
      headers: { ...auth, 'content-type': 'text/plain' },
      body: '{"rules":[]}',
    });
    expect(text.status).toBe(415);
    const big = await http(base, 'PUT', '/api/v1/settings', {
      headers: json,
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers the tray-only export commands (save dialog, clipboard) with 400 desktop_only', async () => {
    for (const [path, body] of [
      ['/api/v1/snapshots/save', { ref: 'latest', format: 'html' }],
      ['/api/v1/snapshots/copy', { ref: 'latest' }],
    ] as const) {
      const res = await http(base, 'POST', path, { headers: json, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'desktop_only' } });
      expect((res.json() as { error: { message: string } }).error.message).toContain('/snapshots/export');
    }
  });

  it('answers 500 without a stack trace when the backend throws', async () => {
    const orig = ts.backend.status;
    ts.backend.status = () => {
      throw new Error('boom at /secret/path');
    };
    try {
      const r = await http(base, 'GET', '/api/v1/status', { headers: auth });
      expect(r.status).toBe(500);
      expect(r.json()).toEqual({ error: { code: 'internal', message: 'internal server error' } });
    } finally {
      ts.backend.status = orig;
    }
  });
});

describe('auth and browser safety', () => {
  it('needs a key everywhere but health; pages redirect to /login', async () => {
    expect((await http(base, 'GET', '/api/v1/health')).status).toBe(200);
    const r = await http(base, 'GET', '/api/v1/metrics/latest');
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await http(base, 'GET', '/api/v1/status', { headers: bearer('wrong') })).status).toBe(401);
    expect((await http(base, 'GET', '/api/v1/events')).status).toBe(401);
    const page = await http(base, 'GET', '/');
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe('/login');
  });

  it('serves the login page with the strict CSP, and the form sign-in works without script', async () => {
    const page = await http(base, 'GET', '/login');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(HTML_CSP);
    expect(page.body).toContain('action="/api/v1/login"');
    expect(page.body).not.toMatch(/<script|style=/);
    const origin = { origin: base, 'content-type': 'application/x-www-form-urlencoded' };
    const bad = await http(base, 'POST', '/api/v1/login', { headers: origin, body: 'key=nope' });
    expect([bad.status, bad.headers.location]).toEqual([303, '/login?failed=1']);
    const ok = await http(base, 'POST', '/api/v1/login', { headers: origin, body: `key=${KEY}` });
    expect([ok.status, ok.headers.location]).toEqual([303, '/']);
    const cookie = ok.headers['set-cookie']![0]!.split(';')[0]!;
    const home = await http(base, 'GET', '/', { headers: { cookie } });
    expect(home.status).toBe(503);
    expect(home.body).toContain('npm run build');
    expect(home.headers['content-security-policy']).toBe(HTML_CSP);
  });

  it('refuses state changes from other origins, and cookie ones without an Origin', async () => {
    const login = await http(base, 'POST', '/api/v1/login', {
      headers: { origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ key: KEY }),
    });
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    const body = JSON.stringify({ rules: [] });
    const put = (headers: Record<string, string>) =>
      http(base, 'PUT', '/api/v1/alerts/rules', {
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    expect((await put({ cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await put({ cookie })).status).toBe(403);
    expect((await put({ cookie, origin: base, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await put({ cookie, origin: base })).status).toBe(200);
    // A form on a page that hides its origin posts `Origin: null`: same-origin only by Sec-Fetch-Site.
    expect((await put({ cookie, origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await put({ cookie, origin: 'null' })).status).toBe(403);
    expect((await put({ cookie, origin: 'null', 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await put({ ...auth, origin: 'http://evil.example' })).status).toBe(403);
    expect((await put(auth)).status).toBe(200);
    const out = await http(base, 'POST', '/api/v1/logout', { headers: { cookie, origin: base } });
    expect(out.headers['set-cookie']![0]).toContain('Max-Age=0');
    expect((await http(base, 'GET', '/api/v1/status', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses other Host names (DNS rebinding)', async () => {
    const r = await http(base, 'GET', '/api/v1/health', { headers: { host: 'evil.example' } });
    expect(r.status).toBe(421);
    expect(r.json()).toMatchObject({ error: { code: 'misdirected_request' } });
    const port = new URL(base).port;
    expect(
      (await http(base, 'GET', '/api/v1/health', { headers: { host: `localhost:${port}` } })).status,
    ).toBe(200);
  });
});

describe('events', () => {
  it('streams retry, status and samples, each valid, with heartbeats', async () => {
    setTimeout(() => ts.sampler.tick(sample(Date.now() + 1)), 100);
    const r = await readEvents(
      base,
      auth,
      (ev, raw) => ev.filter((e) => e.event === 'metrics:sample').length >= 2 && raw.includes(': heartbeat'),
      3000,
    );
    expect(r.raw).toMatch(/^retry: \d+\n\n/);
    expect(r.raw).toMatch(/\n: heartbeat \d+\n\n/);
    const samples = r.events.filter((e) => e.event === 'metrics:sample');
    expect(samples.length).toBeGreaterThanOrEqual(2);
    for (const e of r.events)
      expect(EVENTS[e.event as keyof typeof EVENTS].safeParse(e.data).success).toBe(true);
    expect(Status.parse(r.events.find((e) => e.event === 'status:changed')!.data).status).toBe('ok');
  });
});

describe('static files', () => {
  it('serves the built renderer pages and assets', async () => {
    const root = join(ts.dir, 'renderer');
    await mkdir(join(root, 'dashboard'), { recursive: true });
    await mkdir(join(root, 'popover'), { recursive: true });
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'dashboard', 'index.html'), '<!doctype html><title>dash</title>');
    await writeFile(join(root, 'popover', 'index.html'), '<!doctype html><title>pop</title>');
    await writeFile(join(root, 'assets', 'app-AbCd1234.js'), 'console.log(1)');
    const other = await startTestServer({ staticDir: root });
    try {
      const b = other.server.url;
      expect((await http(b, 'GET', '/', { headers: auth })).body).toContain('dash');
      const pop = await http(b, 'GET', '/popover', { headers: auth });
      expect(pop.body).toContain('pop');
      expect(pop.headers['content-security-policy']).toBe(HTML_CSP);
      const js = await http(b, 'GET', '/assets/app-AbCd1234.js');
      expect(js.headers['content-type']).toMatch(/^text\/javascript/);
      expect(js.body).toBe('console.log(1)');
      expect((await http(b, 'GET', '/assets/%2e%2e/dashboard/index.html')).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

describe('shutdown', () => {
  it('ends open event streams when the server closes', async () => {
    const other = await startTestServer();
    const pending = readEvents(other.server.url, auth, () => false, 5000);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await other.close();
    const r = await pending;
    expect(r.ended).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(other.sampler.stopped).toBe(true);
  });
});

describe('login throttling', () => {
  it('answers 429 to a client after 10 failed attempts within a minute, even for the right key', async () => {
    const other = await startTestServer();
    try {
      const b = other.server.url;
      const login = (key: string, localAddress?: string) =>
        http(b, 'POST', '/api/v1/login', {
          headers: { origin: b, 'content-type': 'application/json' },
          body: JSON.stringify({ key }),
          ...(localAddress && { localAddress }),
        });
      for (let i = 0; i < 10; i++) expect((await login(`wrong-${i}`)).status).toBe(401);
      const r = await login(KEY);
      expect(r.status).toBe(429);
      expect(r.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect((await http(b, 'GET', '/api/v1/status', { headers: auth })).status).toBe(429);
      // Per client address: another loopback address (Linux routes all of 127/8 to lo) is not blocked.
      if (process.platform === 'linux') expect((await login(KEY, '127.0.0.2')).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
