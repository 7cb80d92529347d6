import { readFile, stat } from '../os/fs-async.js';
import { join, resolve } from 'node:path';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { ensureDir, removeDirIfEmpty, removeFile, removeStaleTemps, writeFileAtomic } from './atomic.js';
import { decodeSnapshot, encodeSnapshot, validateSnapshot } from './file.js';
import {
  type StoreEntry,
  entriesFromFiles,
  entryFor,
  listMonth,
  readIndex,
  scanAll,
  sortEntries,
  writeIndex,
} from './index-file.js';
import { DEFAULT_LOCK, type LockOptions, withLock } from './lock.js';
import { LOCK_FILE, snapshotRelPath } from './paths.js';
import { resolveRef } from './resolve.js';
import { type RetentionPolicy, expiredEntries, resolveRetention } from './retention.js';
import { StoreError, fsError, hasErrno } from './store-error.js';

/** Options of one {@link SnapshotStore.save}. */
export interface SaveOptions {
  /**
   * The snapshot comes straight from takeSnapshot, which validated every section and built the rest
   * itself: skip validating it again (and loading zod to do so). Anything read from outside — a file,
   * a request body — must be validated.
   */
  validated?: boolean;
}

/** Options of a store; tests inject the clock and shorten the lock timings. */
export interface SnapshotStoreOptions {
  retention?: Partial<RetentionPolicy>;
  /** Milliseconds since the epoch; retention measures ages against it. */
  now?: () => number;
  lock?: Partial<LockOptions>;
}

// A temp file this old has no live writer: a save takes milliseconds.
const TEMP_MAX_AGE_MS = 10 * 60_000;

/**
 * Snapshots on disk as `<dir>/YYYY/MM/<id>.json.gz`, with `<dir>/index.json` as a cache for fast
 * list/resolve. The files are the truth: a missing or damaged index is rebuilt from them.
 * Month folders rather than one flat folder: a raised retention (a snapshot a minute for 90 days
 * is 130k files) keeps every folder small, a save reconciles just its own month cheaply, and the
 * tree reads well in a file manager and as S3 keys. Safe for several processes at once (tray app,
 * CLI, scheduled runs) through a lock file around each index update.
 */
export class SnapshotStore {
  /** Absolute path of the store folder. */
  readonly dir: string;
  /** The retention applied after each save and by prune(). */
  readonly retention: RetentionPolicy;
  private readonly now: () => number;
  private readonly lock: LockOptions;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(dir: string, opts: SnapshotStoreOptions = {}) {
    this.dir = resolve(dir);
    this.retention = resolveRetention(opts.retention);
    this.now = opts.now ?? Date.now;
    this.lock = { ...DEFAULT_LOCK, ...opts.lock };
  }

  /** Stores a snapshot (file first, then index), applies retention, returns its index entry. */
  async save(snapshot: Snapshot, opts: SaveOptions = {}): Promise<StoreEntry> {
    const valid = opts.validated
      ? snapshot
      : await validateSnapshot(snapshot, `cannot save snapshot ${String(snapshot.id)}`);
    const file = snapshotRelPath(valid.id, valid.taken_at);
    const month = file.slice(0, 7);
    // The file is compressed and written while the lock is taken and the index read: both are chains
    // of small I/O waits, and only the index write has to come after the file is durable. Both wait
    // for the month folder, which holds the file and whose parent holds the lock.
    const ready = ensureDir(join(this.dir, ...month.split('/')));
    const written = ready.then(async () => {
      const bytes = await encodeSnapshot(valid);
      await this.writeSnapshotFile(file, bytes);
      return entryFor(valid, file, bytes.length);
    });
    written.catch(() => undefined); // awaited below; this only keeps an early failure handled
    try {
      await ready;
      return await this.exclusive(async () => {
        const [entries, entry] = await Promise.all([
          this.loadForUpdate().then((loaded) => this.reconcileMonth(loaded, month, valid.id)),
          written,
        ]);
        await this.commit([...entries.filter((e) => e.id !== entry.id), entry], valid.id);
        return entry;
      });
    } catch (err) {
      // A failed lock must not leave the file half written when the caller exits on the error.
      await written.catch(() => undefined);
      throw fsError(err, `cannot save snapshot ${valid.id} in ${this.dir}`, 'io');
    }
  }

  /** Every stored snapshot, newest first; reads only the index (rebuilt first if it is unusable). */
  async list(): Promise<StoreEntry[]> {
    const read = await readIndex(this.dir).catch((err: unknown) => {
      throw fsError(err, `cannot read the index of ${this.dir}`, 'io');
    });
    if (read.state === 'ok') return read.entries;
    const rebuilt = await scanAll(this.dir);
    if (read.state === 'newer' || (read.state === 'missing' && rebuilt.length === 0)) return rebuilt;
    // Best effort: a read-only store or a busy lock still gets its listing, just not a saved index.
    try {
      return await withLock(this.lockPath, () => this.rebuildLocked(), { ...this.lock, timeoutMs: 1000 });
    } catch {
      return rebuilt;
    }
  }

  /** The entry for `latest`, `latest~N`, a full id or a unique id prefix (≥ 8 characters). */
  async resolve(ref: string): Promise<StoreEntry> {
    return resolveRef(await this.list(), ref);
  }

  /** Reads one snapshot back, validated; a damaged file is a StoreError 'corrupt' naming it. */
  async get(ref: string): Promise<Snapshot> {
    const entry = await this.resolve(ref);
    const path = this.filePath(entry);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if (!hasErrno(err, 'ENOENT')) throw fsError(err, `cannot read ${path}`);
      throw new StoreError('not_found', `snapshot ${entry.id} is in the index but ${path} is gone`);
    }
    const snapshot = await decodeSnapshot(bytes, path);
    if (snapshot.id !== entry.id) {
      throw new StoreError('corrupt', `${path}: holds snapshot ${snapshot.id}, expected ${entry.id}`);
    }
    return snapshot;
  }

  /** Applies retention now (it also runs after every save). */
  async prune(): Promise<{ removed: number }> {
    if (!(await exists(this.dir))) return { removed: 0 };
    try {
      return await this.exclusive(async () => this.commit(await this.loadForUpdate()));
    } catch (err) {
      throw fsError(err, `cannot prune ${this.dir}`, 'io');
    }
  }

  /** Rebuilds index.json from the snapshot files (a repair for a hand-edited or stale index). */
  async rebuildIndex(): Promise<StoreEntry[]> {
    if (!(await exists(this.dir))) return [];
    return this.exclusive(() => this.rebuildLocked(true));
  }

  /** Absolute path of an entry's snapshot file (e.g. to upload it as is). */
  filePath(entry: StoreEntry): string {
    return join(this.dir, ...entry.file.split('/'));
  }

  private get lockPath(): string {
    return join(this.dir, LOCK_FILE);
  }

  // The snapshot file is complete and durable before any index mentions it.
  private async writeSnapshotFile(file: string, bytes: Buffer): Promise<void> {
    const path = join(this.dir, ...file.split('/'));
    await ensureDir(join(path, '..'));
    try {
      await writeFileAtomic(path, bytes);
    } catch (err) {
      // A concurrent prune may remove the month folder the moment it becomes empty: recreate it once.
      if (!hasErrno(err, 'ENOENT')) throw err;
      await ensureDir(join(path, '..'));
      await writeFileAtomic(path, bytes);
    }
  }

  // One index update at a time in this process; the lock file covers the other processes.
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => withLock(this.lockPath, fn, this.lock));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async loadForUpdate(): Promise<StoreEntry[]> {
    const read = await readIndex(this.dir);
    return read.state === 'ok' ? read.entries : scanAll(this.dir);
  }

  private async rebuildLocked(force = false): Promise<StoreEntry[]> {
    // Another process may have written a good index while this one waited for the lock.
    const read = force ? null : await readIndex(this.dir);
    if (read?.state === 'ok') return read.entries;
    const entries = await scanAll(this.dir);
    await writeIndex(this.dir, entries);
    return entries;
  }

  /**
   * Brings the index in line with the files of one month: adds snapshots whose writer died between
   * renaming the file and updating the index, drops entries whose file is gone. Cheap (one folder)
   * and covers the month a crash in a loop of saves leaves behind.
   */
  private async reconcileMonth(entries: StoreEntry[], month: string, saving: string): Promise<StoreEntry[]> {
    const monthDir = join(this.dir, ...month.split('/'));
    await removeStaleTemps(monthDir, TEMP_MAX_AGE_MS, this.now());
    await removeStaleTemps(this.dir, TEMP_MAX_AGE_MS, this.now());
    const onDisk = new Set(await listMonth(this.dir, month));
    const known = new Set(entries.map((e) => e.file));
    const kept = entries.filter((e) => !e.file.startsWith(`${month}/`) || onDisk.has(e.file));
    const orphans = [...onDisk].filter((f) => !known.has(f) && !f.endsWith(`/${saving}.json.gz`));
    return orphans.length === 0 ? kept : [...kept, ...(await entriesFromFiles(this.dir, orphans))];
  }

  // Index first, then files: a crash in between leaves unlisted files, never listed missing ones.
  private async commit(entries: StoreEntry[], keep?: string): Promise<{ removed: number }> {
    const sorted = sortEntries(entries);
    const expired = expiredEntries(sorted, this.retention, this.now(), keep);
    const gone = new Set(expired.map((e) => e.id));
    await writeIndex(
      this.dir,
      sorted.filter((e) => !gone.has(e.id)),
    );
    const months = new Set<string>();
    for (const e of expired) {
      await removeFile(this.filePath(e)).catch(() => undefined);
      months.add(e.file.slice(0, 7));
    }
    for (const m of months) {
      await removeDirIfEmpty(join(this.dir, ...m.split('/')));
      await removeDirIfEmpty(join(this.dir, m.slice(0, 4)));
    }
    return { removed: expired.length };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
