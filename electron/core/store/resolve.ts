import type { StoreEntry } from './index-file.js';
import { storeError } from './store-error.js';

/**
 * Shortest id prefix accepted. Note that a UUIDv7 starts with its millisecond clock, so ids of
 * snapshots taken within about a minute share their first 8 characters: such prefixes are
 * ambiguous and the user has to type more (the error lists the candidates).
 */
export const MIN_PREFIX = 8;

const LATEST_RE = /^latest(?:~(\d{1,9}))?$/;
const HEX_ID_RE = /^[0-9a-f-]+$/;

/**
 * Finds the entry a user means: `latest`, `latest~N` (N snapshots before the latest, as in git),
 * a full id, or a unique prefix of at least MIN_PREFIX characters (dashes optional).
 * `entries` must be sorted newest first. Failures are StoreErrors with a one-line message.
 */
export function resolveRef(entries: readonly StoreEntry[], ref: string): StoreEntry {
  const wanted = ref.trim().toLowerCase();
  const latest = LATEST_RE.exec(wanted);
  if (latest) {
    const back = Number(latest[1] ?? 0);
    const entry = entries[back];
    if (entry) return entry;
    if (entries.length === 0) throw storeError('not_found', 'cli.store.empty', { ref });
    throw storeError('not_found', 'cli.store.only', { ref, count: entries.length, last: entries.length - 1 });
  }
  if (!HEX_ID_RE.test(wanted)) {
    throw storeError('not_found', 'cli.store.not_an_id', { ref });
  }
  const needle = wanted.replaceAll('-', '');
  if (needle.length < MIN_PREFIX) {
    throw storeError('not_found', 'cli.store.too_short', { ref, min: MIN_PREFIX });
  }
  const matches = entries.filter((e) => e.id.replaceAll('-', '').startsWith(needle));
  const [first, second] = matches;
  if (!first) throw storeError('not_found', 'cli.store.no_such', { ref });
  if (!second) return first;
  const shown = matches.slice(0, 3).map((e) => `${e.id} (${e.taken_at})`);
  const params = { ref, count: matches.length, shown: shown.join(', '), extra: matches.length - 3 };
  throw storeError(
    'ambiguous',
    matches.length > 3 ? 'cli.store.ambiguous_more' : 'cli.store.ambiguous',
    params,
  );
}

/**
 * How many leading characters of the ids (dashes included) tell every id in `ids` apart: what a
 * list view can show so each shown id resolves. Ids taken close together need more than 8.
 */
export function uniquePrefixLength(ids: readonly string[]): number {
  const sorted = [...ids].sort();
  let len = MIN_PREFIX;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] ?? '';
    const b = sorted[i] ?? '';
    let common = 0;
    while (common < a.length && a[common] === b[common]) common++;
    len = Math.max(len, Math.min(common + 1, a.length));
  }
  // A prefix ending in a dash adds nothing over one without it: show the next digit too.
  return sorted.some((id) => id[len - 1] === '-') ? len + 1 : len;
}
