import { closeSync, openSync, read, readSync, readdirSync, readlinkSync } from 'node:fs';

/**
 * Fast procfs access for the per-process scans. Measured here on 88 processes, reading every
 * /proc/[pid]/stat took a median 1.0 ms with open/read/close done synchronously, 5 ms with
 * readFileSync, 7 ms with callback readFile and 10–23 ms with fs/promises (each async read is four
 * thread-pool round trips for a file the kernel renders in microseconds). The sync helpers are only
 * used for files whose rendering never waits on another process (stat, status, fd links); callers
 * yield to the event loop between batches so other readers keep progressing.
 */

let buffer = Buffer.allocUnsafe(16 * 1024);

/**
 * Reads a procfs file synchronously into a buffer shared by every call; returns the byte count, or -1
 * when the file is gone or not readable. The bytes are valid until the next call (`procBytes()`); the
 * sampler parses every process's stat from them without making a string of it.
 */
export function readProcBytesSync(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return -1;
  }
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger);
        buffer = bigger;
      }
      // Position null: seq_file renders sequentially, so read from the current offset.
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return length;
      length += n;
    }
  } catch {
    return -1;
  } finally {
    closeSync(fd);
  }
}

/** The buffer the last readProcBytesSync filled (it may be replaced by a bigger one on the next). */
export function procBytes(): Buffer {
  return buffer;
}

/** Reads a procfs file synchronously; null when it is gone or not readable. */
export function readProcFileSync(path: string): string | null {
  const length = readProcBytesSync(path);
  return length < 0 ? null : buffer.toString('utf8', 0, length);
}

/** Why a procfs lookup failed: `vanished` when the process or fd went away, `denied` otherwise. */
export type ProcError = { readonly error: 'vanished' | 'denied' };

/** Classifies an fs error from procfs. */
function procError(e: unknown): ProcError {
  const code = (e as NodeJS.ErrnoException).code;
  return { error: code === 'ENOENT' || code === 'ESRCH' ? 'vanished' : 'denied' };
}

/** Lists a procfs directory synchronously, telling an exited process from one we may not look into. */
export function listProcDirSync(path: string): { readonly names: string[] } | ProcError {
  try {
    return { names: readdirSync(path) };
  } catch (e) {
    return procError(e);
  }
}

/** Resolves a procfs symlink (an fd) synchronously, telling a closed fd from one we may not read. */
export function readProcLinkSync(path: string): { readonly target: string } | ProcError {
  try {
    return { target: readlinkSync(path) };
  } catch (e) {
    return procError(e);
  }
}

/**
 * Reads a file's bytes on the thread pool; null when missing or unreadable (or `signal` aborts between
 * two reads). Used where the rendering can block: /proc/[pid]/cmdline and environ read the target's
 * memory under its mmap lock and can wait as long as that process holds it (why `ps` sometimes hangs),
 * and sysfs attributes call into drivers. Off the main thread, the reader's timeout still fires.
 *
 * Only read(2) goes to the pool, once for most files: open and close run here (opening a procfs or
 * sysfs file renders nothing, and close never waits). fs.readFile would take four or five pool round
 * trips per file (open, fstat, read, read, close), each a wake-up of the event loop.
 */
export function readFileAsync(path: string, signal?: AbortSignal): Promise<string | null> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    let buf = Buffer.allocUnsafe(4096);
    let length = 0;
    const finish = (text: string | null): void => {
      try {
        closeSync(fd);
      } catch {
        // Already closed cannot happen here; a failing close loses nothing we read.
      }
      resolve(text);
    };
    const next = (): void => {
      if (signal?.aborted) return finish(null);
      if (length === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 4);
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      // Position null: procfs and sysfs render sequentially, so read from the current offset.
      read(fd, buf, length, buf.length - length, null, (err, n) => {
        if (err) return finish(null);
        if (n === 0) return finish(buf.toString('utf8', 0, length));
        length += n;
        next();
      });
    };
    next();
  });
}

/** Lets queued I/O callbacks and timers run between synchronous batches. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
