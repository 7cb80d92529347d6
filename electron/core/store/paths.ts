import { posix, win32 } from 'node:path';
import { userDataDir } from '../paths.js';

/** Name of the index file in the store's root. */
export const INDEX_FILE = 'index.json';

/** Name of the lock file guarding index updates. */
export const LOCK_FILE = 'index.lock';

/** A stored snapshot's file name: its id, so the name alone says which snapshot it holds. */
export const SNAPSHOT_FILE_RE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json\.gz$/;

/** Shard folder names: four-digit year, two-digit month. */
export const YEAR_RE = /^\d{4}$/;
/** See YEAR_RE. */
export const MONTH_RE = /^\d{2}$/;

/**
 * Where a snapshot lives, relative to the store, always with `/` so the index is portable:
 * `YYYY/MM/<id>.json.gz`, the month of its UTC `taken_at` (the schema requires a `Z` timestamp).
 */
export function snapshotRelPath(id: string, takenAt: string): string {
  return `${takenAt.slice(0, 4)}/${takenAt.slice(5, 7)}/${id}.json.gz`;
}

/** True when `file` is exactly where the snapshot `id` must live: a tampered index cannot point elsewhere. */
export function isSnapshotRelPath(file: string, id: string): boolean {
  const parts = file.split('/');
  return (
    parts.length === 3 &&
    YEAR_RE.test(parts[0] ?? '') &&
    MONTH_RE.test(parts[1] ?? '') &&
    parts[2] === `${id}.json.gz` &&
    SNAPSHOT_FILE_RE.test(parts[2])
  );
}

/** The default store folder: `snapshots` inside the app's user-data folder (see {@link userDataDir}). */
export function defaultStoreDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  homedir: string,
): string {
  return (platform === 'win32' ? win32 : posix).join(userDataDir(env, platform, homedir), 'snapshots');
}
