import { randomBytes } from 'node:crypto';
import { KeyStore, type Principal } from './keys.js';

/** A session's owner: the principal of the key it was signed in with. */
type SessionOwner = Omit<Principal, 'via'>;

const ADMIN: SessionOwner = { id: 'key', name: 'key', scope: 'admin' };

/**
 * Browser sessions after a login: random ids in memory, each expiring `ttlMs` after creation and
 * carrying the scope of the key it was made with (a read key signs in to a read session).
 */
export class Sessions {
  private readonly ids = new Map<string, { exp: number; owner: SessionOwner }>();

  constructor(
    private readonly ttlMs = 12 * 3600_000,
    private readonly max = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Lifetime of a session in seconds (the cookie's Max-Age). */
  get maxAgeS(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  /** Starts a session for `owner` (an admin session when not given) and returns its id. */
  create(owner: SessionOwner = ADMIN): string {
    this.sweep();
    if (this.ids.size >= this.max) {
      const oldest = this.ids.keys().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    const id = randomBytes(32).toString('base64url');
    this.ids.set(id, {
      exp: this.now() + this.ttlMs,
      owner: { id: owner.id, name: owner.name, scope: owner.scope },
    });
    return id;
  }

  /** The principal of a live session, or null. */
  get(id: string | undefined): Principal | null {
    if (!id) return null;
    const s = this.ids.get(id);
    if (s === undefined) return null;
    if (s.exp <= this.now()) {
      this.ids.delete(id);
      return null;
    }
    return { ...s.owner, via: 'session' };
  }

  /** True while `id` names a live session. */
  valid(id: string | undefined): boolean {
    return this.get(id) !== null;
  }

  /** Ends a session. */
  revoke(id: string | undefined): void {
    if (id) this.ids.delete(id);
  }

  /** Ends every session signed in with key `keyId` (the key was revoked). */
  revokeKey(keyId: string): void {
    for (const [id, s] of this.ids) if (s.owner.id === keyId) this.ids.delete(id);
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, s] of this.ids) if (s.exp <= t) this.ids.delete(id);
  }
}

/** Authentication state of a server: its keys and the browser sessions. */
export interface Auth {
  enabled: boolean;
  /** The scoped keys (the data folder's keys file plus AUTOINFRASNAP_API_KEY). */
  keys?: KeyStore;
  /** A single admin key's SHA-256 (hex), for callers that have one key and no keys file. */
  keyHash?: string;
  sessions: Sessions;
}

/** The key store of `auth`: its own, or one admin key made from `keyHash`. */
export function keyStoreOf(auth: Auth): KeyStore {
  return (
    auth.keys ?? KeyStore.memory(auth.keyHash ? [{ sha256: auth.keyHash, scope: 'admin', name: 'key' }] : [])
  );
}

/** True when `key` is a valid key of `auth` (any scope). */
export function checkKey(auth: Auth, key: string | undefined): boolean {
  return keyStoreOf(auth).verify(key) !== null;
}
