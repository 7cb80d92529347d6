import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reader, swapReader } from '../../../../../electron/core/metrics/memory/reader.js';
import { MemorySection, SwapSection } from '../../../../../shared/snapshot/metrics/memory.js';
import { testContext } from '../../../../helpers/context.js';

const fixtures = fileURLToPath(new URL('../../../../fixtures/memory/', import.meta.url));

describe.runIf(process.platform === 'linux')('memory and swap readers on this machine', () => {
  it('agree with Node on total memory and roughly on available memory', async () => {
    const ctx = testContext();
    const s = MemorySection.parse(await reader.collect(ctx, undefined));
    const nodeFree = os.freemem(); // libuv reads MemAvailable too
    expect(s.total_bytes).toBe(os.totalmem());
    expect(s.used_bytes + s.available_bytes).toBe(s.total_bytes);
    expect(Math.abs(s.available_bytes - nodeFree)).toBeLessThan(s.total_bytes * 0.1);
    SwapSection.parse(await swapReader.collect(ctx, undefined));
  });
});

describe('memory and swap readers on a procfs fixture', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'ais-mem-'));
  copyFileSync(join(fixtures, 'meminfo-2.6.18-swap-in-use.txt'), join(dir, 'meminfo'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('read one meminfo for both sections of a snapshot', async () => {
    const ctx = testContext({ platform: 'linux', procRoot: dir });
    const keys: string[] = [];
    const memo = ctx.memo.bind(ctx);
    const counting = { ...ctx, memo: <T>(k: string, f: () => Promise<T>) => (keys.push(k), memo(k, f)) };
    const mem = MemorySection.parse(await reader.collect(counting, undefined));
    const swap = SwapSection.parse(await swapReader.collect(counting, undefined));
    expect(new Set(keys).size).toBe(1);
    expect(mem.total_bytes).toBe(24675128 * 1024);
    expect(mem.used_percent).toBe(55.6);
    expect(swap.used_bytes).toBe((34996216 - 32120548) * 1024);
    expect(swap.used_percent).toBe(8.2);
  });

  it('fails when meminfo cannot be read', async () => {
    const ctx = testContext({ platform: 'linux', procRoot: join(dir, 'nowhere') });
    await expect(reader.collect(ctx, undefined)).rejects.toThrow(/meminfo/);
  });
});
