import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTls } from '../../../electron/core/tls/ca.js';
import { agentFromCa } from '../../../electron/core/tls/agent.js';
import { AuditLog } from '../../../electron/server/audit.js';
import { KEY, READ_KEY, sample, startTestServer, type TestServer } from './fake.js';
import { bearer, http, readEvents, type Reply } from './http.js';

// Scoped keys, 401/403/413/429 and the audit log, all over real HTTPS on loopback with a CA made by
// the same code as `autoinfrasnap tls init`.
let dir: string;
let ts: TestServer;
let agent: Agent;
let base: string;
let auditPath: string;
let audit: AuditLog;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ais-access-'));
  const tls = await initTls({
    dir: join(dir, 'tls'),
    names: ['localhost', '127.0.0.1'],
    days: 30,
    force: false,
  });
  agent = await agentFromCa({ file: tls.caCert });
  auditPath = join(dir, 'audit.log');
  ts = await startTestServer({
    tls: { cert: await readFile(tls.serverCert, 'utf8'), key: await readFile(tls.serverKey, 'utf8') },
    audit: (audit = new AuditLog(auditPath)),
  });
  base = ts.server.url;
  ts.sampler.tick(sample());
});
afterAll(async () => {
  await ts?.close();
  agent?.destroy();
  await rm(dir, { recursive: true, force: true });
});

const call = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> => http(base, method, path, { headers, agent, ...(body !== undefined && { body }) });
const errorOf = (r: Reply): { code: string; message: string } =>
  (r.json() as { error: { code: string; message: string } }).error;

describe('HTTPS', () => {
  it('serves over TLS with the URL saying https', async () => {
    expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await call('GET', '/api/v1/status', bearer(READ_KEY));
    expect(r.status).toBe(200);
  });
});

describe('401: no valid key', () => {
  it('answers JSON 401s for no key, a wrong key, another scheme, a stale session, on the API and /metrics', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/v1/status', {}],
      ['/api/v1/status', bearer('wrong-key')],
      ['/api/v1/status', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['/api/v1/status', { cookie: 'ais_session=forged-session-id' }],
      ['/api/v1/events', {}],
      ['/api/v1/keys', {}],
      ['/metrics', {}],
      ['/metrics', bearer('wrong-key')],
    ];
    for (const [path, headers] of cases) {
      const r = await call('GET', path, headers);
      expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(errorOf(r).code).toBe('unauthorized');
      expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect((await call('GET', '/api/v1/status', bearer('wrong-key'))).headers['www-authenticate']).toContain(
      'invalid_token',
    );
    expect((await call('PUT', '/api/v1/settings', { ...json, ...bearer('wrong') }, '{}')).status).toBe(401);
    expect((await call('GET', '/api/v1/health')).status).toBe(200);
  });
});

describe('403: the wrong scope', () => {
  it('lets a read key read everything, and refuses every state-changing command and key route', async () => {
    for (const path of [
      '/api/v1/status',
      '/api/v1/metrics/latest',
      '/api/v1/alerts',
      '/api/v1/settings',
      '/metrics',
    ])
      expect((await call('GET', path, bearer(READ_KEY))).status, path).toBe(200);
    const sse = await readEvents(base, bearer(READ_KEY), (ev) => ev.length > 0, 5000, agent);
    expect(sse.events[0]?.event).toBe('status:changed');

    const refused: [string, string, string?][] = [
      ['PUT', '/api/v1/settings', JSON.stringify({ settings: { snapshot: { topN: 3 } } })],
      ['PUT', '/api/v1/alerts/rules', JSON.stringify({ rules: [] })],
      ['POST', '/api/v1/snapshots', '{}'],
      ['GET', '/api/v1/keys'],
      ['POST', '/api/v1/keys', JSON.stringify({ name: 'x', scope: 'admin' })],
      ['DELETE', '/api/v1/keys/0123456789ab'],
    ];
    for (const [method, path, body] of refused) {
      const r = await call(method, path, { ...json, ...bearer(READ_KEY) }, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(errorOf(r)).toEqual({
        code: 'forbidden',
        message: 'this needs a key with the admin scope; the key used has the read scope',
      });
    }
    expect(ts.backend.settings.get().snapshot.topN).not.toBe(3);
  });

  it('signs a read key in to a read session (Secure cookie over HTTPS) that cannot change anything', async () => {
    const login = await call(
      'POST',
      '/api/v1/login',
      { ...json, origin: base },
      JSON.stringify({ key: READ_KEY }),
    );
    expect(login.status).toBe(200);
    const set = login.headers['set-cookie']![0]!;
    expect(set).toMatch(/; Secure/);
    const cookie = set.split(';')[0]!;
    expect((await call('GET', '/api/v1/status', { cookie })).status).toBe(200);
    const me = await call('GET', '/api/v1/whoami', { cookie });
    expect(me.json()).toMatchObject({ name: 'reader', scope: 'read', via: 'session' });
    const put = await call(
      'PUT',
      '/api/v1/settings',
      { ...json, cookie, origin: base },
      JSON.stringify({ settings: { snapshot: { topN: 4 } } }),
    );
    expect(put.status).toBe(403);
    const admin = await call(
      'POST',
      '/api/v1/login',
      { ...json, origin: base },
      JSON.stringify({ key: KEY }),
    );
    const adminCookie = admin.headers['set-cookie']![0]!.split(';')[0]!;
    const ok = await call(
      'PUT',
      '/api/v1/settings',
      { ...json, cookie: adminCookie, origin: base },
      JSON.stringify({ settings: { snapshot: { topN: 4 } } }),
    );
    expect(ok.status, ok.body).toBe(200);
  });
});

describe('/api/v1/keys', () => {
  it('creates a key shown once, lists without secrets, revokes it, and keeps the last admin key', async () => {
    const admin = { ...json, ...bearer(KEY) };
    const made = await call(
      'POST',
      '/api/v1/keys',
      admin,
      JSON.stringify({ name: 'prometheus', scope: 'read' }),
    );
    expect(made.status, made.body).toBe(201);
    const created = made.json() as { id: string; key: string; scope: string; name: string; created: number };
    expect(created).toMatchObject({ name: 'prometheus', scope: 'read', last_used: null });
    expect(created.key).toMatch(/^ais_/);
    expect((await call('GET', '/metrics', bearer(created.key))).status).toBe(200);

    const list = await call('GET', '/api/v1/keys', bearer(KEY));
    expect(list.status).toBe(200);
    const keys = (list.json() as { keys: { id: string; name: string; last_used: number | null }[] }).keys;
    expect(keys.map((k) => k.name)).toEqual(['admin', 'reader', 'prometheus']);
    expect(keys.find((k) => k.id === created.id)!.last_used).toEqual(expect.any(Number));
    expect(list.body).not.toContain(created.key);
    expect(list.body).not.toMatch(/sha256|"key"/);

    expect((await call('DELETE', `/api/v1/keys/${created.id}`, bearer(KEY))).status).toBe(200);
    const gone = await call('GET', '/metrics', bearer(created.key));
    expect(gone.status).toBe(401);
    expect((await call('DELETE', `/api/v1/keys/${created.id}`, bearer(KEY))).status).toBe(404);

    const adminId = keys.find((k) => k.name === 'admin')!.id;
    const last = await call('DELETE', `/api/v1/keys/${adminId}`, bearer(KEY));
    expect(last.status).toBe(409);
    expect(errorOf(last).code).toBe('last_admin_key');
  });

  it('ends the browser sessions of a revoked key', async () => {
    const admin = { ...json, ...bearer(KEY) };
    const made = (
      await call('POST', '/api/v1/keys', admin, JSON.stringify({ name: 'viewer', scope: 'read' }))
    ).json() as {
      id: string;
      key: string;
    };
    const login = await call(
      'POST',
      '/api/v1/login',
      { ...json, origin: base },
      JSON.stringify({ key: made.key }),
    );
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    expect((await call('GET', '/api/v1/status', { cookie })).status).toBe(200);
    await call('DELETE', `/api/v1/keys/${made.id}`, bearer(KEY));
    expect((await call('GET', '/api/v1/status', { cookie })).status).toBe(401);
  });

  it('validates new keys: name, scope, media type', async () => {
    const admin = { ...json, ...bearer(KEY) };
    const badScope = await call('POST', '/api/v1/keys', admin, JSON.stringify({ name: 'x', scope: 'root' }));
    expect(badScope.status).toBe(400);
    expect(badScope.json()).toMatchObject({ error: { code: 'bad_request', field: 'scope' } });
    const badName = await call(
      'POST',
      '/api/v1/keys',
      admin,
      JSON.stringify({ name: '<script>', scope: 'read' }),
    );
    expect(badName.status).toBe(400);
    const text = await call(
      'POST',
      '/api/v1/keys',
      { ...bearer(KEY), 'content-type': 'text/plain' },
      'name=x',
    );
    expect(text.status).toBe(415);
    expect((await call('PATCH', '/api/v1/keys', admin, '{}')).status).toBe(405);
  });
});

describe('413: request bodies over the limits', () => {
  it('refuses oversized bodies with JSON 413s on keys, login and commands', async () => {
    const admin = { ...json, ...bearer(KEY) };
    const keys = await call(
      'POST',
      '/api/v1/keys',
      admin,
      JSON.stringify({ name: 'x'.repeat(5000), scope: 'read' }),
    );
    expect(keys.status).toBe(413);
    expect(errorOf(keys).code).toBe('payload_too_large');
    const login = await call(
      'POST',
      '/api/v1/login',
      { ...json, origin: base },
      JSON.stringify({ key: 'k'.repeat(17_000) }),
    );
    expect(login.status).toBe(413);
    const settings = await call('PUT', '/api/v1/settings', admin, 'x'.repeat(1024 * 1024 + 1));
    expect(settings.status).toBe(413);
    expect(errorOf(settings).code).toBe('payload_too_large');
  });
});

describe('the audit log', () => {
  it('records admin actions, refusals and failed attempts without any secret, in a 0600 file', async () => {
    await audit.close(); // waits for the queued lines; a later line reopens the file
    const text = await readFile(auditPath, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const actions = lines.map((l) => `${String(l.action)} ${String(l.status)}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth_failed 401',
        'settings:set 403',
        'settings:set 200',
        'alerts:rules:set 403',
        'snapshot:take 403',
        'keys 403',
        'keys:create 201',
        'keys:revoke 200',
        'keys:revoke 409',
        'login 200',
      ]),
    );
    const create = lines.find((l) => l.action === 'keys:create')!;
    expect(create).toMatchObject({
      scope: 'admin',
      via: 'key',
      addr: '127.0.0.1',
      method: 'POST',
      path: '/api/v1/keys',
    });
    expect(create.detail).toMatchObject({ name: 'prometheus', scope: 'read' });
    for (const secret of [KEY, READ_KEY, 'ais_', 'ais_session', 'wrong-key', 'dXNlcjpwYXNz'])
      expect(text).not.toContain(secret);
    if (process.platform !== 'win32') expect((await stat(auditPath)).mode & 0o777).toBe(0o600);
  });
});

describe('TLS verification', () => {
  it('refuses a server whose certificate comes from another CA, and never falls back', async () => {
    const other = await initTls({ dir: join(dir, 'other'), names: ['localhost'], days: 30, force: false });
    const foreign = await agentFromCa({ file: other.caCert });
    try {
      expect((await call('GET', '/api/v1/health')).status).toBe(200);
      const refused = await http(base, 'GET', '/api/v1/health', { agent: foreign }).then(
        () => null,
        (e: NodeJS.ErrnoException) => e.code,
      );
      expect(refused).toMatch(
        /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|CERT_SIGNATURE_FAILURE/,
      );
    } finally {
      foreign.destroy();
    }
  });
});

describe('429: failed attempts per client', () => {
  it('blocks an address after too many wrong keys, valid key or not, with Retry-After', async () => {
    const limited = await startTestServer({ rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const u = limited.server.url;
      for (let i = 0; i < 3; i++)
        expect((await http(u, 'GET', '/api/v1/status', { headers: bearer(`bad-${i}`) })).status).toBe(401);
      const blocked = await http(u, 'GET', '/api/v1/status', { headers: bearer(KEY) });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
      const login = await http(u, 'POST', '/api/v1/login', {
        headers: { ...json, origin: u },
        body: JSON.stringify({ key: KEY }),
      });
      expect(login.status).toBe(429);
      expect((await http(u, 'GET', '/api/v1/health')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('counts failed logins too', async () => {
    const limited = await startTestServer({ rateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const u = limited.server.url;
      const post = (key: string): Promise<Reply> =>
        http(u, 'POST', '/api/v1/login', { headers: { ...json, origin: u }, body: JSON.stringify({ key }) });
      expect((await post('nope-1')).status).toBe(401);
      expect((await post('nope-2')).status).toBe(401);
      const r = await post(KEY);
      expect(r.status).toBe(429);
      expect(r.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('--metrics-public', () => {
  it('answers /metrics without a key, and nothing else', async () => {
    const pub = await startTestServer({ metricsPublic: true });
    try {
      pub.sampler.tick(sample());
      const r = await http(pub.server.url, 'GET', '/metrics');
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect((await http(pub.server.url, 'GET', '/api/v1/status')).status).toBe(401);
    } finally {
      await pub.close();
    }
  });
});
