import { createRedactor, redactDeep } from '../../../shared/redact/index.js';
import type { SectionError, Snapshot } from '../../../shared/snapshot/schema.js';
import { SECTION_NAMES, type SectionName } from '../../../shared/snapshot/sections.js';
import { SCHEMA_VERSION } from '../../../shared/snapshot/version.js';
import { READERS, type AnyReader } from '../metrics/registry.js';
import { newSnapshotId } from './id.js';
import { UnsupportedError, type ReaderContext } from './reader.js';
import { checkSection } from './validate.js';
import { TimeoutError, sleep, withTimeout } from '../os/timeout.js';
import { monotonicMs } from '../os/clock.js';

/** What to collect and how. */
export interface SnapshotOptions {
  /** Sections to collect, in any order; default all. */
  sections?: readonly SectionName[];
  /** Shared sampling window for rates and CPU usage, in ms (0 = counters only). */
  windowMs: number;
  topN: number;
  redaction: { enabled: boolean; patterns?: readonly string[] };
  /** The tool version recorded in the snapshot. */
  version: string;
  /** Readers to use instead of the registry's (tests). */
  readers?: Partial<{ [K in SectionName]: AnyReader<K> }>;
  /** Context overrides (tests: fixture roots, another platform). */
  context?: Partial<Pick<ReaderContext, 'platform' | 'procRoot' | 'sysRoot' | 'env'>>;
}

function toError(section: SectionName, e: unknown): SectionError {
  if (e instanceof TimeoutError) return { section, code: 'timeout', message: e.message };
  if (e instanceof UnsupportedError) return { section, code: 'unsupported', message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { section, code: 'failed', message: msg.split('\n')[0]!.slice(0, 500) };
}

/**
 * Takes one snapshot: every selected reader's `begin`, one shared window, every `collect` in parallel,
 * each bounded by its timeout. A reader that fails, times out or returns data that does not match its
 * schema is recorded in `errors` and the snapshot completes without that section. Then every string is
 * redacted (unless disabled) and the whole document is validated.
 */
export async function takeSnapshot(opts: SnapshotOptions): Promise<Snapshot> {
  const started = monotonicMs();
  const id = newSnapshotId();
  const takenAt = new Date().toISOString();
  const wanted = SECTION_NAMES.filter((s) => !opts.sections || opts.sections.includes(s));
  const memo = new Map<string, Promise<unknown>>();
  const base = {
    platform: opts.context?.platform ?? process.platform,
    windowMs: opts.windowMs,
    topN: opts.topN,
    procRoot: opts.context?.procRoot ?? '/proc',
    sysRoot: opts.context?.sysRoot ?? '/sys',
    env: opts.context?.env ?? process.env,
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let p = memo.get(key) as Promise<T> | undefined;
      if (!p) memo.set(key, (p = compute()));
      return p;
    },
  };
  const errors: SectionError[] = [];
  const readers = wanted.map((s) => (opts.readers?.[s] ?? READERS[s]) as AnyReader);

  // Open the window: counters first, for every reader that measures a rate.
  const begun = await Promise.all(
    readers.map(async (r) => {
      if (opts.windowMs <= 0 || !r.begin) return undefined;
      try {
        return await withTimeout(r.timeoutMs, (signal) => r.begin!({ ...base, signal }));
      } catch {
        return undefined; // collect then reports counters without rates
      }
    }),
  );
  if (opts.windowMs > 0) await sleep(opts.windowMs);

  const data: Partial<Record<SectionName, unknown>> = {};
  await Promise.all(
    readers.map(async (r, i) => {
      try {
        const value = await withTimeout(r.timeoutMs, (signal) => r.collect({ ...base, signal }, begun[i]));
        const check = checkSection(r.section, value);
        if (check.ok) data[r.section] = check.value;
        else
          errors.push({
            section: r.section,
            code: 'failed',
            message: `reader returned invalid data at ${check.path || '(root)'}: ${check.message}`,
          });
      } catch (e) {
        errors.push(toError(r.section, e));
      }
    }),
  );
  errors.sort((a, b) => SECTION_NAMES.indexOf(a.section) - SECTION_NAMES.indexOf(b.section));

  const redactor = opts.redaction.enabled
    ? createRedactor({ extraPatterns: opts.redaction.patterns ?? [] })
    : null;
  // Sections in report order, whatever order the readers finished in.
  const ordered = Object.fromEntries(wanted.filter((s) => s in data).map((s) => [s, data[s]]));
  const sections = redactor ? redactDeep(ordered, redactor) : ordered;
  const snapshot: Snapshot = {
    schema_version: SCHEMA_VERSION,
    id,
    taken_at: takenAt,
    tool: { name: 'autoinfrasnap', version: opts.version },
    duration_ms: Math.round((monotonicMs() - started) * 10) / 10,
    window_ms: Math.round(opts.windowMs),
    sections: wanted,
    errors: redactor ? redactDeep(errors, redactor) : errors,
    redactions: {
      enabled: redactor !== null,
      total: redactor?.total() ?? 0,
      by_rule: redactor?.counts() ?? {},
    },
    ...(sections as Partial<Snapshot>),
  };
  return snapshot;
}
