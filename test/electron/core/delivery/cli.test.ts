// `autoinfrasnap alerts test-delivery` in-process (the same main() the binary runs) against a real
// receiver, and `config show` keeping secret references as references.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/cli/main.js';
import type { CliIo } from '../../../../electron/cli/io.js';
import { Receiver, signatureValid } from './helpers.js';

describe('alerts test-delivery', () => {
  let dir: string;
  let r: Receiver;
  beforeAll(async () => {
    r = await new Receiver().start();
    dir = await mkdtemp(join(tmpdir(), 'ais-delivery-cli-'));
    await writeFile(
      join(dir, 'autoinfrasnap.json'),
      JSON.stringify({
        delivery: {
          targets: [
            { kind: 'webhook', id: 'hook', url: r.url, secret: 'env:CLI_HOOK_SECRET' },
            { kind: 'slack', id: 'off', url: 'https://hooks.slack.invalid/x', enabled: false },
          ],
        },
      }),
    );
  });
  afterAll(async () => {
    await r.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    return cliWith({}, ...argv);
  }
  async function cliWith(extraEnv: Record<string, string>, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      stdout: (s) => void out.push(s),
      stderr: (s) => void err.push(s),
      isTTY: false,
      env: {
        XDG_CONFIG_HOME: join(dir, 'xdg'),
        LANG: 'en_US.UTF-8',
        CLI_HOOK_SECRET: 'cli-secret-xyz',
        ...extraEnv,
      },
      cwd: dir,
    };
    const code = await main(argv, io);
    return { code, out: out.join(''), err: err.join('') };
  }

  it('sends a signed test message to every enabled target and says so', async () => {
    const res = await cli('alerts', 'test-delivery');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toBe(`hook (webhook, http://127.0.0.1:${r.port}): delivered\n`);
    expect(r.got).toHaveLength(1);
    expect(r.got[0]!.json).toMatchObject({ type: 'test' });
    expect(
      signatureValid(
        'cli-secret-xyz',
        r.got[0]!.headers['x-autoinfrasnap-signature'] as string,
        r.got[0]!.raw,
      ),
    ).toBe(true);
  });

  it('answers in Korean, names unknown targets, and needs a subcommand', async () => {
    const ko = await cli('alerts', 'test-delivery', 'hook', '--lang', 'ko');
    expect(ko.out).toContain('전달됨');
    const unknown = await cli('alerts', 'test-delivery', 'nope');
    expect(unknown.code).toBe(3);
    expect(unknown.err).toBe('autoinfrasnap: no delivery target "nope" — known targets: hook, off\n');
    const none = await cli('alerts');
    expect(none.code).toBe(2);
    expect(none.err).toContain('test-delivery');
  });

  it('takes targets from AUTOINFRASNAP_DELIVERY_TARGETS and refuses a literal secret there', async () => {
    const before = r.got.length;
    const env = JSON.stringify([{ kind: 'discord', id: 'from-env', url: r.url }]);
    const ok = await cliWith({ AUTOINFRASNAP_DELIVERY_TARGETS: env }, 'alerts', 'test-delivery');
    expect(ok.code).toBe(0);
    expect(ok.out).toBe(`from-env (discord, http://127.0.0.1:${r.port}): delivered\n`);
    expect(r.got.length).toBe(before + 1);
    const literal = JSON.stringify([{ kind: 'webhook', id: 'w', url: r.url, secret: 'plain-text-secret' }]);
    const bad = await cliWith({ AUTOINFRASNAP_DELIVERY_TARGETS: literal }, 'alerts', 'test-delivery');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('delivery.targets.0.secret');
    expect(bad.err).not.toContain('plain-text-secret');
  });

  it('config show prints the reference, never the secret', async () => {
    const res = await cli('config', 'show', '--format', 'json');
    expect(res.code).toBe(0);
    expect(res.out).toContain('env:CLI_HOOK_SECRET');
    expect(res.out).not.toContain('cli-secret-xyz');
  });
});
