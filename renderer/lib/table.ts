// Pure sorting and searching of the UI's tables (processes, ports, snapshots…).

/** Sort direction. */
export type SortDir = 'asc' | 'desc';

/** Which column a table is sorted by, and how. */
export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

/** Compares two cell values: numbers numerically, strings by locale with numeric collation, nulls last. */
export function compareValues(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** A sorted copy of `rows` by `get(row, key)`; stable, nulls last in both directions. */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: SortState<K>,
  get: (row: T, key: K) => unknown,
): T[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: get(row, sort.key) }))
    .sort((x, y) => {
      const xn = x.v === null || x.v === undefined;
      const yn = y.v === null || y.v === undefined;
      if (xn !== yn) return xn ? 1 : -1;
      return sign * compareValues(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}

/** The sort after clicking a header: the same column flips, a new one starts with `firstDir`. */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  firstDir: SortDir = 'desc',
): SortState<K> {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: firstDir };
}

/**
 * Rows whose searchable text contains every word of `query` (case-insensitive, any order); an empty
 * query keeps every row.
 */
export function searchRows<T>(rows: readonly T[], query: string, text: (row: T) => string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((row) => {
    const hay = text(row).toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** aria-sort for a header cell. */
export function ariaSort<K extends string>(sort: SortState<K>, key: K): 'ascending' | 'descending' | 'none' {
  return sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
}
