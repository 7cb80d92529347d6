import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/cpu/reader.js';
import { CpuSection } from '../../../../../shared/snapshot/metrics/cpu.js';
import { testContext } from '../../../../helpers/context.js';

const fixtures = fileURLToPath(new URL('../../../../fixtures/cpu/', import.meta.url));
const onLinux = process.platform === 'linux';

/** begin, wait, collect: what the snapshot builder does with one shared window. */
async function measure(windowMs: number, ctx = testContext({ windowMs })) {
  const start = windowMs > 0 ? await reader.begin!(ctx) : undefined;
  if (windowMs > 0) await sleep(windowMs);
  return CpuSection.parse(await reader.collect(ctx, start));
}

describe.runIf(onLinux)('cpu reader on this machine', () => {
  it('agrees with Node on the core count and reports shares since boot for a 0 window', async () => {
    const s = await measure(0);
    expect(s.logical_cores).toBe(os.cpus().length);
    expect(s.physical_cores).toBeLessThanOrEqual(s.logical_cores);
    expect(s.times_basis).toBe('since_boot');
    expect(s.usage_percent).toBeNull();
    expect(s.per_core_percent).toEqual([]);
    expect(s.load_1).not.toBeNull();
    const sum = s.times.user + s.times.nice + s.times.system + s.times.idle + (s.times.iowait ?? 0);
    expect(sum).toBeLessThanOrEqual(100.5);
  });

  it('measures usage over a 200 ms window, one value per logical core', async () => {
    const s = await measure(200);
    expect(s.times_basis).toBe('window');
    expect(typeof s.usage_percent).toBe('number');
    expect(s.per_core_percent).toHaveLength(os.cpus().length);
  });

  it('sees a thread that spins through the whole window', async () => {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const stop = new Int32Array(workerData);
       parentPort.postMessage('spinning');
       while (Atomics.load(stop, 0) === 0) {}`,
      { eval: true, workerData: stop.buffer },
    );
    try {
      await new Promise((resolve) => worker.once('message', resolve));
      const s = await measure(500);
      // A spinning thread keeps one core busy (or, if preempted, something else does, or the hypervisor
      // steals it: all busy time). Summed over cores that is ~100 %; half of it leaves ample margin.
      const busyCores = s.per_core_percent.reduce((a, b) => a + b, 0);
      expect(busyCores).toBeGreaterThanOrEqual(50);
      expect(s.usage_percent).toBeGreaterThanOrEqual(50 / s.logical_cores);
    } finally {
      Atomics.store(stop, 0, 1);
      await worker.terminate();
    }
  });
});

describe('cpu reader on a procfs/sysfs fixture tree', () => {
  let dir: string;
  let proc: string;
  let sys: string;
  beforeAll(() => {
    dir = mkdtempSync(join(os.tmpdir(), 'ais-cpu-'));
    proc = join(dir, 'proc');
    sys = join(dir, 'sys');
    mkdirSync(proc);
    mkdirSync(join(sys, 'devices/system/cpu/cpu0/cpufreq'), { recursive: true });
    copyFileSync(join(fixtures, 'cpuinfo-epyc-2vcpu.txt'), join(proc, 'cpuinfo'));
    copyFileSync(join(fixtures, 'stat-epyc-before.txt'), join(proc, 'stat'));
    writeFileSync(join(proc, 'loadavg'), '0.50 1.25 2.00 3/105 6223\n');
    writeFileSync(join(sys, 'devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq'), '3350000\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads description, clock, max clock and load averages from the tree', async () => {
    const ctx = testContext({ platform: 'linux', procRoot: proc, sysRoot: sys });
    const s = CpuSection.parse(await reader.collect(ctx, undefined));
    expect(s).toMatchObject({
      model: 'AMD EPYC',
      vendor: 'AMD',
      physical_cores: 2,
      logical_cores: 2,
      speed_mhz: 1996.2,
      speed_max_mhz: 3350,
      load_1: 0.5,
      load_5: 1.25,
      load_15: 2,
      times_basis: 'since_boot',
    });
  });

  it('computes the window between begin and collect from the files as they were then', async () => {
    const ctx = testContext({ platform: 'linux', procRoot: proc, sysRoot: sys, windowMs: 1200 });
    copyFileSync(join(fixtures, 'stat-epyc-before.txt'), join(proc, 'stat'));
    const start = await reader.begin!(ctx);
    copyFileSync(join(fixtures, 'stat-epyc-after.txt'), join(proc, 'stat'));
    const s = CpuSection.parse(await reader.collect(ctx, start));
    expect(s.usage_percent).toBe(41.9);
    expect(s.per_core_percent).toEqual([0.8, 83.3]);
    expect(s.times_basis).toBe('window');
  });

  it('fails loudly when /proc/stat is missing instead of inventing numbers', async () => {
    const ctx = testContext({ platform: 'linux', procRoot: join(dir, 'nowhere'), sysRoot: sys });
    await expect(reader.collect(ctx, undefined)).rejects.toThrow(/stat/);
  });
});
