import { mkdir, open, readdir, rename, rmdir, stat, unlink } from '../os/fs-async.js';
import { basename, dirname, join } from 'node:path';
import { randomHex } from '../os/random.js';
import { sleep } from '../os/timeout.js';
import { hasErrno } from './store-error.js';

/** Snapshots describe the machine: only the user may list the store's folders… */
export const DIR_MODE = 0o700;
/** …or read its files. */
export const FILE_MODE = 0o600;

const TEMP_SUFFIX = '.tmp';

/** True for the temp files atomic writes leave behind after a crash; readers skip them. */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

/** Creates a folder (and missing parents) private to the user; an existing folder keeps its mode. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
}

/**
 * Makes a rename durable. Not every platform can open a folder for fsync (Windows cannot), and there
 * NTFS journals the rename itself, so failures here are ignored.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    if (!hasErrno(err, 'EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF')) throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes a whole file or nothing: a temp file in the same folder (so the rename cannot cross file
 * systems), flushed to disk before it is renamed over the target, then the folder flushed so the
 * new name survives a power cut. A crash leaves at most a dot-named `.tmp` file that readers skip.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomHex(4)}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', FILE_MODE);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

// Windows refuses to replace a file another process has open (a reader, an antivirus scan) with
// EPERM/EACCES/EBUSY for a moment; retrying briefly is what graceful-fs does too.
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      if (process.platform !== 'win32' || attempt >= 10 || !hasErrno(err, 'EPERM', 'EACCES', 'EBUSY'))
        throw err;
      await sleep(10 + attempt * 10);
    }
  }
}

/** Deletes a file; one that is already gone is fine (another process may have pruned it). */
export async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (!hasErrno(err, 'ENOENT')) throw err;
  }
}

/** Deletes temp files older than `maxAgeMs` that crashed writers left in `dir`; younger ones may be in flight. */
export async function removeStaleTemps(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter(isTempName)) {
    const path = join(dir, name);
    try {
      if (now - (await stat(path)).mtimeMs > maxAgeMs) {
        await unlink(path);
        removed++;
      }
    } catch {
      // Renamed or removed meanwhile by its writer or another cleaner: nothing to do.
    }
  }
  return removed;
}

/** Removes a folder if it is empty; a non-empty or vanished one is left as it is. */
export async function removeDirIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}

/** Writes a private file (settings, key hashes, state) atomically, creating its folder with mode 0700. */
export async function writeSecretFile(path: string, data: Uint8Array | string): Promise<void> {
  await ensureDir(dirname(path));
  await writeFileAtomic(path, data);
}
