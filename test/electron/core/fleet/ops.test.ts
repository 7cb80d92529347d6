// Resolving a configured host: keys from the key file or the 0600 key store, CAs from a file or PEM
// text; anything that keeps a host from being tried becomes its reason, never a crash or a silent drop.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../electron/core/config/load.js';
import { checkHosts, createFleetOps, resolveHost } from '../../../../electron/core/fleet/ops.js';
import { SettingsOps } from '../../../../electron/server/settings.js';
import { makeCa } from './helpers.js';

let dir = '';
let caPem = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ais-fleet-ops-'));
  caPem = (await makeCa('ops test CA')).pem;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const base = { name: 'db', url: 'https://db.example:8780/', ca: null, keyFile: null };

describe('resolveHost', () => {
  it('takes the stored key, and a key file over it', async () => {
    expect(await resolveHost(base, new Map([['db', 'k1']]))).toMatchObject({
      url: 'https://db.example:8780',
      key: 'k1',
      problem: null,
      caKind: 'none',
    });
    const keyFile = join(dir, 'db.key');
    await writeFile(keyFile, 'from-file\n');
    await chmod(keyFile, 0o600);
    expect(await resolveHost({ ...base, keyFile }, new Map([['db', 'k1']]))).toMatchObject({
      key: 'from-file',
    });
  });

  it('turns a missing key, key file or CA file into the host problem', async () => {
    expect((await resolveHost(base, new Map())).problem).toMatchObject({
      code: 'config',
      message: /no API key/,
    });
    const noFile = await resolveHost({ ...base, keyFile: join(dir, 'absent.key') }, new Map());
    expect(noFile.problem).toMatchObject({ code: 'config', message: /ENOENT/ });
    const noCa = await resolveHost({ ...base, ca: join(dir, 'absent-ca.pem') }, new Map([['db', 'k']]));
    expect(noCa).toMatchObject({ caKind: 'file', problem: { code: 'config' } });
    expect(noCa.problem?.message).toContain('absent-ca.pem');
  });

  it('reads a CA from PEM text or a file', async () => {
    const inline = await resolveHost({ ...base, ca: caPem }, new Map([['db', 'k']]));
    expect(inline).toMatchObject({ caKind: 'pem', problem: null });
    expect(inline.ca).toHaveLength(1);
    const file = join(dir, 'ca.pem');
    await writeFile(file, caPem);
    expect(await resolveHost({ ...base, ca: file }, new Map([['db', 'k']]))).toMatchObject({
      caKind: 'file',
      problem: null,
      ca: [expect.stringContaining('BEGIN CERTIFICATE')],
    });
  });
});

describe('checkHosts', () => {
  const current = [{ name: 'db', url: 'https://db.example:8780', ca: null, keyFile: null }];
  const stored = new Map([['db', 'old-key']]);

  it('keeps the stored key for the same host and origin, takes a new one when given', () => {
    expect(checkHosts([{ name: 'db', url: 'https://db.example:8780/' }], current, stored).keys).toEqual(
      new Map([['db', 'old-key']]),
    );
    expect(
      checkHosts([{ name: 'db', url: 'https://db.example:8780', key: 'new' }], current, stored).keys,
    ).toEqual(new Map([['db', 'new']]));
  });

  it('asks for the key again when the name or the origin changes, and drops keys of removed hosts', () => {
    expect(() => checkHosts([{ name: 'db2', url: 'https://db.example:8780' }], current, stored)).toThrow(
      /host 1 \(db2\).*key is required/,
    );
    expect(() => checkHosts([{ name: 'db', url: 'https://db.example:9999' }], current, stored)).toThrow(
      /key/,
    );
    expect(() => checkHosts([{ name: 'db', url: 'http://db.example:8780' }], current, stored)).toThrow(/key/);
    expect(checkHosts([], current, stored).keys.size).toBe(0);
  });

  it('accepts a key file instead of a key', () => {
    const r = checkHosts([{ name: 'new', url: 'https://n:1', keyFile: '/etc/ais/new.key' }], current, stored);
    expect(r.hosts).toEqual([{ name: 'new', url: 'https://n:1', ca: null, keyFile: '/etc/ais/new.key' }]);
    expect(r.keys.size).toBe(0);
  });
});

describe('createFleetOps over the real settings loader', () => {
  it('says so when a later layer (the environment) decides the hosts, instead of pretending to save', async () => {
    const home = await mkdtemp(join(dir, 'home-'));
    const env = {
      XDG_CONFIG_HOME: join(home, 'config'),
      AUTOINFRASNAP_FLEET_HOSTS: JSON.stringify([{ name: 'from-env', url: 'http://127.0.0.1:9' }]),
    };
    const load = () => loadConfig({ cwd: home, env, platform: 'linux', home });
    const settings = new SettingsOps(await load(), load);
    const ops = createFleetOps(settings, { dataDir: join(home, 'data'), log: () => undefined });
    await ops.start();
    try {
      expect(ops.list()).toEqual([
        expect.objectContaining({
          name: 'from-env',
          state: 'unreachable',
          problem: expect.objectContaining({ code: 'config' }),
        }),
      ]);
      await expect(ops.setHosts([{ name: 'mine', url: 'http://127.0.0.1:8', key: 'k' }])).rejects.toThrow(
        /AUTOINFRASNAP_FLEET_HOSTS.*change them there/,
      );
      expect(ops.list().map((h) => h.name)).toEqual(['from-env']);
    } finally {
      ops.stop();
    }
  });
});
