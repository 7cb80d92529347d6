import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/server/audit.js';
import { Sessions } from '../../../electron/server/auth.js';
import { KEYS_FILE, KeyStore, LEGACY_KEY_FILE, allows, sha256 } from '../../../electron/server/keys.js';
import { FailureLimiter } from '../../../electron/server/rate-limit.js';
import { INITIAL_KEY_FILE, addKey, prepareKeys } from '../../../electron/server/startup.js';
import { createTranslator } from '../../../shared/i18n/index.js';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ais-keys-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('KeyStore', () => {
  it('makes a first admin key once, keeping only its SHA-256 in a 0600 file', async () => {
    const first = await KeyStore.open(dir);
    expect(first.created).toMatch(/^ais_[A-Za-z0-9_-]{43}$/);
    const file = join(dir, KEYS_FILE);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(first.created!);
    expect(text).toContain(sha256(first.created!));
    if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.store.verify(first.created!)).toMatchObject({ scope: 'admin', name: 'initial', via: 'key' });
    const again = await KeyStore.open(dir);
    expect(again.created).toBeNull();
    expect(again.store.verify(first.created!)?.scope).toBe('admin');
  });

  it('migrates the legacy single hash to an admin key and removes the old file', async () => {
    await writeFile(join(dir, LEGACY_KEY_FILE), `${sha256('old-key')}\n`, { mode: 0o600 });
    const r = await KeyStore.open(dir);
    expect(r.migrated).toBe(join(dir, LEGACY_KEY_FILE));
    expect(r.created).toBeNull();
    expect(r.store.verify('old-key')).toMatchObject({ scope: 'admin', name: 'initial' });
    expect(await readdir(dir)).not.toContain(LEGACY_KEY_FILE);
    expect((await KeyStore.open(dir)).store.verify('old-key')?.scope).toBe('admin');
  });

  it('takes AUTOINFRASNAP_API_KEY as an admin key that is never stored', async () => {
    const r = await KeyStore.open(dir, { envKey: 'from-env' });
    expect(r.created).toBeNull();
    expect(r.store.verify('from-env')).toEqual({
      id: 'env',
      name: 'AUTOINFRASNAP_API_KEY',
      scope: 'admin',
      via: 'env',
    });
    expect(await readdir(dir)).not.toContain(KEYS_FILE);
  });

  it('creates, lists (no secrets), revokes keys, and refuses to revoke the last admin key', async () => {
    const { store, created } = await KeyStore.open(dir);
    const admin = store.verify(created!)!;
    const { info, key } = await store.create('prometheus', 'read');
    expect(key).toMatch(/^ais_/);
    expect(store.verify(key)).toMatchObject({ id: info.id, scope: 'read' });
    const listed = store.list();
    expect(listed.map((k) => k.name)).toEqual(['initial', 'prometheus']);
    expect(JSON.stringify(listed)).not.toMatch(/sha256|ais_/);
    expect(await store.revoke(admin.id)).toBe('last_admin');
    expect(await store.revoke(info.id)).toBe('revoked');
    expect(store.verify(key)).toBeNull();
    expect(await store.revoke(info.id)).toBe('missing');
    const reopened = (await KeyStore.open(dir)).store;
    expect(reopened.verify(key)).toBeNull();
    expect(reopened.list().map((k) => k.name)).toEqual(['initial']);
  });

  it('records last use in memory and writes it on flush', async () => {
    let now = 1_000;
    const { store, created } = await KeyStore.open(dir, { now: () => now, flushMs: 3_600_000 });
    now = 5_000;
    store.verify(created!);
    expect(store.list()[0]!.last_used).toBe(5_000);
    await store.flush();
    const onDisk = JSON.parse(await readFile(join(dir, KEYS_FILE), 'utf8')) as {
      keys: { last_used: number }[];
    };
    expect(onDisk.keys[0]!.last_used).toBe(5_000);
  });

  it('rejects wrong, empty and absurdly long keys', () => {
    const store = KeyStore.memory([{ key: 'right', scope: 'read' }]);
    expect(store.verify('right')?.scope).toBe('read');
    for (const bad of ['wrong', '', undefined, 'right'.repeat(300)]) expect(store.verify(bad)).toBeNull();
    expect(allows('admin', 'read')).toBe(true);
    expect(allows('read', 'admin')).toBe(false);
  });

  it('stops with a one-line error naming a damaged keys file', async () => {
    await writeFile(join(dir, KEYS_FILE), '{"version":1,"keys":[{"id":"x"}]}');
    await expect(KeyStore.open(dir)).rejects.toThrow(/api-keys\.json is damaged .*move it away/);
  });
});

describe('serve key start-up', () => {
  const t = createTranslator('en');

  it('prints a first key on a terminal, and otherwise writes it to a 0600 file only', async () => {
    const tty = await prepareKeys(join(dir, 'a'), undefined, t, true);
    const shown = /store it now\): (\S+)/.exec(tty.lines.join('\n'))?.[1];
    expect(tty.keys.verify(shown)?.scope).toBe('admin');

    const svc = await prepareKeys(join(dir, 'b'), undefined, t, false);
    const file = join(dir, 'b', INITIAL_KEY_FILE);
    const key = (await readFile(file, 'utf8')).trim();
    expect(svc.lines.join('\n')).not.toContain(key);
    expect(svc.lines.join('\n')).toContain(file);
    expect(svc.keys.verify(key)?.scope).toBe('admin');
    if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('adds a named key with a scope (read by default) and refuses bad names and scopes', async () => {
    const made = await addKey(dir, 'grafana', undefined, t);
    const { store } = await KeyStore.open(dir);
    expect(store.verify(made.key)).toMatchObject({ name: 'grafana', scope: 'read' });
    expect(made.message).not.toContain(made.key);
    await expect(addKey(dir, 'ops', 'root', t)).rejects.toThrow(/--scope "root": expected read or admin/);
    await expect(addKey(dir, 'a/b', 'read', t)).rejects.toThrow(/--new-key "a\/b"/);
  });
});

describe('sessions carry the scope of the key they signed in with', () => {
  it('gives a read session to a read key and ends the sessions of a revoked key', () => {
    const s = new Sessions();
    const r = s.create({ id: 'k1', name: 'viewer', scope: 'read' });
    const a = s.create();
    expect(s.get(r)).toEqual({ id: 'k1', name: 'viewer', scope: 'read', via: 'session' });
    expect(s.get(a)?.scope).toBe('admin');
    s.revokeKey('k1');
    expect(s.get(r)).toBeNull();
    expect(s.get(a)).not.toBeNull();
  });
});

describe('FailureLimiter', () => {
  it('blocks an address after max failures until the oldest leaves the window', () => {
    let now = 0;
    const l = new FailureLimiter({ max: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter('10.0.0.1')).toBe(0);
      l.fail('10.0.0.1');
      now += 1000;
    }
    expect(l.retryAfter('10.0.0.1')).toBe(57);
    expect(l.retryAfter('10.0.0.2')).toBe(0);
    now = 60_001;
    expect(l.retryAfter('10.0.0.1')).toBe(0);
  });

  it('remembers a bounded number of addresses', () => {
    const l = new FailureLimiter({ max: 1, maxClients: 2 });
    l.fail('a');
    l.fail('b');
    l.fail('c');
    expect(l.retryAfter('a')).toBe(0);
    expect(l.retryAfter('c')).toBeGreaterThan(0);
  });
});

describe('AuditLog', () => {
  it('appends JSON lines to a 0600 file and rotates at its size limit', async () => {
    const path = join(dir, 'audit.log');
    const log = new AuditLog(path, { maxBytes: 200, now: () => 42 });
    for (let i = 0; i < 4; i++)
      log.write({ action: 'settings:set', key: 'k1', addr: '127.0.0.1', status: 200 });
    await log.close();
    const lines = [
      ...(await readFile(`${path}.1`, 'utf8')).trim().split('\n'),
      ...(await readFile(path, 'utf8')).trim().split('\n'),
    ];
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toEqual({
      t: 42,
      action: 'settings:set',
      key: 'k1',
      addr: '127.0.0.1',
      status: 200,
    });
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});
