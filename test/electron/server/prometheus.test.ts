import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFromCa } from '../../../electron/core/tls/agent.js';
import { bearer, http } from './http.js';
import { cliEnv, freePort, runCli, startServe, type Serve } from './spawn.js';

// A real Prometheus (Debian's, through ../shared/prometheus/start) scrapes a real `serve` over HTTPS
// with a read key as bearer token; promtool (same package) checks the exposition text.
const SHARED = fileURLToPath(new URL('../../../../shared/prometheus/', import.meta.url));
// The toolbox beside the checkout starts Prometheus; .ci/run has it, a plain clone may not.
const toolbox = existsSync(join(SHARED, 'start'));

let home: string;
let serve: Serve | undefined;
let readKey: string;
let agent: Agent;
let promUrl: string | undefined;
let promEnv: Record<string, string>;

function sh(cmd: string, args: string[], env: Record<string, string>, input?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      cmd,
      args,
      { env: { ...process.env, ...env }, timeout: 600_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

async function query(q: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const r = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = (await r.json()) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  return body.data.result;
}

/** Polls `q` until `ok` holds (Prometheus scrapes every second) or the deadline passes. */
async function waitFor(q: string, ok: (r: Awaited<ReturnType<typeof query>>) => boolean, ms = 45_000) {
  const end = Date.now() + ms;
  let last: Awaited<ReturnType<typeof query>> = [];
  while (Date.now() < end) {
    last = await query(q).catch(() => []);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  return last;
}

beforeAll(async () => {
  if (!toolbox) return;
  home = await mkdtemp(join(tmpdir(), 'ais-prom-'));
  const env = cliEnv(home);
  const tlsDir = join(home, 'tls');
  const init = await runCli(['tls', 'init', '--dir', tlsDir, '--name', 'localhost'], env);
  expect(init.code, init.stderr).toBe(0);
  const dataDir = join(home, 'data');
  const made = await runCli(
    ['serve', '--data-dir', dataDir, '--new-key', 'prometheus', '--scope', 'read'],
    env,
  );
  expect(made.code, made.stderr).toBe(0);
  readKey = made.stdout.trim();
  agent = await agentFromCa({ file: join(tlsDir, 'ca.crt') });
  serve = await startServe(
    [
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--interval',
      '1',
      '--tls-cert',
      join(tlsDir, 'server.crt'),
      '--tls-key',
      join(tlsDir, 'server.key'),
    ],
    { ...env, AUTOINFRASNAP_API_KEY: 'admin-key-for-this-test-only' },
  );
  const target = new URL(serve.url).host;
  promEnv = {
    PROM_DIR: join(home, 'prometheus'),
    PROM_PORT: String(await freePort()),
    PROM_SCHEME: 'https',
    PROM_BEARER: readKey,
  };
  // start installs Debian's prometheus (with promtool) when it is missing.
  const started = await sh('bash', [join(SHARED, 'start'), target], promEnv);
  expect(started.code, started.stderr).toBe(0);
  promUrl = /export PROM_URL=(\S+)/.exec(started.stdout)?.[1];
}, 600_000);

afterAll(async () => {
  if (!toolbox) return;
  if (promEnv && existsSync(join(SHARED, 'stop')))
    spawnSync('bash', [join(SHARED, 'stop')], { env: { ...process.env, ...promEnv } });
  await serve?.stop();
  agent?.destroy();
  await rm(home, { recursive: true, force: true });
});

/** The /metrics text once the first sample is in. */
async function scrape(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const r = await http(serve!.url, 'GET', '/metrics', { headers: bearer(readKey), agent });
    if (r.status === 200) return r.body;
    expect(r.status).toBe(503);
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('no sample within 20 s');
}

describe.skipIf(!toolbox)(
  'Prometheus (skipped: ../shared/prometheus/start is not beside the checkout)',
  () => {
    it('promtool check metrics accepts the exposition text', async () => {
      const text = await scrape();
      expect(text).toContain('# TYPE autoinfrasnap_memory_used_bytes gauge');
      const r = await sh('promtool', ['check', 'metrics'], {}, text);
      expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
      expect(r.code).toBe(0);
    });

    it('promtool accepts deploy/prometheus.yml and its rules', async () => {
      const deploy = fileURLToPath(new URL('../../../deploy/', import.meta.url));
      const etc = join(home, 'etc-prometheus');
      await mkdir(etc, { recursive: true });
      const config = (await readFile(join(deploy, 'prometheus.yml'), 'utf8')).replaceAll(
        '/etc/prometheus',
        etc,
      );
      await writeFile(join(etc, 'prometheus.yml'), config);
      await copyFile(join(deploy, 'autoinfrasnap-rules.yml'), join(etc, 'autoinfrasnap-rules.yml'));
      await copyFile(join(home, 'tls', 'ca.crt'), join(etc, 'autoinfrasnap-ca.crt'));
      await writeFile(join(etc, 'autoinfrasnap.key'), `${readKey}\n`, { mode: 0o600 });
      const r = await sh('promtool', ['check', 'config', join(etc, 'prometheus.yml')], {});
      expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('SUCCESS: 6 rules found');
    });

    it('scrapes serve over HTTPS with a read key: up == 1 and a query returns a value', async () => {
      expect(promUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const up = await waitFor('up{job="autoinfrasnap"}', (r) => r[0]?.value[1] === '1');
      expect(up[0]?.value[1]).toBe('1');
      const mem = await waitFor('autoinfrasnap_memory_size_bytes', (r) => r.length > 0);
      expect(Number(mem[0]!.value[1])).toBeGreaterThan(0);
      expect(mem[0]!.metric.host).toBeTruthy();
      const samples = await waitFor(
        'autoinfrasnap_sampler_samples_total',
        (r) => Number(r[0]?.value[1]) >= 1,
      );
      expect(Number(samples[0]!.value[1])).toBeGreaterThanOrEqual(1);
    });
  },
);
