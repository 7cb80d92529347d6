import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the session cookie the login form sets. */
export const SESSION_COOKIE = 'ais_session';

/** The Content-Security-Policy of every HTML page the server sends. */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Headers every response carries. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer, browsers send `Origin: null` on same-origin form posts.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** The SHA-256 of a key, hex: the only form of the API key kept on disk. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random API key (256 bits, base64url). */
export function newKey(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `candidate` hashes to `storedHash`; constant time in the candidate's content. */
export function keyMatches(candidate: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(candidate), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Parses a Cookie header into name → value (first occurrence wins; bad encodings kept raw). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value
    }
    if (name && !out.has(name)) out.set(name, value);
  }
  return out;
}

/** The Bearer token of an Authorization header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}

/** Splits a Host header into host name (lower case, no brackets) and port. */
export function parseHost(header: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!m) return null;
  return { name: m[1]!.replace(/^\[|\]$/g, '').toLowerCase(), port: m[2] ?? null };
}

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * True when a Host header names this server: the bind address or a loopback name, and the port it
 * listens on. Anything else (a DNS-rebinding page's own name) is refused. A wildcard bind (0.0.0.0,
 * ::) also allows the names in `extra` (e.g. the machine's hostname and addresses).
 */
export function hostAllowed(
  header: string | undefined,
  bind: string,
  port: number,
  extra: readonly string[] = [],
): boolean {
  if (!header) return false;
  const h = parseHost(header);
  if (!h) return false;
  if (h.port !== null && Number(h.port) !== port) return false;
  const name = h.name.replace(/\.$/, '');
  const bindName = bind.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === bindName || LOCAL_NAMES.has(name) || name.endsWith('.localhost')) return true;
  return extra.some((e) => e.toLowerCase() === name);
}

/** True when an Origin header is this server's own origin (same host check, http(s) scheme). */
export function originAllowed(
  origin: string | undefined,
  bind: string,
  port: number,
  extra: readonly string[] = [],
): boolean {
  if (!origin) return false;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const effectivePort = u.port || (u.protocol === 'https:' ? '443' : '80');
  return hostAllowed(`${u.hostname}:${effectivePort}`, bind, port, extra);
}

/** The Set-Cookie value of a session (HttpOnly, SameSite=Strict, Path=/); `maxAgeS` 0 clears it. */
export function sessionCookie(id: string, maxAgeS: number, secure = false): string {
  const attrs = [`${SESSION_COOKIE}=${id}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeS}`];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}
