import { readFile, readdir } from '../os/fs-async.js';
import { join } from 'node:path';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { SECTION_NAMES, type SectionName } from '../../../shared/snapshot/sections.js';
import { writeFileAtomic } from './atomic.js';
import { decodeJson } from './file.js';
import {
  INDEX_FILE,
  MONTH_RE,
  SNAPSHOT_FILE_RE,
  YEAR_RE,
  isSnapshotRelPath,
  snapshotRelPath,
} from './paths.js';
import { hasErrno } from './store-error.js';

/** Version of index.json; an index of another version is rebuilt from the files, never trusted. */
export const INDEX_VERSION = 1;

/**
 * What the index keeps per snapshot: enough to list and resolve without opening any snapshot.
 * schemas.ts holds the same shape as a zod schema; {@link parseStoreEntry} checks it without zod,
 * because every save reads the index and must not pay for loading zod (a test keeps the two equal).
 */
export interface StoreEntry {
  id: string;
  /** UTC RFC 3339 (`Z`), as the snapshot's taken_at. */
  taken_at: string;
  hostname: string | null;
  /** Relative to the store, `/`-separated: YYYY/MM/<id>.json.gz. */
  file: string;
  /** Compressed size on disk. */
  bytes: number;
  /** Sections with data in the snapshot. */
  sections: string[];
  /** Sections that failed. */
  errors: number;
}

// zod's z.iso.datetime({ offset: false }): a real calendar date, seconds required, any fraction, `Z`.
const DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const UTC_DATETIME_RE = new RegExp(`^${DATE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$`);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** An index entry as StoreEntrySchema would parse it (unknown keys dropped), or null when it is not one. */
export function parseStoreEntry(v: unknown): StoreEntry | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const e = v as Record<string, unknown>;
  const { id, taken_at, hostname, file, bytes, sections, errors } = e;
  if (typeof id !== 'string' || typeof taken_at !== 'string' || !UTC_DATETIME_RE.test(taken_at)) return null;
  if (hostname !== null && typeof hostname !== 'string') return null;
  if (typeof file !== 'string' || !isCount(bytes) || !isCount(errors)) return null;
  if (!Array.isArray(sections) || !sections.every((s) => typeof s === 'string')) return null;
  if (!isSnapshotRelPath(file, id)) return null;
  return { id, taken_at, hostname, file, bytes, sections: [...(sections as string[])], errors };
}

/** What reading the index found: its entries, or why the files must be scanned instead. */
export type IndexRead =
  | { state: 'ok'; entries: StoreEntry[] }
  | { state: 'missing' | 'corrupt' }
  | { state: 'newer'; version: number };

/** Newest first: by taken_at, then by id (UUIDv7 sorts by creation time). */
export function sortEntries(entries: StoreEntry[]): StoreEntry[] {
  return entries.sort((a, b) =>
    a.taken_at === b.taken_at ? (a.id < b.id ? 1 : -1) : a.taken_at < b.taken_at ? 1 : -1,
  );
}

type SnapshotSummary = Pick<Snapshot, 'id' | 'taken_at'> & {
  host?: { hostname: string } | undefined;
  errors: readonly unknown[];
} & Partial<Record<SectionName, unknown>>;

/** The index entry for a snapshot stored at `file` taking `bytes` on disk. */
export function entryFor(snapshot: SnapshotSummary, file: string, bytes: number): StoreEntry {
  return {
    id: snapshot.id,
    taken_at: snapshot.taken_at,
    hostname: snapshot.host?.hostname ?? null,
    file,
    bytes,
    sections: SECTION_NAMES.filter((name) => snapshot[name] !== undefined),
    errors: snapshot.errors.length,
  };
}

/** Reads index.json; any doubt (torn, hand-edited, unknown version) sends the caller to the files. */
export async function readIndex(dir: string): Promise<IndexRead> {
  let text: string;
  try {
    text = await readFile(join(dir, INDEX_FILE), 'utf8');
  } catch (err) {
    if (hasErrno(err, 'ENOENT', 'ENOTDIR')) return { state: 'missing' };
    throw err;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { state: 'corrupt' };
  }
  if (typeof doc !== 'object' || doc === null) return { state: 'corrupt' };
  const { schema_version: version, entries: raw } = doc as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || !Array.isArray(raw))
    return { state: 'corrupt' };
  if (version > INDEX_VERSION) return { state: 'newer', version };
  if (version !== INDEX_VERSION) return { state: 'corrupt' };
  const entries: StoreEntry[] = [];
  for (const r of raw) {
    const e = parseStoreEntry(r);
    if (!e) return { state: 'corrupt' };
    entries.push(e);
  }
  return { state: 'ok', entries: sortEntries(entries) };
}

/** Replaces index.json atomically: readers see the old index or the new one, never a mix. */
export async function writeIndex(dir: string, entries: StoreEntry[]): Promise<void> {
  const doc = { schema_version: INDEX_VERSION, entries: sortEntries([...entries]) };
  await writeFileAtomic(join(dir, INDEX_FILE), `${JSON.stringify(doc)}\n`);
}

/** Relative paths of the snapshot files in one month folder (`YYYY/MM`); temp files are skipped. */
export async function listMonth(dir: string, month: string): Promise<string[]> {
  const names = await readdirOrEmpty(join(dir, ...month.split('/')));
  return names.filter((n) => SNAPSHOT_FILE_RE.test(n)).map((n) => `${month}/${n}`);
}

/** Every month folder of the store (`YYYY/MM`), oldest first. */
export async function listMonths(dir: string): Promise<string[]> {
  const months: string[] = [];
  for (const year of (await readdirOrEmpty(dir)).filter((n) => YEAR_RE.test(n)).sort()) {
    const inYear = (await readdirOrEmpty(join(dir, year))).filter((n) => MONTH_RE.test(n)).sort();
    months.push(...inYear.map((m) => `${year}/${m}`));
  }
  return months;
}

/**
 * Builds the entry of one snapshot file by reading it whole: the files are the truth, so a file
 * is listed only when it decodes and sits where its id and time say it should.
 * Null for a damaged or misplaced file, which is left alone for a human to look at.
 */
export async function entryFromFile(dir: string, file: string): Promise<StoreEntry | null> {
  const path = join(dir, ...file.split('/'));
  try {
    const bytes = await readFile(path);
    const doc = await decodeJson(bytes, path);
    const snapshot = (await import('./schemas.js')).SnapshotSummary.parse(doc) as SnapshotSummary;
    const entry = entryFor(snapshot, file, bytes.length);
    return file === snapshotRelPath(snapshot.id, snapshot.taken_at) ? entry : null;
  } catch {
    return null;
  }
}

/** Entries of all snapshot files, read a few at a time: the slow path, taken only without an index. */
export async function scanAll(dir: string): Promise<StoreEntry[]> {
  const files: string[] = [];
  for (const month of await listMonths(dir)) files.push(...(await listMonth(dir, month)));
  return entriesFromFiles(dir, files);
}

/** Entries of the given snapshot files; damaged ones are left out. */
export async function entriesFromFiles(dir: string, files: readonly string[]): Promise<StoreEntry[]> {
  const out: StoreEntry[] = [];
  for (let i = 0; i < files.length; i += 8) {
    const batch = await Promise.all(files.slice(i, i + 8).map((f) => entryFromFile(dir, f)));
    for (const e of batch) if (e) out.push(e);
  }
  return sortEntries(out);
}

async function readdirOrEmpty(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (err) {
    if (hasErrno(err, 'ENOENT', 'ENOTDIR')) return [];
    throw err;
  }
}
