import { readFile, readdir, readlink } from 'node:fs/promises';

/** Reads a small kernel or config file as text; null when it does not exist or cannot be read. */
export async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** Lists a directory; empty when it does not exist or cannot be read. */
export async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
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

/** Numeric entries of a procfs-like directory: the pids. */
export async function listPids(procRoot: string): Promise<number[]> {
  const names = await listDir(procRoot);
  const pids: number[] = [];
  for (const n of names) {
    const c = n.charCodeAt(0);
    if (c >= 48 && c <= 57) pids.push(Number(n));
  }
  return pids;
}
