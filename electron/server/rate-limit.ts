/** Limits of the failed-authentication limiter. */
export interface RateLimitOptions {
  /** Failed attempts one client address may make per window (default 10). */
  max?: number;
  /** The window in ms (default one minute). */
  windowMs?: number;
  /** Addresses remembered at most; the oldest is forgotten first (default 10,000). */
  maxClients?: number;
  now?: () => number;
}

/**
 * Failed authentication attempts per client address in a sliding window. Once an address reaches
 * `max` failures it is refused (429) until its oldest failure leaves the window, valid key or not:
 * guessing stays slow even for a client that also holds a valid key.
 */
export class FailureLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(opts: RateLimitOptions = {}) {
    this.max = opts.max ?? 10;
    this.windowMs = opts.windowMs ?? 60_000;
    this.maxClients = opts.maxClients ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /** Seconds until `addr` may try again; 0 when it may now. */
  retryAfter(addr: string): number {
    const list = this.recent(addr);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[0]! + this.windowMs - this.now()) / 1000));
  }

  /** Records one failed attempt of `addr`. */
  fail(addr: string): void {
    const list = this.recent(addr);
    list.push(this.now());
    if (list.length > this.max) list.splice(0, list.length - this.max);
    this.hits.delete(addr);
    this.hits.set(addr, list);
    if (this.hits.size > this.maxClients) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
  }

  private recent(addr: string): number[] {
    const list = this.hits.get(addr);
    if (!list) return [];
    const since = this.now() - this.windowMs;
    while (list.length && list[0]! <= since) list.shift();
    if (list.length === 0) this.hits.delete(addr);
    return list;
  }
}
