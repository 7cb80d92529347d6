import { link, open, readFile, rename, stat, unlink } from '../os/fs-async.js';
import { hostname } from 'node:os';
import { randomHex } from '../os/random.js';
import { sleep } from '../os/timeout.js';
import { FILE_MODE } from './atomic.js';
import { fsError, hasErrno, storeError } from './store-error.js';

/** How long to wait for a lock, and when a holder is presumed dead. */
export interface LockOptions {
  /** A lock older than this is broken even if its holder seems alive (pid reuse, another host). */
  staleMs: number;
  /** Give up waiting after this; longer than staleMs so a stale lock is always broken in time. */
  timeoutMs: number;
}

/** Defaults: the critical section (read, merge, write the index) takes milliseconds. */
export const DEFAULT_LOCK: LockOptions = { staleMs: 10_000, timeoutMs: 15_000 };

const EMPTY_LOCK_MS = 2000;

interface Holder {
  pid: number;
  host: string;
  token: string;
  at: string;
}

/**
 * Runs `fn` holding an exclusive lock file (created with O_EXCL, which is atomic on local disks and
 * on NFSv3+). A holder killed mid-way is detected by its pid (same host) or by the lock's age.
 */
export async function withLock<T>(
  path: string,
  fn: () => Promise<T>,
  opts: LockOptions = DEFAULT_LOCK,
): Promise<T> {
  const token = await acquire(path, opts);
  try {
    return await fn();
  } finally {
    await release(path, token);
  }
}

async function acquire(path: string, opts: LockOptions): Promise<string> {
  const me: Holder = { pid: process.pid, host: hostname(), token: randomHex(8), at: '' };
  const deadline = Date.now() + opts.timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx', FILE_MODE);
      try {
        await handle.writeFile(JSON.stringify({ ...me, at: new Date().toISOString() }));
      } finally {
        await handle.close();
      }
      return me.token;
    } catch (err) {
      if (!hasErrno(err, 'EEXIST')) throw fsError(err, `cannot create lock ${path}`);
    }
    if (await breakIfStale(path, opts.staleMs)) continue;
    if (Date.now() >= deadline) {
      const holder = parseHolder(await readFile(path, 'utf8').catch(() => ''));
      const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.at}` : 'another process';
      throw storeError('io', 'cli.store.locked', { who, path });
    }
    // Jittered backoff so two waiters do not retry in lockstep.
    await sleep(Math.min(50, 2 + attempt * 2) * (0.5 + Math.random()));
  }
}

/** Removes a dead holder's lock; true when the lock is gone (the caller retries at once). */
async function breakIfStale(path: string, staleMs: number): Promise<boolean> {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(path)).mtimeMs;
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (hasErrno(err, 'ENOENT')) return true;
    throw err;
  }
  const holder = parseHolder(text);
  const age = Date.now() - mtimeMs;
  // An unreadable lock is normally one being written this instant (a few bytes, microseconds):
  // one still unreadable after a couple of seconds lost its writer between create and write.
  const dead = holder
    ? holder.host === hostname() && !pidAlive(holder.pid)
    : age > Math.min(staleMs, EMPTY_LOCK_MS);
  if (!dead && age <= staleMs) return false;
  // Rename first so that of several waiters judging the same lock stale, exactly one removes it.
  const aside = `${path}.${randomHex(4)}.stale`;
  try {
    await rename(path, aside);
  } catch (err) {
    if (hasErrno(err, 'ENOENT')) return true;
    throw err;
  }
  const moved = await readFile(aside, 'utf8').catch(() => text);
  // Between our read and rename another waiter may have broken the lock and taken a fresh one:
  // put that one back unless yet another lock exists already.
  if (moved !== text) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return true;
}

async function release(path: string, token: string): Promise<void> {
  const holder = parseHolder(await readFile(path, 'utf8').catch(() => ''));
  // Someone judged us stale and took over: their lock is not ours to delete.
  if (holder?.token !== token) return;
  await unlink(path).catch(() => undefined);
}

function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    // pid 0 or negative would address a process group in process.kill: never trust one.
    if (
      Number.isInteger(h.pid) &&
      (h.pid as number) > 0 &&
      typeof h.host === 'string' &&
      typeof h.token === 'string'
    ) {
      return { pid: h.pid as number, host: h.host, token: h.token, at: String(h.at) };
    }
  } catch {
    // Empty or half-written: treated as unknown holder.
  }
  return null;
}

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return hasErrno(err, 'EPERM');
  }
}
