/** Timers the delivery service schedules retries with; tests pass a manual one. */
export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock and timers; retry timers are unref'd so they never keep a CLI process alive. */
export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Retry policy: tries in all, first wait and the cap, in seconds. */
export interface RetryPolicy {
  attempts: number;
  baseSeconds: number;
  maxSeconds: number;
}

/**
 * The wait before retry number `retry` (1 = the first retry): exponential (base × 2^(retry−1)), capped
 * at `maxSeconds`, with "equal jitter" — half fixed, half random — so many hosts that failed together
 * do not retry in lockstep, yet no wait collapses to zero. `random` returns [0, 1).
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = policy.baseSeconds * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(policy.maxSeconds, exp) * 1000;
  return Math.round(capped / 2 + random() * (capped / 2));
}
