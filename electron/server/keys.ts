import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { userError } from '../core/messages.js';
import { writeSecretFile } from '../core/store/atomic.js';

/** What a key may do: `read` sees everything, `admin` may also change things. */
export const Scope = z.enum(['read', 'admin']);
/** A key's scope. */
export type Scope = z.infer<typeof Scope>;

/** File in the data folder that lists the API keys: SHA-256 hashes only, never a key. */
export const KEYS_FILE = 'api-keys.json';
/** The single-key hash file of earlier versions, migrated to an admin key on start. */
export const LEGACY_KEY_FILE = 'api-key.sha256';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const KeyRecord = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/),
  name: z.string().min(1).max(64),
  scope: Scope,
  sha256: Hex64,
  created: z.number().int(),
  last_used: z.number().int().nullable(),
});
type KeyRecord = z.infer<typeof KeyRecord>;
const KeysFile = z.object({ version: z.literal(1), keys: z.array(KeyRecord) });

/** A key as the API lists it: no secret, no hash. Times are epoch ms. */
export interface KeyInfo {
  id: string;
  name: string;
  scope: Scope;
  created: number;
  last_used: number | null;
}

/** Who made a request: a key (by id), the environment's key, or a browser session of a key. */
export interface Principal {
  id: string;
  name: string;
  scope: Scope;
  via: 'key' | 'env' | 'session';
}

/** Names a user may give a key. */
export const KEY_NAME = /^[\p{L}\p{N} ._-]{1,64}$/u;

/** The id `AUTOINFRASNAP_API_KEY` has in principals and the audit log. */
export const ENV_KEY_ID = 'env';

/** SHA-256 of a key, hex. Keys are 256 random bits, so a fast hash is enough (no dictionary to try). */
export function sha256(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new API key: `ais_` (so secret scanners recognise it) and 256 random bits, base64url. */
export function generateKey(): string {
  return `ais_${randomBytes(32).toString('base64url')}`;
}

/** True when `scope` allows what `needed` asks for (admin includes read). */
export function allows(scope: Scope, needed: Scope): boolean {
  return scope === 'admin' || needed === 'read';
}

/** Options of a key store. */
export interface KeyStoreOptions {
  /** `AUTOINFRASNAP_API_KEY`: an admin key that is never stored. */
  envKey?: string;
  /** How long `last used` times may wait in memory before they are written (default one minute). */
  flushMs?: number;
  /** Make a first admin key when a data folder has none (default true; `serve --new-key` does not). */
  createInitial?: boolean;
  now?: () => number;
}

/** What opening a data folder's keys did (for the start-up lines). */
export interface OpenedKeys {
  store: KeyStore;
  /** A first admin key made now (print or save it once, then forget it). */
  created: string | null;
  /** The legacy hash file that was migrated, if any. */
  migrated: string | null;
}

/**
 * The API keys of a server: hashed records in `<dataDir>/api-keys.json` (0600, written atomically),
 * plus the environment's admin key. A presented key is hashed once and compared in constant time
 * against every record; `last used` is kept in memory and written at most once per `flushMs`.
 */
export class KeyStore {
  private records: KeyRecord[];
  private readonly envHash: Buffer | null;
  private readonly now: () => number;
  private readonly flushMs: number;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string | null,
    records: KeyRecord[],
    opts: KeyStoreOptions,
  ) {
    this.records = records;
    this.envHash = opts.envKey ? Buffer.from(sha256(opts.envKey), 'hex') : null;
    this.now = opts.now ?? Date.now;
    this.flushMs = opts.flushMs ?? 60_000;
  }

  /** A store kept in memory only (tests, embedding): the given keys with their scopes. */
  static memory(
    keys: { key?: string; sha256?: string; scope: Scope; name?: string }[],
    opts: KeyStoreOptions = {},
  ): KeyStore {
    const now = (opts.now ?? Date.now)();
    const records = keys.map((k, i) => ({
      id: randomBytes(6).toString('hex'),
      name: k.name ?? `key ${i + 1}`,
      scope: k.scope,
      sha256: k.sha256 ?? sha256(k.key ?? ''),
      created: now,
      last_used: null,
    }));
    return new KeyStore(null, records, opts);
  }

  /**
   * Opens the keys of `dataDir`: the keys file; else the legacy single hash, migrated to an admin key
   * named "initial"; else (no environment key either) a new admin key, returned once in `created`.
   */
  static async open(dataDir: string, opts: KeyStoreOptions = {}): Promise<OpenedKeys> {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, KEYS_FILE);
    const now = (opts.now ?? Date.now)();
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text !== null) {
      let parsed: z.infer<typeof KeysFile>;
      try {
        parsed = KeysFile.parse(JSON.parse(text));
      } catch (e) {
        const detail =
          e instanceof z.ZodError ? (e.issues[0]?.message ?? 'bad format') : (e as Error).message;
        throw userError('config', 'server.keys.file_bad', { file: path, detail }, e);
      }
      return { store: new KeyStore(path, parsed.keys, opts), created: null, migrated: null };
    }
    const legacy = join(dataDir, LEGACY_KEY_FILE);
    let legacyHash: string | null = null;
    try {
      const v = (await readFile(legacy, 'utf8')).trim();
      if (/^[0-9a-f]{64}$/.test(v)) legacyHash = v;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const store = new KeyStore(path, [], opts);
    let created: string | null = null;
    if (legacyHash !== null) {
      store.records.push({
        id: newId(),
        name: 'initial',
        scope: 'admin',
        sha256: legacyHash,
        created: now,
        last_used: null,
      });
    } else if (!opts.envKey && opts.createInitial !== false) {
      created = generateKey();
      store.records.push({
        id: newId(),
        name: 'initial',
        scope: 'admin',
        sha256: sha256(created),
        created: now,
        last_used: null,
      });
    }
    if (store.records.length > 0) await store.write();
    if (legacyHash !== null) await unlink(legacy).catch(() => undefined);
    return { store, created, migrated: legacyHash !== null ? legacy : null };
  }

  /** Number of stored keys (the environment's key not counted). */
  get size(): number {
    return this.records.length;
  }

  /**
   * The principal a presented key belongs to, or null. The key is hashed once and compared with every
   * record (and the environment's key) with timingSafeEqual, without stopping at a match.
   */
  verify(candidate: string | undefined): Principal | null {
    if (candidate === undefined || candidate === '' || candidate.length > 1024) return null;
    const h = Buffer.from(sha256(candidate), 'hex');
    let found: KeyRecord | null = null;
    for (const r of this.records) if (timingSafeEqual(h, Buffer.from(r.sha256, 'hex')) && !found) found = r;
    const env = this.envHash !== null && timingSafeEqual(h, this.envHash);
    if (env) return { id: ENV_KEY_ID, name: 'AUTOINFRASNAP_API_KEY', scope: 'admin', via: 'env' };
    if (!found) return null;
    found.last_used = this.now();
    this.markDirty();
    return { id: found.id, name: found.name, scope: found.scope, via: 'key' };
  }

  /** True while a key id exists (the environment's key always does while set). */
  has(id: string): boolean {
    return (id === ENV_KEY_ID && this.envHash !== null) || this.records.some((r) => r.id === id);
  }

  /** Every stored key, oldest first, without secrets. */
  list(): KeyInfo[] {
    return this.records.map(({ id, name, scope, created, last_used }) => ({
      id,
      name,
      scope,
      created,
      last_used,
    }));
  }

  /** Makes a key and stores its hash; the key itself is returned this once. */
  async create(name: string, scope: Scope): Promise<{ info: KeyInfo; key: string }> {
    const key = generateKey();
    const r: KeyRecord = {
      id: newId(),
      name,
      scope,
      sha256: sha256(key),
      created: this.now(),
      last_used: null,
    };
    this.records.push(r);
    await this.write();
    return { info: this.list().find((k) => k.id === r.id)!, key };
  }

  /**
   * Revokes a stored key: 'revoked', 'missing', or 'last_admin' when it is the only admin key left and
   * no environment key exists (nobody could manage keys any more).
   */
  async revoke(id: string): Promise<'revoked' | 'missing' | 'last_admin'> {
    const r = this.records.find((k) => k.id === id);
    if (!r) return 'missing';
    const admins = this.records.filter((k) => k.scope === 'admin').length;
    if (r.scope === 'admin' && admins === 1 && this.envHash === null) return 'last_admin';
    this.records = this.records.filter((k) => k.id !== id);
    await this.write();
    return 'revoked';
  }

  /** Writes pending `last used` times (on shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirty) await this.write();
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.timer || this.path === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write().catch(() => undefined);
    }, this.flushMs);
    this.timer.unref();
  }

  private write(): Promise<void> {
    this.dirty = false;
    if (this.path === null) return Promise.resolve();
    const path = this.path;
    const run = (): Promise<void> =>
      writeSecretFile(path, `${JSON.stringify({ version: 1, keys: this.records }, null, 2)}\n`);
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => undefined);
    return p;
  }
}

function newId(): string {
  return randomBytes(6).toString('hex');
}
