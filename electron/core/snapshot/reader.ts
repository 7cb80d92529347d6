import type { SectionData } from '../../../shared/snapshot/schema.js';
import type { SectionName } from '../../../shared/snapshot/sections.js';

/** What every reader gets for one snapshot (or one sampler tick). */
export interface ReaderContext {
  /** The OS whose path to take; tests may force another to exercise a fallback. */
  readonly platform: NodeJS.Platform;
  /** Length of the shared sampling window in ms; 0 means counters only, no rates. */
  readonly windowMs: number;
  /** How many processes to keep in each top list. */
  readonly topN: number;
  /** Aborted when the reader's timeout expires; pass it to I/O that accepts one. */
  readonly signal: AbortSignal;
  /** Root of procfs (`/proc`); tests point it at a fixture tree. */
  readonly procRoot: string;
  /** Root of sysfs (`/sys`); tests point it at a fixture tree. */
  readonly sysRoot: string;
  /** Environment (DOCKER_HOST and friends). */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Shares one result among the readers of one snapshot, e.g. the process table that both
   * `processes` and `ports` need: the first caller computes it, the rest await the same promise.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/**
 * One section's reader. `begin` (optional) reads counters when the shared window opens; `collect`
 * runs when it closes and gets what `begin` returned (undefined when the window is 0 or begin failed).
 */
export interface Reader<K extends SectionName = SectionName, B = unknown> {
  readonly section: K;
  /** Upper bound for begin + collect; past it the section is recorded as a timeout error. */
  readonly timeoutMs: number;
  begin?(ctx: ReaderContext): Promise<B>;
  collect(ctx: ReaderContext, start: B | undefined): Promise<SectionData<K>>;
}

/** Typed helper so each reader file stays short and the compiler checks its section type. */
export function defineReader<K extends SectionName, B = undefined>(reader: Reader<K, B>): Reader<K, B> {
  return reader;
}

/** Thrown by a reader when its section cannot exist on this platform; recorded as `unsupported`. */
export class UnsupportedError extends Error {
  override readonly name = 'UnsupportedError';
}
