// The macOS and Windows fixtures are constructed from systeminformation's documented mem() output on
// those systems: macOS and Windows cannot run here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type SiMem, memoryFromSi, swapFromSi } from '../../../../../electron/core/metrics/memory/si.js';
import { MemorySection, SwapSection } from '../../../../../shared/snapshot/metrics/memory.js';

const fixture = (name: string): SiMem =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/memory/${name}`, import.meta.url), 'utf8')) as SiMem;

describe('memoryFromSi', () => {
  it('macOS: used = total - available (app + wired + compressed), file cache as cached', () => {
    const s = MemorySection.parse(memoryFromSi(fixture('si-darwin.json'), 'darwin'));
    expect(s).toEqual({
      total_bytes: 17179869184,
      available_bytes: 7516192768,
      used_bytes: 9663676416,
      free_bytes: 1048576000,
      used_percent: 56.3,
      buffers_bytes: null,
      cached_bytes: 6467616768,
      shared_bytes: null,
    });
  });

  it('Windows: the zeros si fills in for missing caches become null', () => {
    const s = MemorySection.parse(memoryFromSi(fixture('si-win32.json'), 'win32'));
    expect(s).toEqual({
      total_bytes: 34211590144,
      available_bytes: 20401180672,
      used_bytes: 13810409472,
      free_bytes: 20401180672,
      used_percent: 40.4,
      buffers_bytes: null,
      cached_bytes: null,
      shared_bytes: null,
    });
  });
});

describe('swapFromSi', () => {
  it('maps swap usage (macOS swapfiles, Windows page file)', () => {
    expect(SwapSection.parse(swapFromSi(fixture('si-darwin.json')))).toEqual({
      total_bytes: 2147483648,
      used_bytes: 1073741824,
      free_bytes: 1073741824,
      used_percent: 50,
    });
    expect(SwapSection.parse(swapFromSi(fixture('si-win32.json')))).toEqual({
      total_bytes: 5100273664,
      used_bytes: 402653184,
      free_bytes: 4697620480,
      used_percent: 7.9,
    });
  });
});
