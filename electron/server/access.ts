import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROUTES, type CommandName } from '../../shared/contract/api.js';
import type { AuditSink } from './audit.js';
import { keyStoreOf, type Auth } from './auth.js';
import { HttpError, sendJson } from './http.js';
import { allows, type KeyStore, type Principal, type Scope } from './keys.js';
import { FailureLimiter, type RateLimitOptions } from './rate-limit.js';
import { SESSION_COOKIE, bearerToken, parseCookies } from './security.js';

/**
 * POST commands that only read (they carry their request in a body): a read key may call them. Every
 * other command that is not a GET changes state and needs an admin key.
 */
export const READ_ONLY_POSTS: ReadonlySet<string> = new Set(['fleet:call']);

/** The scope a contract command needs: GET routes (and READ_ONLY_POSTS) read, the rest admin. */
export function commandScope(name: CommandName): Scope {
  return ROUTES[name].method === 'GET' || READ_ONLY_POSTS.has(name) ? 'read' : 'admin';
}

/** The principal of a server without authentication (--no-auth on loopback). */
const NO_AUTH: Principal = { id: 'none', name: 'no-auth', scope: 'admin', via: 'session' };

/** The address a request came from (the TCP peer; proxies' X-Forwarded-For is not trusted). */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Who a request is, checked once per request: a Bearer key, else a session cookie. A wrong Bearer
 * key counts against the client's address; an address over the limit is refused with a 429 before
 * its key is even looked at.
 */
export class Access {
  readonly keys: KeyStore;
  private readonly limiter: FailureLimiter;
  private failures = 0;

  constructor(
    readonly auth: Auth,
    readonly audit: AuditSink | null,
    limits: RateLimitOptions = {},
  ) {
    this.keys = keyStoreOf(auth);
    this.limiter = new FailureLimiter(limits);
  }

  /** Requests refused for a bad key since start (the /metrics counter). */
  get authFailures(): number {
    return this.failures;
  }

  /** Throws a 429 (with Retry-After) when `addr` made too many failed attempts. */
  checkLimit(addr: string): void {
    const wait = this.limiter.retryAfter(addr);
    if (wait > 0)
      throw new HttpError(
        429,
        'too_many_attempts',
        `too many failed attempts; retry in ${wait} s`,
        undefined,
        { 'Retry-After': String(wait) },
      );
  }

  /** Records a failed attempt of `addr` (a wrong key at login or as Bearer token). */
  fail(addr: string, action: string, path: string): void {
    this.failures++;
    this.limiter.fail(addr);
    this.audit?.write({ action, key: null, addr, path, status: 401 });
  }

  /** Audit-logs one action of `who` (never a body, a key or a cookie). */
  record(
    req: IncomingMessage,
    who: Principal,
    action: string,
    status: number,
    detail?: Record<string, string | number | boolean | null>,
  ): void {
    this.audit?.write({
      action,
      key: who.id,
      scope: who.scope,
      via: who.via,
      addr: clientAddress(req),
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://x').pathname,
      status,
      ...(detail && { detail }),
    });
  }

  /** The principal of a presented key (login form or Bearer token), or null. */
  verify(key: string | undefined): Principal | null {
    return this.keys.verify(key);
  }

  /**
   * The request's principal, or null when it has no valid credentials; `bad` tells whether a wrong
   * Bearer key was presented (as opposed to none at all).
   */
  identify(req: IncomingMessage): { who: Principal | null; bad: boolean } {
    if (!this.auth.enabled) return { who: NO_AUTH, bad: false };
    const addr = clientAddress(req);
    const token = bearerToken(req.headers.authorization);
    if (token !== undefined || req.headers.authorization !== undefined) {
      this.checkLimit(addr);
      const who = token === undefined ? null : this.keys.verify(token);
      if (!who) this.fail(addr, 'auth_failed', new URL(req.url ?? '/', 'http://x').pathname);
      return { who, bad: !who };
    }
    const who = this.auth.sessions.get(parseCookies(req.headers.cookie).get(SESSION_COOKIE));
    return { who, bad: false };
  }
}

/** Sends the 401 of an API request without a valid key. */
export function sendUnauthorized(res: ServerResponse, bad: boolean): void {
  sendJson(
    res,
    401,
    {
      error: {
        code: 'unauthorized',
        message: bad
          ? 'that key is not valid (wrong, revoked or mistyped); send a valid one as Authorization: Bearer KEY'
          : 'sign in or send Authorization: Bearer KEY',
      },
    },
    { 'WWW-Authenticate': bad ? 'Bearer error="invalid_token"' : 'Bearer' },
  );
}

/** Throws the 403 of a principal whose scope does not allow `needed`. */
export function requireScope(who: Principal, needed: Scope): void {
  if (!allows(who.scope, needed))
    throw new HttpError(
      403,
      'forbidden',
      `this needs a key with the ${needed} scope; the key used has the ${who.scope} scope`,
    );
}
