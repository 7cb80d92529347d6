import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SCHEMA_VERSION, Snapshot } from '../../../shared/snapshot/schema.js';
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

/** What the index keeps per snapshot: enough to list and resolve without opening any snapshot. */
export const StoreEntry = z
  .object({
    id: z.string(),
    taken_at: z.iso.datetime({ offset: false }),
    hostname: z.string().nullable(),
    file: z.string().describe('Relative to the store, `/`-separated: YYYY/MM/<id>.json.gz'),
    bytes: z.number().int().nonnegative().describe('Compressed size on disk'),
    sections: z.array(z.string()).describe('Sections with data in the snapshot'),
    errors: z.number().int().nonnegative().describe('Sections that failed'),
  })
  .refine((e) => isSnapshotRelPath(e.file, e.id), { message: 'file does not match id', path: ['file'] });
export type StoreEntry = z.infer<typeof StoreEntry>;

const IndexFile = z.object({ schema_version: z.number().int(), entries: z.array(z.unknown()) });

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

/**
 * The fields of a snapshot file a rebuild checks. Not the full schema: a stored file was validated
 * before it was written and gzip's CRC catches later damage, and full validation would triple
 * the cost of a rebuild; get() still validates everything it returns.
 */
const SnapshotSummary = z.looseObject({
  schema_version: z.literal(SCHEMA_VERSION),
  id: Snapshot.shape.id,
  taken_at: Snapshot.shape.taken_at,
  host: z.looseObject({ hostname: z.string() }).optional(),
  errors: z.array(z.unknown()),
});
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
  let doc: z.infer<typeof IndexFile>;
  try {
    doc = IndexFile.parse(JSON.parse(text), { jitless: true });
  } catch {
    return { state: 'corrupt' };
  }
  if (doc.schema_version > INDEX_VERSION) return { state: 'newer', version: doc.schema_version };
  if (doc.schema_version !== INDEX_VERSION) return { state: 'corrupt' };
  const entries = z.array(StoreEntry).safeParse(doc.entries, { jitless: true });
  return entries.success ? { state: 'ok', entries: sortEntries(entries.data) } : { state: 'corrupt' };
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
    const snapshot = SnapshotSummary.parse(await decodeJson(bytes, path)) as SnapshotSummary;
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
