/**
 * Milliseconds on the monotonic clock, as `performance.now()` gives, without touching the
 * `performance` global: its first use loads perf_hooks and eight internal modules (~1.5 ms), which
 * `snap` would pay on every run. Only differences between two readings mean anything.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
