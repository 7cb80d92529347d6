import * as fs from 'node:fs';
import { promisify } from 'node:util';

/**
 * Promise versions of the callback `node:fs` functions the core uses, instead of `node:fs/promises`.
 * Loading fs/promises costs every process ~2 ms of Node internals (it pulls in readline and streams
 * for FileHandle.readLines), which `snap` pays on each run; and its readFile is a FileHandle dance of
 * several thread-pool round trips per file where the callback one is fewer (measured in
 * os/proc-read.ts). A lint rule keeps fs/promises out of electron/core and electron/cli.
 *
 * A one-shot command can switch them to the synchronous calls (useSynchronousFs): `snap` saves a
 * snapshot through some twenty small file operations (lock, index, temp file, fsync, rename), each a
 * thread-pool round trip and a wake-up of the event loop when asynchronous, for nothing: the process
 * has nothing else to do meanwhile. Long-running processes (the app, `serve`) never switch. statfs is
 * not switched: on a network mount it can hang, and only the asynchronous call lets a timeout fire.
 */
let synchronous = false;

/** Makes the functions below do their I/O synchronously (for one-shot CLI commands only). */
export function useSynchronousFs(on = true): void {
  synchronous = on;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads are re-typed by `as F`
type AnyFn = (...args: any[]) => any;

/**
 * The promisified `callback` function, or the `sync` one wrapped in a promise while synchronous
 * mode is on. promisify runs on first use: most processes use few of these.
 */
function dual<F extends AnyFn>(callback: AnyFn, sync: AnyFn | null): F {
  let promised: AnyFn | undefined;
  return ((...args: unknown[]): Promise<unknown> => {
    if (!synchronous || !sync)
      return (promised ??= promisify(callback) as AnyFn)(...args) as Promise<unknown>;
    try {
      return Promise.resolve(sync(...args));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }) as F;
}

export const readFile = dual<typeof fs.readFile.__promisify__>(fs.readFile, fs.readFileSync);
export const writeFile = dual<typeof fs.writeFile.__promisify__>(fs.writeFile, fs.writeFileSync);
export const appendFile = dual<typeof fs.appendFile.__promisify__>(fs.appendFile, fs.appendFileSync);
export const readdir = dual<typeof fs.readdir.__promisify__>(fs.readdir, fs.readdirSync);
export const readlink = dual<typeof fs.readlink.__promisify__>(fs.readlink, fs.readlinkSync);
export const stat = dual<typeof fs.stat.__promisify__>(fs.stat, fs.statSync);
export const access = dual<typeof fs.access.__promisify__>(fs.access, fs.accessSync);
export const mkdir = dual<typeof fs.mkdir.__promisify__>(fs.mkdir, fs.mkdirSync);
export const rename = dual<typeof fs.rename.__promisify__>(fs.rename, fs.renameSync);
export const unlink = dual<typeof fs.unlink.__promisify__>(fs.unlink, fs.unlinkSync);
export const rmdir = dual<typeof fs.rmdir.__promisify__>(fs.rmdir, fs.rmdirSync);
export const link = dual<typeof fs.link.__promisify__>(fs.link, fs.linkSync);
export const chmod = dual<typeof fs.chmod.__promisify__>(fs.chmod, fs.chmodSync);
/** Always asynchronous (see above). */
export const statfs = dual<typeof fs.statfs.__promisify__>(fs.statfs, null);

const openFd = dual<(path: string, flags: string, mode?: number) => Promise<number>>(fs.open, fs.openSync);
const writeFd = dual<(fd: number, data: Uint8Array | string) => Promise<void>>(
  fs.writeFile,
  fs.writeFileSync,
);
const fsyncFd = dual<(fd: number) => Promise<void>>(fs.fsync, fs.fsyncSync);
const closeFd = dual<(fd: number) => Promise<void>>(fs.close, fs.closeSync);

/** The few FileHandle operations the core needs, on a plain file descriptor. */
export interface FdHandle {
  readonly fd: number;
  /** Writes all of `data` at the current position. */
  writeFile(data: Uint8Array | string): Promise<void>;
  /** fsync(2). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a file (or a folder, for fsync) as fs/promises' open does, without loading fs/promises. */
export async function open(path: string, flags: string, mode?: number): Promise<FdHandle> {
  const fd = await openFd(path, flags, mode);
  return {
    fd,
    writeFile: (data) => writeFd(fd, data),
    sync: () => fsyncFd(fd),
    close: () => closeFd(fd),
  };
}
