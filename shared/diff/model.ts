// Constants and the generic keyed comparison behind every kind of the diff. Kept apart from the zod
// schema so the diff itself (and the CLI's diff command) runs without building a single zod object.
import type { DiffThresholds, FieldChange } from './schema.js';

/** Version of the diff document format; bumped on any incompatible change. */
export const DIFF_VERSION = 1;

/** Kinds of items compared by key, in report order. */
export const COLLECTION_KINDS = [
  'processes',
  'ports',
  'containers',
  'services',
  'filesystems',
  'sessions',
  'interfaces',
] as const;

/** One kind of compared items. */
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

/** Every kind counted in the summary: the host's OS fields, then the collections. */
export const DIFF_KINDS = ['system', ...COLLECTION_KINDS] as const;

/** One kind counted in the summary. */
export type DiffKind = (typeof DIFF_KINDS)[number];

/** Metrics compared as numbers, in report order. */
export const METRIC_NAMES = [
  'cpu_usage',
  'memory_used',
  'swap_used',
  'disk_used',
  'load_1',
  'load_5',
  'load_15',
] as const;

/** One compared metric. */
export type MetricName = (typeof METRIC_NAMES)[number];

/**
 * Default significance thresholds. Memory and swap move a few points between two idle samples, disks
 * move slowly so 5 points is already news, CPU usage over a 1 s window is noisy, and a load of one per
 * core is where a machine starts to queue work.
 */
export const DEFAULT_THRESHOLDS: DiffThresholds = {
  memory_points: 10,
  swap_points: 10,
  disk_points: 5,
  cpu_points: 25,
  load_per_core: 1,
};

/** Added, removed and changed items of one kind, each list sorted by key. */
export interface Collection<T> {
  added: T[];
  removed: T[];
  changed: { key: string; item: T; changes: FieldChange[] }[];
}

/** An empty collection: what a kind that could not be compared reports. */
export function emptyCollection<T>(): Collection<T> {
  return { added: [], removed: [], changed: [] };
}

/** Appends a change when the two values differ (strictly: 0 and null are different facts). */
export function pushChange(
  out: FieldChange[],
  field: FieldChange['field'],
  from: FieldChange['from'],
  to: FieldChange['to'],
): void {
  if (from !== to) out.push({ field, from, to });
}

/** Code-point order, so the diff is the same whatever locale the machine runs in. */
export function byKey(x: { key: string }, y: { key: string }): number {
  return x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
}

/**
 * Matches items of A and B by key. Items must be unique by key (the extractors merge duplicates);
 * `compare` returns what differs between two items with the same key.
 */
export function diffKeyed<T extends { key: string }>(
  a: readonly T[],
  b: readonly T[],
  compare: (x: T, y: T) => FieldChange[],
  order: (x: T, y: T) => number = byKey,
): Collection<T> {
  const inA = new Map(a.map((x) => [x.key, x]));
  const inB = new Map(b.map((x) => [x.key, x]));
  const out = emptyCollection<T>();
  for (const y of b) {
    const x = inA.get(y.key);
    if (!x) {
      out.added.push(y);
      continue;
    }
    const changes = compare(x, y);
    if (changes.length) out.changed.push({ key: y.key, item: y, changes });
  }
  for (const x of a) if (!inB.has(x.key)) out.removed.push(x);
  out.added.sort(order);
  out.removed.sort(order);
  out.changed.sort((p, q) => order(p.item, q.item));
  return out;
}

/** Rounds to 2 decimals: enough for percentages and loads, and no 0.30000000000000004 in the output. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
