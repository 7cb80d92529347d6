import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  memoryFromMeminfo,
  parseMeminfo,
  swapFromMeminfo,
  usedPercent,
} from '../../../../../electron/core/metrics/memory/parse.js';
import { MemorySection, SwapSection } from '../../../../../shared/snapshot/metrics/memory.js';

const meminfo = (name: string) =>
  parseMeminfo(readFileSync(new URL(`../../../../fixtures/memory/${name}`, import.meta.url), 'utf8'));
const KiB = 1024;

describe('parseMeminfo', () => {
  it('converts kB to bytes and keeps unit-less counts as printed', () => {
    const m = parseMeminfo('MemTotal:       24683656 kB\nHugePages_Total:       4\nbad line\n');
    expect(m.get('MemTotal')).toBe(24683656 * KiB);
    expect(m.get('HugePages_Total')).toBe(4);
    expect(m.size).toBe(2);
  });
});

describe('memoryFromMeminfo', () => {
  it('uses MemAvailable on a current kernel (6.18, this machine)', () => {
    const s = MemorySection.parse(memoryFromMeminfo(meminfo('meminfo-6.18.txt')));
    expect(s).toEqual({
      total_bytes: 24683656 * KiB,
      available_bytes: 24286504 * KiB,
      used_bytes: (24683656 - 24286504) * KiB,
      free_bytes: 23811376 * KiB,
      used_percent: 1.6, // 397152 / 24683656
      buffers_bytes: 14404 * KiB,
      cached_bytes: (628168 + 97444) * KiB, // Cached + SReclaimable, as free(1) shows it
      shared_bytes: 9036 * KiB,
    });
  });

  it('estimates available as free + buffers + cached + reclaimable slab on kernels before 3.14', () => {
    const s = MemorySection.parse(memoryFromMeminfo(meminfo('meminfo-3.2-no-memavailable.txt')));
    const available = 274460 + 9764 + 38648 + 9128;
    expect(s.available_bytes).toBe(available * KiB);
    expect(s.used_bytes).toBe((374256 - available) * KiB);
    expect(s.used_percent).toBe(11.3); // 42256 / 374256
    expect(s.cached_bytes).toBe((38648 + 9128) * KiB);
    expect(s.shared_bytes).toBe(584 * KiB);
  });

  it('reports counters a 2.6.18 kernel lacks (Shmem, SReclaimable) as null or zero, not invented', () => {
    const s = MemorySection.parse(memoryFromMeminfo(meminfo('meminfo-2.6.18-swap-in-use.txt')));
    expect(s.available_bytes).toBe((1017340 + 172424 + 9777444) * KiB);
    expect(s.cached_bytes).toBe(9777444 * KiB);
    expect(s.shared_bytes).toBeNull();
    expect(s.used_percent).toBe(55.6); // 13707920 / 24675128
  });

  it('refuses a meminfo without MemTotal', () => {
    expect(() => memoryFromMeminfo(parseMeminfo('MemFree: 1 kB\n'))).toThrow(/MemTotal/);
  });

  it('never reports more available than total', () => {
    const s = memoryFromMeminfo(parseMeminfo('MemTotal: 100 kB\nMemAvailable: 120 kB\nMemFree: 90 kB\n'));
    expect(s.available_bytes).toBe(100 * KiB);
    expect(s.used_bytes).toBe(0);
  });
});

describe('swapFromMeminfo', () => {
  it('computes used from SwapTotal - SwapFree', () => {
    const s = SwapSection.parse(swapFromMeminfo(meminfo('meminfo-2.6.18-swap-in-use.txt')));
    expect(s).toEqual({
      total_bytes: 34996216 * KiB,
      used_bytes: (34996216 - 32120548) * KiB,
      free_bytes: 32120548 * KiB,
      used_percent: 8.2,
    });
  });

  it('reports a machine without swap as zeros, not as 100 % or NaN', () => {
    expect(swapFromMeminfo(meminfo('meminfo-6.18.txt'))).toEqual({
      total_bytes: 0,
      used_bytes: 0,
      free_bytes: 0,
      used_percent: 0,
    });
  });
});

describe('usedPercent', () => {
  it('rounds to 0.1 and stays within 0-100', () => {
    expect(usedPercent(1, 3)).toBe(33.3);
    expect(usedPercent(2, 3)).toBe(66.7);
    expect(usedPercent(5, 0)).toBe(0);
    expect(usedPercent(11, 10)).toBe(100);
  });
});
