import type { StoreEntry } from './index-file.js';

/** How many snapshots to keep and for how long; whichever limit is hit first removes a snapshot. */
export interface RetentionPolicy {
  /** Keep at most this many snapshots (newest first); Infinity keeps any number. */
  maxCount: number;
  /** Remove snapshots taken more than this many days ago; 0 (as in the settings) or Infinity: never. */
  maxAgeDays: number;
}

/** Defaults: a snapshot every 5 minutes for ~40 hours, or a few a day for 90 days, in ~25 MB. */
export const DEFAULT_RETENTION: RetentionPolicy = { maxCount: 500, maxAgeDays: 90 };

const DAY_MS = 86_400_000;

/** Fills in defaults and rejects limits that would delete everything (a count of 0, negatives, NaN). */
export function resolveRetention(over: Partial<RetentionPolicy> = {}): RetentionPolicy {
  const policy = { ...DEFAULT_RETENTION, ...stripUndefined(over) };
  if (!(policy.maxCount >= 1) || (Number.isFinite(policy.maxCount) && !Number.isInteger(policy.maxCount))) {
    throw new RangeError(`retention maxCount must be a whole number ≥ 1 (got ${policy.maxCount})`);
  }
  if (!(policy.maxAgeDays >= 0)) {
    throw new RangeError(`retention maxAgeDays must be ≥ 0 (got ${policy.maxAgeDays})`);
  }
  return policy.maxAgeDays === 0 ? { ...policy, maxAgeDays: Infinity } : policy;
}

/**
 * The entries retention removes from `entries` (sorted newest first) at time `now`. `keep` is
 * exempt: a save never deletes the very snapshot it stored (an import of an old one, say);
 * the next save or prune will, if it is still out of policy then.
 */
export function expiredEntries(
  entries: readonly StoreEntry[],
  policy: RetentionPolicy,
  now: number,
  keep?: string,
): StoreEntry[] {
  const cutoff = now - policy.maxAgeDays * DAY_MS;
  const expired: StoreEntry[] = [];
  let kept = 0;
  for (const entry of entries) {
    if (entry.id === keep) {
      kept++;
      continue;
    }
    if (kept >= policy.maxCount || Date.parse(entry.taken_at) < cutoff) expired.push(entry);
    else kept++;
  }
  return expired;
}

function stripUndefined(over: Partial<RetentionPolicy>): Partial<RetentionPolicy> {
  const out: Partial<RetentionPolicy> = {};
  if (over.maxCount !== undefined) out.maxCount = over.maxCount;
  if (over.maxAgeDays !== undefined) out.maxAgeDays = over.maxAgeDays;
  return out;
}
