import type { MemorySection, SwapSection } from '../../../../shared/snapshot/metrics/memory.js';
import { Fields, forEachLine } from '../../os/fields.js';

/** Fields of /proc/meminfo in bytes (the kernel prints kB; HugePages_* counts are kept as printed). */
export type Meminfo = ReadonlyMap<string, number>;

/** Parses /proc/meminfo ("Key:   123 kB" lines). */
export function parseMeminfo(text: string): Meminfo {
  const out = new Map<string, number>();
  const f = new Fields();
  // Read in place, line by line (the sampler parses this file every tick).
  forEachLine(text, (from, to) => {
    const colon = text.indexOf(':', from);
    if (colon <= from || colon >= to) return;
    f.reset(text, colon + 1, to);
    if (!f.next()) return;
    const v = f.number();
    if (!Number.isFinite(v)) return;
    const kB = f.next() && f.end - f.start === 2 && text.startsWith('kB', f.start);
    out.set(text.slice(from, colon), kB ? v * 1024 : v);
  });
  return out;
}

/** Percentage rounded to 0.1, 0 when the whole is 0 (no swap configured). */
export function usedPercent(used: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((used / total) * 1000) / 10));
}

/**
 * Physical memory the way `free` reports it. Kernels before 3.14 have no MemAvailable; the classic estimate
 * (free + buffers + page cache + reclaimable slab) stands in for it there.
 */
export function memoryFromMeminfo(m: Meminfo): MemorySection {
  const total = m.get('MemTotal');
  if (total === undefined) throw new Error('/proc/meminfo has no MemTotal');
  const free = m.get('MemFree') ?? 0;
  const buffers = m.get('Buffers');
  const pageCache = m.get('Cached');
  const reclaimable = m.get('SReclaimable') ?? 0;
  const estimate = free + (buffers ?? 0) + (pageCache ?? 0) + reclaimable;
  const available = Math.min(total, m.get('MemAvailable') ?? estimate);
  const used = total - available;
  return {
    total_bytes: total,
    available_bytes: available,
    used_bytes: used,
    free_bytes: Math.min(total, free),
    used_percent: usedPercent(used, total),
    buffers_bytes: buffers ?? null,
    cached_bytes: pageCache === undefined ? null : pageCache + reclaimable,
    shared_bytes: m.get('Shmem') ?? null,
  };
}

/** Swap from SwapTotal/SwapFree; a machine without swap reports zeros. */
export function swapFromMeminfo(m: Meminfo): SwapSection {
  const total = m.get('SwapTotal') ?? 0;
  const free = Math.min(total, m.get('SwapFree') ?? total);
  const used = total - free;
  return { total_bytes: total, used_bytes: used, free_bytes: free, used_percent: usedPercent(used, total) };
}
