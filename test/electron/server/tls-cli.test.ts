import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFromCa, caTlsOptions, parseCaPem, readCaFile } from '../../../electron/core/tls/agent.js';
import { initTls } from '../../../electron/core/tls/ca.js';
import { loadServerTls } from '../../../electron/core/tls/server-files.js';
import { bearer, http } from './http.js';
import { cliEnv, runCli, startServe } from './spawn.js';

const posix = process.platform !== 'win32';
let home: string;
let env: Record<string, string>;
let tlsDir: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'ais-tls-'));
  env = cliEnv(home);
  tlsDir = join(home, 'tls');
});
afterAll(async () => rm(home, { recursive: true, force: true }));

/** One line on stderr, no stack trace, exit 2. */
function expectUsageError(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('autoinfrasnap tls init', () => {
  it('makes a CA and a server certificate it signed, keys 0600, and says how to use them', async () => {
    const r = await runCli(['tls', 'init', '--dir', tlsDir, '--name', 'mon.example.com,10.1.2.3'], env);
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(tlsDir)).sort()).toEqual(['ca.crt', 'ca.key', 'server.crt', 'server.key']);
    if (posix) {
      expect((await stat(join(tlsDir, 'ca.key'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(tlsDir, 'server.key'))).mode & 0o777).toBe(0o600);
      expect((await stat(tlsDir)).mode & 0o777).toBe(0o700);
    }
    expect(r.stdout).toContain(
      `--tls-cert ${join(tlsDir, 'server.crt')} --tls-key ${join(tlsDir, 'server.key')}`,
    );
    expect(r.stdout).toContain(`curl --cacert ${join(tlsDir, 'ca.crt')}`);
    const ca = new X509Certificate(await readFile(join(tlsDir, 'ca.crt')));
    const cert = new X509Certificate(await readFile(join(tlsDir, 'server.crt')));
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subjectAltName).toBe(
      'DNS:mon.example.com, IP Address:10.1.2.3, DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(cert.checkHost('mon.example.com')).toBe('mon.example.com');
    expect(cert.checkIP('10.1.2.3')).toBe('10.1.2.3');
  });

  it('keeps an existing certificate unless --force, and then reuses the CA', async () => {
    const caBefore = await readFile(join(tlsDir, 'ca.crt'), 'utf8');
    const certBefore = await readFile(join(tlsDir, 'server.crt'), 'utf8');
    expectUsageError(
      await runCli(['tls', 'init', '--dir', tlsDir], env),
      /server\.crt already exists: pass --force/,
    );
    const r = await runCli(['tls', 'init', '--dir', tlsDir, '--force', '--lang', 'ko'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('기존 것을 유지');
    expect(await readFile(join(tlsDir, 'ca.crt'), 'utf8')).toBe(caBefore);
    const cert = new X509Certificate(await readFile(join(tlsDir, 'server.crt')));
    expect(cert.toString()).not.toBe(certBefore);
    expect(cert.checkIssued(new X509Certificate(caBefore))).toBe(true);
  });

  it('refuses bad names, days and subcommands with one line and exit 2', async () => {
    const dir = join(home, 'never');
    expectUsageError(
      await runCli(['tls', 'init', '--dir', dir, '--name', 'bad name!'], env),
      /--name "bad name!"/,
    );
    expectUsageError(await runCli(['tls', 'init', '--dir', dir, '--days', '0'], env), /--days "0"/);
    expectUsageError(await runCli(['tls', 'make', '--dir', dir], env), /expected tls init/);
    expectUsageError(
      await runCli(['tls', 'init', '--dir', dir, '--days', '900', '--lang', 'ko'], env),
      /1~825/,
    );
    expect(await readdir(home)).not.toContain('never');
  });
});

describe('the CA helpers clients use', () => {
  it('build agents that trust only the given CA, and refuse files that are not certificates', async () => {
    const ca = await readCaFile(join(tlsDir, 'ca.crt'));
    expect(ca).toHaveLength(1);
    expect(caTlsOptions(ca)).toEqual({ ca, rejectUnauthorized: true });
    await expect(readCaFile(join(tlsDir, 'missing.crt'))).rejects.toThrow(
      /cannot read the CA file .*missing\.crt \(ENOENT\)/,
    );
    await expect(readCaFile(join(tlsDir, 'ca.key'))).rejects.toThrow(/no PEM certificate in it/);
    expect(() => parseCaPem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', 'x.pem')).toThrow(
      /x\.pem: not a valid certificate/,
    );
    const agent = await agentFromCa({ pem: ca[0]! });
    expect(agent.options).toMatchObject({ rejectUnauthorized: true });
    agent.destroy();
  });

  it('checks a server pair: readable, PEM, matching, not expired', async () => {
    const crt = join(tlsDir, 'server.crt');
    const key = join(tlsDir, 'server.key');
    const ok = await loadServerTls(crt, key);
    expect(ok.names).toContain('localhost');
    expect(ok.keyExposed).toBe(false);
    const old = await initTls({
      dir: join(home, 'old'),
      names: ['localhost'],
      days: 1,
      force: false,
      now: new Date(Date.now() - 3 * 86_400_000),
    });
    await expect(loadServerTls(old.serverCert, old.serverKey)).rejects.toThrow(/expired on/);
    await expect(loadServerTls(crt, old.serverKey)).rejects.toThrow(/does not belong to the certificate/);
  });
});

describe('serve --tls-cert/--tls-key', () => {
  const data = (): string => join(home, 'data');

  it('stops with one line and exit 2 for a missing, bad, mismatched or expired file or half a pair', async () => {
    const crt = join(tlsDir, 'server.crt');
    const key = join(tlsDir, 'server.key');
    const other = await initTls({ dir: join(home, 'other'), names: ['localhost'], days: 30, force: false });
    await writeFile(join(home, 'junk.pem'), 'not a certificate\n');
    const serve = (args: string[]) => runCli(['serve', '--port', '0', '--data-dir', data(), ...args], env);
    expectUsageError(
      await serve(['--tls-cert', join(home, 'nope.crt'), '--tls-key', key]),
      /cannot read .*nope\.crt \(ENOENT\)/,
    );
    expectUsageError(await serve(['--tls-cert', crt]), /--tls-cert and --tls-key go together/);
    expectUsageError(await serve(['--tls-key', key]), /--tls-cert and --tls-key go together/);
    expectUsageError(
      await serve(['--tls-cert', join(home, 'junk.pem'), '--tls-key', key]),
      /--tls-cert .*junk\.pem: not a usable PEM certificate/,
    );
    expectUsageError(
      await serve(['--tls-cert', crt, '--tls-key', crt]),
      /--tls-key .*server\.crt: not a usable PEM private key/,
    );
    expectUsageError(
      await serve(['--tls-cert', crt, '--tls-key', other.serverKey]),
      /does not belong to the certificate/,
    );
    const old = await initTls({
      dir: join(home, 'expired'),
      names: ['localhost'],
      days: 1,
      force: false,
      now: new Date(Date.now() - 3 * 86_400_000),
    });
    expectUsageError(
      await serve(['--tls-cert', old.serverCert, '--tls-key', old.serverKey]),
      /expired on .*renew it/,
    );
    const ko = await serve(['--tls-cert', crt, '--tls-key', other.serverKey, '--lang', 'ko']);
    expectUsageError(ko, /인증서 .* 의 키가 아닙니다/);
  });

  it('serves HTTPS that a client with the CA accepts and one with another CA refuses; SIGHUP reloads it', async () => {
    const crt = join(tlsDir, 'server.crt');
    const key = join(tlsDir, 'server.key');
    const s = await startServe(
      ['--port', '0', '--data-dir', data(), '--interval', '1', '--tls-cert', crt, '--tls-key', key],
      { ...env, AUTOINFRASNAP_API_KEY: 'tls-test-admin-key' },
    );
    const good = await agentFromCa({ file: join(tlsDir, 'ca.crt') });
    const foreign = await agentFromCa({ file: join(home, 'other', 'ca.crt') });
    try {
      expect(s.url).toMatch(/^https:/);
      expect(s.stderr()).toMatch(/HTTPS on: certificate .*server\.crt, valid for/);
      const r = await http(s.url, 'GET', '/api/v1/status', {
        headers: bearer('tls-test-admin-key'),
        agent: good,
      });
      expect(r.status).toBe(200);
      const refused = await http(s.url, 'GET', '/api/v1/health', { agent: foreign }).then(
        () => 'accepted',
        (e: NodeJS.ErrnoException) => e.code,
      );
      expect(refused).toMatch(
        /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|CERT_SIGNATURE_FAILURE/,
      );
      const plain = await http(s.url.replace('https:', 'http:'), 'GET', '/api/v1/health').then(
        (x) => x.status,
        () => 'refused',
      );
      expect(plain).not.toBe(200);

      const serial = (): Promise<string> =>
        new Promise((resolve, reject) => {
          const req = request(
            new URL('/api/v1/health', s.url),
            { agent: false, ca: good.options.ca },
            (res) => {
              resolve((res.socket as TLSSocket).getPeerCertificate().serialNumber);
              res.resume();
            },
          );
          req.on('error', reject);
          req.end();
        });
      const before = await serial();
      expect((await runCli(['tls', 'init', '--dir', tlsDir, '--force'], env)).code).toBe(0);
      s.child.kill('SIGHUP');
      for (let i = 0; i < 100 && !/reloaded/.test(s.stderr()); i++)
        await new Promise((res) => setTimeout(res, 100));
      expect(s.stderr()).toMatch(/TLS certificate reloaded from .*server\.crt/);
      const after = await serial();
      expect(after).not.toBe(before);
      expect(after).toBe(new X509Certificate(await readFile(crt)).serialNumber);
    } finally {
      good.destroy();
      foreign.destroy();
      expect(await s.stop()).toBe(0);
    }
  });
});

describe('serve --print-systemd-unit', () => {
  it('prints a hardened unit that systemd-analyze verify accepts, with TLS files as credentials', async () => {
    const r = await runCli(
      [
        'serve',
        '--print-systemd-unit',
        '--host',
        '0.0.0.0',
        '--port',
        '9443',
        '--allow-host',
        'mon.example.com',
        '--metrics-public',
        '--tls-cert',
        join(tlsDir, 'server.crt'),
        '--tls-key',
        join(tlsDir, 'server.key'),
      ],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const unit = r.stdout;
    const has = (line: string): void => expect(unit.split('\n'), line).toContain(line);
    for (const line of [
      '[Unit]',
      '[Service]',
      '[Install]',
      'User=autoinfrasnap',
      'Group=autoinfrasnap',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'ProtectHome=read-only',
      'PrivateTmp=yes',
      'Restart=on-failure',
      'StateDirectory=autoinfrasnap',
      'ReadWritePaths=/var/lib/autoinfrasnap',
      'CapabilityBoundingSet=',
      'UMask=0077',
      'WantedBy=multi-user.target',
      'ExecReload=/bin/kill -HUP $MAINPID',
      `LoadCredential=tls.key:${join(tlsDir, 'server.key')}`,
    ])
      has(line);
    const exec = unit.split('\n').find((l) => l.startsWith('ExecStart='))!;
    expect(exec).toContain(`${process.execPath} `);
    expect(exec).toContain(
      'serve --data-dir /var/lib/autoinfrasnap --host 0.0.0.0 --port 9443 --interval 2 --allow-host mon.example.com --metrics-public',
    );
    expect(exec).toContain('--tls-key ${CREDENTIALS_DIRECTORY}/tls.key');
    expect(unit).not.toMatch(/^MemoryDenyWriteExecute=/m);

    const analyze = spawnSync('systemd-analyze', ['--version']);
    if (analyze.error) {
      console.warn('systemd-analyze is not installed here: the unit was checked for structure only');
      return;
    }
    const file = join(home, 'autoinfrasnap.service');
    await writeFile(file, unit);
    const v = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    expect(`${v.stdout}${v.stderr}`.trim()).toBe('');
    expect(v.status).toBe(0);
  });

  it('refuses a bad --allow-host and a lone --scope', async () => {
    expectUsageError(
      await runCli(['serve', '--print-systemd-unit', '--allow-host', 'bad host'], env),
      /--allow-host "bad host"/,
    );
    expectUsageError(await runCli(['serve', '--scope', 'read'], env), /--scope goes with --new-key/);
  });
});
