import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSecretFile } from '../core/store/atomic.js';
import { hashKey, keyMatches, newKey } from './security.js';

/** Name of the file in the data folder that holds the API key's SHA-256 (never the key). */
export const KEY_HASH_FILE = 'api-key.sha256';

/** Where the server's API key came from, and the key itself only when it was just created. */
export interface ApiKeySource {
  /** SHA-256 (hex) every presented key is compared against. */
  hash: string;
  /** The hash file's path (null when the key comes from the environment). */
  path: string | null;
  /** The new key, set only on the first start: print it once, then forget it. */
  created: string | null;
}

/**
 * The API key of a data folder: `AUTOINFRASNAP_API_KEY` when set; else the stored hash; else a new
 * random key whose hash is written (mode 0600) and which the caller prints exactly once.
 */
export async function ensureApiKey(dataDir: string, envKey: string | undefined): Promise<ApiKeySource> {
  if (envKey !== undefined && envKey !== '') return { hash: hashKey(envKey), path: null, created: null };
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, KEY_HASH_FILE);
  try {
    const stored = (await readFile(path, 'utf8')).trim();
    if (/^[0-9a-f]{64}$/.test(stored)) return { hash: stored, path, created: null };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const key = newKey();
  const hash = hashKey(key);
  await writeSecretFile(path, `${hash}\n`);
  return { hash, path, created: key };
}

/** Browser sessions after a login: random ids in memory, each expiring `ttlMs` after creation. */
export class Sessions {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly ttlMs = 12 * 3600_000,
    private readonly max = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Lifetime of a session in seconds (the cookie's Max-Age). */
  get maxAgeS(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  /** Starts a session and returns its id. */
  create(): string {
    this.sweep();
    if (this.ids.size >= this.max) {
      const oldest = this.ids.keys().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    const id = randomBytes(32).toString('base64url');
    this.ids.set(id, this.now() + this.ttlMs);
    return id;
  }

  /** True while `id` names a live session. */
  valid(id: string | undefined): boolean {
    if (!id) return false;
    const exp = this.ids.get(id);
    if (exp === undefined) return false;
    if (exp <= this.now()) {
      this.ids.delete(id);
      return false;
    }
    return true;
  }

  /** Ends a session. */
  revoke(id: string | undefined): void {
    if (id) this.ids.delete(id);
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, exp] of this.ids) if (exp <= t) this.ids.delete(id);
  }
}

/** Authentication state of a server: the key hash and the sessions. */
export interface Auth {
  enabled: boolean;
  keyHash: string;
  sessions: Sessions;
}

/** True when `key` is the server's API key. */
export function checkKey(auth: Auth, key: string | undefined): boolean {
  return key !== undefined && key.length <= 1024 && keyMatches(key, auth.keyHash);
}
