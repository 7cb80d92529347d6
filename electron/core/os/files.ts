import { readdirSync } from 'node:fs';
import { readdir, readlink } from './fs-async.js';
import { readFileAsync } from './proc-read.js';

/**
 * Reads a small kernel or config file as text; null when it does not exist or cannot be read. One
 * thread-pool round trip per file (see readFileAsync), so a sysfs attribute whose driver is slow, or
 * a procfs file that waits on another process, never blocks the event loop.
 */
export function readText(path: string): Promise<string | null> {
  return readFileAsync(path);
}

/** Lists a directory; empty when it does not exist or cannot be read. */
export async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch {
    return [];
  }
}

/**
 * Lists a directory synchronously; empty when it does not exist or cannot be read. For sysfs class
 * folders (hwmon, thermal, power_supply), which the kernel lists from memory: only their attribute
 * files can be slow to read (ACPI, I2C), so those stay asynchronous.
 */
export function listDirSync(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Resolves a symlink; null when it cannot be read (gone, or not ours to read). */
export async function readLink(path: string): Promise<string | null> {
  try {
    return await readlink(path);
  } catch {
    return null;
  }
}

/**
 * Numeric entries of a procfs-like directory: the pids; empty when it cannot be read. Synchronous:
 * procfs lists its pids from the kernel's own table, and an async readdir would be a thread-pool
 * round trip on every sampler tick.
 */
export function listPidsSync(procRoot: string): number[] {
  const pids: number[] = [];
  for (const n of listDirSync(procRoot)) {
    const c = n.charCodeAt(0);
    if (c >= 48 && c <= 57) pids.push(Number(n));
  }
  return pids;
}
