import { readFileSync, statSync } from 'node:fs';

/** Maps uids to user names from the text of /etc/passwd; the first entry of a uid wins, as in getpwuid. */
export function parsePasswd(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [name, , uid] = line.split(':', 3);
    const n = Number(uid);
    if (name && uid !== undefined && uid !== '' && Number.isInteger(n) && !names.has(n)) names.set(n, name);
  }
  return names;
}

/** The parsed file and the mtime it was parsed at, so a long-running tray app sees new users. */
let cache: { path: string; mtimeMs: number; names: Map<number, string> } | undefined;

/**
 * uid → name lookup from a passwd file, re-read only when the file changed; empty when unreadable.
 * Synchronous: a stat of a local file every sampler tick costs microseconds on the main thread, less
 * than the thread-pool round trip an asynchronous one would be.
 */
export function userNames(path = '/etc/passwd'): ReadonlyMap<number, string> {
  try {
    const { mtimeMs } = statSync(path);
    if (cache?.path === path && cache.mtimeMs === mtimeMs) return cache.names;
    const names = parsePasswd(readFileSync(path, 'utf8'));
    cache = { path, mtimeMs, names };
    return names;
  } catch {
    return new Map();
  }
}

/** A uid's user name, or the uid itself as text when no passwd entry names it (LDAP, containers). */
export function userName(names: ReadonlyMap<number, string>, uid: number | null): string | null {
  if (uid === null) return null;
  return names.get(uid) ?? String(uid);
}
