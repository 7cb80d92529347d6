// `autoinfrasnap diff` as a user runs it: the built CLI, real snapshots of this machine, and real things
// started between them (a TCP listener, a busy process, a container when an engine is available).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots, type SnapshotDiff } from '../../../shared/diff/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { runCli, type CliResult } from '../../helpers/cli.js';

const host = process.env.DOCKER_HOST;
const image = process.env.AIS_TEST_IMAGE ?? 'localhost/ais-busybox:latest';
const fixtures = fileURLToPath(new URL('../../fixtures/diff/', import.meta.url));
const schema = JSON.parse(
  readFileSync(new URL('../../../shared/diff/diff.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

let dir: string;
let env: NodeJS.ProcessEnv;
const store = () => join(dir, 'store');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ais-diff-'));
  // An isolated home: no user settings file, no stray autoinfrasnap.json, a store of our own.
  env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(args, env, dir);

function expectOneLineError(r: CliResult, code: number, pattern: RegExp) {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stdout).toBe('');
}

describe('autoinfrasnap diff: usage', () => {
  it('documents the formats and that diff never fails on differences', async () => {
    const r = await cli(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--format text|markdown|html|json');
    expect(r.stdout).toMatch(/Exit 0 whenever both snapshots load.*check is the gate/s);
  });

  it('rejects bad usage with one line and exit 2', async () => {
    const a = join(fixtures, 'scenario-a.json');
    expectOneLineError(await cli(['diff', a]), 2, /diff takes two snapshots, A and B \(got 1\)/);
    expectOneLineError(await cli(['diff', a, a, a]), 2, /\(got 3\)/);
    expectOneLineError(
      await cli(['diff', a, a, '--format', 'pdf']),
      2,
      /--format "pdf": expected text, markdown, html, json/,
    );
    expectOneLineError(
      await cli(['diff', a, a, '--threshold', 'ram=5']),
      2,
      /--threshold "ram=5": expected KEY=N/,
    );
    expectOneLineError(await cli(['diff', a, a, '--bogus']), 2, /unknown option '?--bogus/i);
  });

  it('says which snapshot it cannot find, exit 3', async () => {
    const r = await cli(['diff', join(fixtures, 'scenario-a.json'), 'nope.json', '--store', store()]);
    expectOneLineError(r, 3, /nope\.json/);
  });
});

describe('autoinfrasnap diff: files', () => {
  const a = join(fixtures, 'scenario-a.json');
  const b = join(fixtures, 'scenario-b.json');

  it('prints the same JSON as the golden file and exits 0 despite the differences', async () => {
    const r = await cli(['diff', a, b, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(fixtures, 'scenario.json'), 'utf8'));
  });

  it('writes Korean Markdown to a file with -o, nothing on standard output', async () => {
    const out = join(dir, 'out', 'diff.md');
    const r = await cli(['diff', a, b, '--format', 'markdown', '--lang', 'ko', '-o', out]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# 스냅숏 비교\n')).toBe(true);
    expect(md).toContain('| + 추가 | tcp 127.0.0.1:3000 | node (PID 700) |');
  });

  it('takes thresholds from --threshold', async () => {
    const d = JSON.parse(
      (await cli(['diff', a, b, '--format', 'json', '--threshold', 'memory=20,load=5'])).stdout,
    ) as SnapshotDiff;
    expect(d.thresholds).toMatchObject({ memory_points: 20, load_per_core: 5, disk_points: 5 });
    expect(d.metrics.find((m) => m.metric === 'memory_used')?.significant).toBe(false);
  });

  it('prints plain text without colour when not on a terminal', async () => {
    const r = await cli(['diff', a, b]);
    expect(r.stdout.split('\n')[0]).toBe('Snapshot diff');
    expect(r.stdout).toContain('  - tcp 0.0.0.0:5432  postgres (pid 300)');
    expect(r.stdout).not.toContain('\u001b[');
  });
});

describe('autoinfrasnap diff: this machine, with real changes between snapshots', () => {
  const tag = `ais-diff-probe-${randomUUID().slice(0, 8)}`;
  const containerName = `ais-diff-test-${randomUUID().slice(0, 8)}`;
  let server: Server | undefined;
  let port = 0;
  let busy: ChildProcess | undefined;
  let docker: Docker | undefined;
  let ab: SnapshotDiff;
  let bc: SnapshotDiff;
  const file = (n: string) => join(dir, `${n}.json`);

  async function snap(name: string, save: boolean): Promise<void> {
    const args = [
      'snap',
      '--window',
      '0',
      '--top',
      '500',
      '--format',
      'json',
      '-o',
      file(name),
      '--store',
      store(),
    ];
    const r = await cli(save ? args : [...args, '--no-save']);
    expect(r.code, r.stderr).toBe(0);
  }
  async function diffJson(x: string, y: string): Promise<SnapshotDiff> {
    const r = await cli(['diff', x, y, '--format', 'json', '--store', store()]);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as SnapshotDiff;
    expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
    return d;
  }
  async function stopAll(): Promise<void> {
    const child = busy;
    busy = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    const s = server;
    server = undefined;
    if (s) await new Promise((r) => s.close(r));
    if (docker) {
      const c = docker.getContainer(containerName);
      // busybox sleep as PID 1 ignores SIGTERM: stop at once, or removal waits 10 s.
      await c.stop({ t: 0 }).catch(() => undefined);
      await c.remove({ force: true }).catch(() => undefined);
    }
  }

  beforeAll(async () => {
    await snap('a', false);
    server = createServer();
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
    // A busy loop so it tops the CPU list; --top 500 makes sure either way.
    busy = spawn(process.execPath, ['-e', `/* ${tag} */ for (;;) {}`], { stdio: 'ignore' });
    if (host) {
      const { default: Dockerode } = await import('dockerode');
      docker = new Dockerode();
      const c = await docker.createContainer({ Image: image, Cmd: ['sleep', '300'], name: containerName });
      await c.start();
    }
    await snap('b', true);
    ab = await diffJson(file('a'), file('b'));
    await stopAll();
    await snap('c', true);
    bc = await diffJson(file('b'), file('c'));
  });
  afterAll(stopAll);

  it('shows the new listener and the new process as added from A to B', () => {
    expect(ab.sections.ports.added).toContainEqual(
      expect.objectContaining({ protocol: 'tcp', address: '127.0.0.1', port, key: `tcp 127.0.0.1:${port}` }),
    );
    const probe = ab.sections.processes.added.find((p) => p.command.includes(tag));
    expect(probe).toMatchObject({ name: 'node', count: 1 });
    expect(ab.same_host).toBe(true);
    expect(ab.sections.processes.scope).toBe('top_lists');
  });

  it('shows them as removed from B to C once stopped', () => {
    expect(bc.sections.ports.removed.map((p) => p.key)).toContain(`tcp 127.0.0.1:${port}`);
    expect(bc.sections.processes.removed.some((p) => p.command.includes(tag))).toBe(true);
    expect(bc.sections.ports.added.some((p) => p.port === port)).toBe(false);
  });

  if (!host && process.env.CI) {
    it('has a container engine in CI', () => {
      throw new Error(
        'DOCKER_HOST is not set: .ci/run must start the container engine (../shared/container-engine/start)',
      );
    });
  }

  it.skipIf(!host)('shows a container added, then removed (skipped: DOCKER_HOST is not set)', () => {
    expect(ab.sections.containers.added).toContainEqual(
      expect.objectContaining({
        name: containerName,
        state: 'running',
        image: expect.stringContaining('busybox'),
      }),
    );
    expect(bc.sections.containers.removed.map((c) => c.name)).toContain(containerName);
  });

  it('reads store references: diff latest~1 latest is diff b.json c.json', async () => {
    const byRef = await diffJson('latest~1', 'latest');
    expect(byRef).toEqual(bc);
  });

  it('diffs two real snapshots in well under 20 ms (median of 50)', () => {
    const [b, c] = ['b', 'c'].map((n) => JSON.parse(readFileSync(file(n), 'utf8')) as Snapshot);
    const times = Array.from({ length: 50 }, () => {
      const t0 = performance.now();
      diffSnapshots(b!, c!);
      return performance.now() - t0;
    }).sort((x, y) => x - y);
    expect(times[25]!).toBeLessThan(20);
  });
});
