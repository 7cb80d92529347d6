import type { Systeminformation } from 'systeminformation';
import type { MemorySection, SwapSection } from '../../../../shared/snapshot/metrics/memory.js';
import { usedPercent } from './parse.js';

/** The fields of systeminformation's `mem()` these sections use. */
export type SiMem = Pick<
  Systeminformation.MemData,
  'total' | 'free' | 'available' | 'buffers' | 'buffcache' | 'swaptotal' | 'swapused' | 'swapfree'
>;

const bytes = (v: number): number => Math.max(0, Math.round(v));

/**
 * Maps si.mem() to the memory section. si fills buffers/cached with 0 where the OS has no such counter, so
 * those become null; on macOS its `buffcache` (used minus app, wired and compressed memory) is the file
 * cache Activity Monitor shows as "Cached Files".
 */
export function memoryFromSi(mem: SiMem, platform: NodeJS.Platform): MemorySection {
  const total = bytes(mem.total);
  const available = Math.min(total, bytes(mem.available));
  const used = total - available;
  return {
    total_bytes: total,
    available_bytes: available,
    used_bytes: used,
    free_bytes: Math.min(total, bytes(mem.free)),
    used_percent: usedPercent(used, total),
    buffers_bytes: mem.buffers > 0 ? bytes(mem.buffers) : null,
    cached_bytes: platform === 'darwin' && mem.buffcache > 0 ? bytes(mem.buffcache) : null,
    shared_bytes: null,
  };
}

/** Maps si.mem()'s swap fields (the page file on Windows) to the swap section. */
export function swapFromSi(mem: SiMem): SwapSection {
  const total = bytes(mem.swaptotal);
  const used = Math.min(total, bytes(mem.swapused));
  return {
    total_bytes: total,
    used_bytes: used,
    free_bytes: total - used,
    used_percent: usedPercent(used, total),
  };
}
