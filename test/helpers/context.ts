import type { ReaderContext } from '../../electron/core/snapshot/reader.js';

/** A reader context for tests: the real machine by default, any field overridable (e.g. procRoot → fixtures). */
export function testContext(over: Partial<ReaderContext> = {}): ReaderContext {
  const memo = new Map<string, Promise<unknown>>();
  return {
    platform: process.platform,
    windowMs: 0,
    topN: 15,
    signal: new AbortController().signal,
    procRoot: '/proc',
    sysRoot: '/sys',
    env: process.env,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let p = memo.get(key) as Promise<T> | undefined;
      if (!p) {
        p = compute();
        memo.set(key, p);
      }
      return p;
    },
    ...over,
  };
}
