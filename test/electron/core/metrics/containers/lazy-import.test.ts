import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { connectionPlan, reader } from '../../../../../electron/core/metrics/containers/reader.js';
import { testContext } from '../../../../helpers/context.js';

// The factory runs only if something imports dockerode, so the flag records whether it was loaded.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('dockerode', () => {
  loads.count++;
  return { default: class {} };
});

describe('containers reader without an engine', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ais-lazy-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const env = { DOCKER_HOST: `unix://${join(tmp, 'missing.sock')}` };

  it('decides before importing anything', async () => {
    expect(await connectionPlan(testContext({ platform: 'linux', env }))).toMatchObject({ connect: false });
  });

  it('never loads dockerode when the socket is missing', async () => {
    const ctx = testContext({ platform: 'linux', env });
    await reader.begin?.(ctx);
    const s = await reader.collect(ctx, undefined);
    expect(s.available).toBe(false);
    expect(loads.count).toBe(0);
  });

  it('never loads dockerode when nothing listens on the socket', async () => {
    const stale = join(tmp, 'stale.sock');
    writeFileSync(stale, '');
    const ctx = testContext({ platform: 'linux', env: { DOCKER_HOST: `unix://${stale}` } });
    expect((await reader.collect(ctx, undefined)).reason).toMatch(/ECONNREFUSED/);
    expect(loads.count).toBe(0);
  });

  it('never loads dockerode when DOCKER_HOST is unset and no default socket exists', async () => {
    const ctx = testContext({ platform: 'linux', env: { HOME: tmp, XDG_RUNTIME_DIR: tmp } });
    const plan = await connectionPlan(ctx);
    // Skip on a machine that has a system-wide engine: then loading it is right.
    if (plan.connect) return;
    expect((await reader.collect(ctx, undefined)).reason).toBe(
      'no container engine at /var/run/docker.sock (set DOCKER_HOST)',
    );
    expect(loads.count).toBe(0);
  });
});
