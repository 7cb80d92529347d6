// Runs against a real Docker-compatible engine: `eval "$(../shared/container-engine/start)"` exports
// DOCKER_HOST (Podman's Docker API on a unix socket) and AIS_TEST_IMAGE (a local busybox image).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/containers/reader.js';
import { ContainersSection } from '../../../../../shared/snapshot/metrics/containers.js';
import { testContext } from '../../../../helpers/context.js';

const host = process.env.DOCKER_HOST;
const image = process.env.AIS_TEST_IMAGE ?? 'localhost/ais-busybox:latest';

describe('containers reader without an engine', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ais-containers-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reports a missing socket as unavailable, not an error', async () => {
    const missing = join(tmp, 'nope.sock');
    const ctx = testContext({ platform: 'linux', env: { DOCKER_HOST: `unix://${missing}` } });
    await expect(reader.begin?.(ctx)).resolves.toBeUndefined();
    expect(await reader.collect(ctx, undefined)).toEqual({
      available: false,
      reason: `no container engine at ${missing} (from DOCKER_HOST)`,
      engine: null,
      total: 0,
      running: 0,
      items: [],
    });
  });

  it('reports a socket nobody listens on as unavailable with the cause', async () => {
    const stale = join(tmp, 'stale.sock');
    writeFileSync(stale, '');
    const ctx = testContext({ platform: 'linux', env: { DOCKER_HOST: `unix://${stale}` } });
    const s = await reader.collect(ctx, undefined);
    expect(s).toMatchObject({ available: false, engine: null, items: [] });
    expect(s.reason).toBe(
      `cannot reach the container engine at unix://${stale}: connection refused (ECONNREFUSED)`,
    );
  });

  it('reports a refused tcp port as unavailable, without the credentials in DOCKER_HOST', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await new Promise((r) => server.close(r));
    const ctx = testContext({ platform: 'linux', env: { DOCKER_HOST: `tcp://me:pw@127.0.0.1:${port}` } });
    const s = await reader.collect(ctx, undefined);
    expect(s.available).toBe(false);
    expect(s.reason).toBe(
      `cannot reach the container engine at tcp://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    );
  });
});

if (!host && process.env.CI) {
  it('has a container engine in CI', () => {
    throw new Error(
      'DOCKER_HOST is not set: .ci/run must start the container engine (../shared/container-engine/start)',
    );
  });
}

describe.skipIf(!host)('containers reader with a real engine (skipped: DOCKER_HOST is not set)', () => {
  const docker = new Docker();
  const tag = randomUUID().slice(0, 8);
  const runningName = `ais-test-run-${tag}`;
  const exitedName = `ais-test-exit-${tag}`;

  beforeAll(async () => {
    const run = await docker.createContainer({ Image: image, Cmd: ['sleep', '300'], name: runningName });
    await run.start();
    const exit = await docker.createContainer({
      Image: image,
      Cmd: ['sh', '-c', 'exit 3'],
      name: exitedName,
    });
    await exit.start();
    await exit.wait();
  });

  afterAll(async () => {
    for (const name of [runningName, exitedName]) {
      const c = docker.getContainer(name);
      // busybox sleep as PID 1 ignores SIGTERM: stop at once, or removal waits 10 s.
      await c.stop({ t: 0 }).catch(() => undefined);
      await c.remove({ force: true }).catch(() => undefined);
    }
  });

  it('lists both containers with state, image, exit code and memory', async () => {
    const ctx = testContext({ windowMs: 200 });
    const start = await reader.begin?.(ctx);
    await new Promise((r) => setTimeout(r, 200));
    const s = ContainersSection.parse(await reader.collect(ctx, start));
    expect(s.available).toBe(true);
    expect(s.reason).toBeNull();
    expect(s.engine?.name).toMatch(/podman|docker/i);
    expect(s.engine?.endpoint).toBe(host?.replace(/^(tcp:\/\/)[^@/]*@/, '$1'));

    const run = s.items.find((c) => c.name === runningName);
    const exited = s.items.find((c) => c.name === exitedName);
    expect(run).toMatchObject({
      state: 'running',
      image: expect.stringContaining('ais-busybox'),
      exit_code: null,
    });
    expect(run?.memory_bytes).toEqual(expect.any(Number));
    expect(run?.started_at).not.toBeNull();
    // A sleeping busybox uses no CPU, but over a window the figure exists.
    expect(run?.cpu_percent).toEqual(expect.any(Number));
    expect(exited).toMatchObject({ state: 'exited', exit_code: 3, cpu_percent: null, memory_bytes: null });
    expect(exited?.image).toContain('ais-busybox');
    expect(s.running).toBeGreaterThanOrEqual(1);
    expect(s.total).toBe(s.items.length);
  });
});
