// The fleet through the real server: hosts added with fleet:hosts:set (keys to a 0600 file, never
// into the settings), listed with fleet:list, and read commands forwarded to a remote host with
// fleet:call — writes refused. Two real in-process servers on loopback.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLEET_KEYS_FILE } from '../../../../electron/core/fleet/keys.js';
import { createFleetOps } from '../../../../electron/core/fleet/ops.js';
import { http, type Reply } from '../../server/http.js';
import { KEY, sample, startHost, type Host } from './helpers.js';

let dir = '';
let local: Host;
let remote: Host;
const logs: string[] = [];
const FAST = { timing: { backoffMs: 50, maxBackoffMs: 400 }, coalesceMs: 20, sweepMs: 100 };

const auth = { authorization: `Bearer ${KEY}` };
const get = (path: string): Promise<Reply> => http(local.url, 'GET', path, { headers: auth });
const send = (method: string, path: string, body: unknown): Promise<Reply> =>
  http(local.url, method, path, {
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const call = (host: string, command: string, request: Record<string, unknown> = {}) =>
  send('POST', '/api/v1/fleet/call', { host, command, request });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ais-fleet-srv-'));
  remote = await startHost();
  remote.sampler.tick({ ...sample(), host: 'remote-box' });
  local = await startHost({
    dir,
    fleet: (settings) =>
      createFleetOps(settings, { dataDir: join(dir, 'data'), log: (l) => logs.push(l), monitor: FAST }),
  });
});

afterAll(async () => {
  await local?.close();
  await remote?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('fleet commands over the real server', () => {
  it('adds a host; its key goes to a 0600 file and never into the settings or the host list', async () => {
    const r = await send('PUT', '/api/v1/fleet/hosts', {
      hosts: [{ name: 'db-1', url: `${remote.url}/`, key: KEY }],
    });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual([expect.objectContaining({ name: 'db-1', url: remote.url, has_key: true })]);
    await expect
      .poll(async () => ((await get('/api/v1/fleet/hosts')).json() as { state: string }[])[0]?.state)
      .toBe('ok');
    const list = await get('/api/v1/fleet/hosts');
    expect(list.json()).toEqual([
      expect.objectContaining({ hostname: 'remote-box', now: expect.objectContaining({ cpu: 12 }) }),
    ]);
    expect(list.body).not.toContain(KEY);

    const settings = await get('/api/v1/settings');
    expect((settings.json() as { fleet: unknown }).fleet).toEqual({
      hosts: [{ name: 'db-1', url: remote.url, ca: null, keyFile: null }],
    });
    expect(settings.body).not.toContain(KEY);
    expect(await readFile(join(dir, 'config.json'), 'utf8')).not.toContain(KEY);

    const keysFile = join(dir, 'data', FLEET_KEYS_FILE);
    expect((await stat(keysFile)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(keysFile, 'utf8'))).toEqual({ version: 1, keys: { 'db-1': KEY } });
    await expect.poll(() => logs.join('\n')).toContain('fleet: db-1 connected (ok)');
    expect(logs.join('\n')).not.toContain(KEY);
  });

  it('keeps the stored key when the host is saved again without one, and asks for it when the URL moves', async () => {
    const same = await send('PUT', '/api/v1/fleet/hosts', { hosts: [{ name: 'db-1', url: remote.url }] });
    expect(same.status).toBe(200);
    const moved = await send('PUT', '/api/v1/fleet/hosts', {
      hosts: [{ name: 'db-1', url: 'https://elsewhere.example:8780' }],
    });
    expect(moved.status).toBe(400);
    expect(moved.json()).toEqual({
      error: { code: 'bad_request', message: expect.stringMatching(/db-1.*key is required/) },
    });
  });

  it('refuses bad hosts with one line naming the host and the fix', async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: 'x', url: 'http://user:pw@127.0.0.1:1', key: 'k' }, /user:password/],
      [{ name: 'x', url: 'ftp://127.0.0.1', key: 'k' }, /http:\/\/ or https:\/\//],
      [{ name: 'bad name!', url: 'http://127.0.0.1:1', key: 'k' }, /name/],
      [{ name: 'x', url: 'http://127.0.0.1:1', key: 'k', ca: 'relative/ca.pem' }, /absolute path/],
      [{ name: 'new-host', url: 'http://127.0.0.1:1' }, /key is required/],
    ];
    for (const [host, message] of cases) {
      const r = await send('PUT', '/api/v1/fleet/hosts', { hosts: [host] });
      expect(r.status, JSON.stringify(host)).toBe(400);
      const error = (r.json() as { error: { message: string } }).error;
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    }
    const dup = await send('PUT', '/api/v1/fleet/hosts', {
      hosts: [
        { name: 'a', url: 'http://127.0.0.1:1', key: 'k' },
        { name: 'a', url: 'http://127.0.0.1:2', key: 'k' },
      ],
    });
    expect(dup.status).toBe(400);
    // Nothing was changed by the refused requests.
    expect((await get('/api/v1/fleet/hosts')).json()).toEqual([expect.objectContaining({ name: 'db-1' })]);
  });

  it('forwards read commands to the host and answers with its data', async () => {
    const latest = await call('db-1', 'metrics:latest');
    expect(latest.status).toBe(200);
    expect(latest.json()).toMatchObject({ host: 'remote-box' });
    const history = await call('db-1', 'metrics:history', { range: '5m' });
    expect(history.status).toBe(200);
    expect(Array.isArray(history.json())).toBe(true);
    const status = await call('db-1', 'status:get');
    expect(status.json()).toMatchObject({ status: 'ok', firing: 0 });
    const alerts = await call('db-1', 'alerts:list');
    expect(alerts.json()).toMatchObject({ active: [], rules: expect.any(Array) });
  });

  it('refuses commands that change a host, unknown hosts and bad requests', async () => {
    for (const command of [
      'settings:set',
      'alerts:rules:set',
      'snapshot:take',
      'settings:get',
      'fleet:hosts:set',
      'fleet:call',
    ]) {
      const r = await call('db-1', command, {});
      expect(r.status, command).toBe(403);
      expect((r.json() as { error: { code: string } }).error.code).toBe('forbidden_command');
    }
    expect((await call('nope', 'status:get')).status).toBe(404);
    const bad = await call('db-1', 'metrics:history', { range: 'forever' });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toMatch(/range/);
    // The host's own refusal stays a 4xx with its message (not a bad gateway, not a 401).
    const missing = await call('db-1', 'snapshot:get', { ref: 'no-such-snapshot' });
    expect([400, 404]).toContain(missing.status);
    expect((missing.json() as { error: { message: string } }).error.message).toMatch(/^db-1: HTTP 4\d\d: /);
  });

  it('answers 502 for a host that is gone, and lists it as unreachable with the reason', async () => {
    await remote.close();
    const r = await call('db-1', 'status:get');
    expect(r.status).toBe(502);
    expect((r.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'host_network',
      message: expect.stringMatching(/^db-1: /),
    });
    await expect
      .poll(async () => ((await get('/api/v1/fleet/hosts')).json() as { state: string }[])[0]?.state)
      .toBe('unreachable');
    expect((await get('/api/v1/fleet/hosts')).json()).toEqual([
      expect.objectContaining({ name: 'db-1', problem: expect.objectContaining({ code: 'network' }) }),
    ]);
    await expect.poll(() => logs.join('\n')).toMatch(/fleet: db-1 unreachable \(network: /);
  });

  it('removes every host', async () => {
    const r = await send('PUT', '/api/v1/fleet/hosts', { hosts: [] });
    expect(r.json()).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, 'data', FLEET_KEYS_FILE), 'utf8')).keys).toEqual({});
  });
});
