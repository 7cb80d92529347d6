import type * as NodeFs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

/** Distinct 16-byte values out of `n` draws (a repeat would mean bytes were handed out twice). */
function distinct(fill: (b: Uint8Array) => Uint8Array, n: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) seen.add(Buffer.from(fill(new Uint8Array(16))).toString('hex'));
  return seen.size;
}

describe('random bytes without node:crypto', () => {
  it('fills buffers of any size from /dev/urandom, never handing the same bytes out twice', async () => {
    const { randomFill, randomHex } = await import('../../../../electron/core/os/random.js');
    // 200 draws of 16 bytes cross several 256-byte blocks.
    expect(distinct(randomFill, 200)).toBe(200);
    const big = randomFill(new Uint8Array(1000));
    expect(new Set(big).size).toBeGreaterThan(200); // not zeros, not a short repeating block
    expect(randomHex(8)).toMatch(/^[0-9a-f]{16}$/);
    expect(randomHex(4)).not.toBe(randomHex(4));
  });

  it('falls back to node:crypto where /dev/urandom cannot be opened (Windows, a sandbox)', async () => {
    const opened: string[] = [];
    vi.doMock('node:fs', async (importOriginal) => {
      const orig = await importOriginal<typeof NodeFs>();
      return {
        ...orig,
        openSync: (path: string) => {
          opened.push(path);
          throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        },
      };
    });
    const { randomFill } = await import('../../../../electron/core/os/random.js');
    expect(distinct(randomFill, 50)).toBe(50);
    expect(opened.length).toBeLessThanOrEqual(1); // tried once, then remembered
  });
});
