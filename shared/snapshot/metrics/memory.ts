import { z } from 'zod';
import { Bytes, Percent } from './common.js';

/** Physical memory. `used` excludes reclaimable caches (total − available), as `free`/`top` report it. */
export const MemorySection = z.object({
  total_bytes: Bytes,
  available_bytes: Bytes,
  used_bytes: Bytes,
  free_bytes: Bytes,
  used_percent: Percent,
  buffers_bytes: Bytes.nullable(),
  cached_bytes: Bytes.nullable(),
  shared_bytes: Bytes.nullable(),
});
export type MemorySection = z.infer<typeof MemorySection>;

/** Swap space (page file on Windows). */
export const SwapSection = z.object({
  total_bytes: Bytes,
  used_bytes: Bytes,
  free_bytes: Bytes,
  used_percent: Percent,
});
export type SwapSection = z.infer<typeof SwapSection>;
