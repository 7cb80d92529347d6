import { describe, expect, it } from 'vitest';
import { Sessions, checkKey, keyStoreOf } from '../../../electron/server/auth.js';
import { safeJoin } from '../../../electron/server/pages.js';
import {
  bearerToken,
  hashKey,
  hostAllowed,
  keyMatches,
  originAllowed,
  parseCookies,
  parseHost,
  sessionCookie,
} from '../../../electron/server/security.js';
import { isStoreRef } from '../../../electron/server/snapshots.js';

describe('key comparison', () => {
  it('matches only the key whose SHA-256 is stored', () => {
    const h = hashKey('s3cret-key');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(keyMatches('s3cret-key', h)).toBe(true);
    expect(keyMatches('s3cret-kez', h)).toBe(false);
    expect(keyMatches('', h)).toBe(false);
    expect(keyMatches('s3cret-key', 'not-hex')).toBe(false);
  });

  it('reads a Bearer token and nothing else', () => {
    expect(bearerToken('Bearer abc.DEF_1')).toBe('abc.DEF_1');
    expect(bearerToken('bearer   xyz ')).toBe('xyz');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('cookies', () => {
  it('parses a Cookie header, first occurrence wins, quotes and encodings handled', () => {
    const c = parseCookies('a=1; ais_session="x y"; b=%E2%9C%93; a=2; junk; =v; bad=%E0');
    expect(c.get('a')).toBe('1');
    expect(c.get('ais_session')).toBe('x y');
    expect(c.get('b')).toBe('✓');
    expect(c.get('bad')).toBe('%E0');
    expect(c.has('')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it('sets HttpOnly, SameSite=Strict, Path=/ session cookies', () => {
    const c = sessionCookie('abc', 3600);
    expect(c).toMatch(/^ais_session=abc; /);
    expect(c).toContain('HttpOnly');
    expect(c).toContain('SameSite=Strict');
    expect(c).toContain('Path=/');
    expect(c).toContain('Max-Age=3600');
    expect(sessionCookie('abc', 1, true)).toContain('Secure');
  });
});

describe('Host and Origin checks (DNS rebinding, CSRF)', () => {
  it('splits Host headers, IPv6 included', () => {
    expect(parseHost('LocalHost:8780')).toEqual({ name: 'localhost', port: '8780' });
    expect(parseHost('[::1]:80')).toEqual({ name: '::1', port: '80' });
    expect(parseHost('a b')).toBeNull();
    expect(parseHost('user@evil:1')).toBeNull();
  });

  it('allows the bind address and loopback names on the right port only', () => {
    expect(hostAllowed('127.0.0.1:8780', '127.0.0.1', 8780)).toBe(true);
    expect(hostAllowed('localhost:8780', '127.0.0.1', 8780)).toBe(true);
    expect(hostAllowed('[::1]:8780', '127.0.0.1', 8780)).toBe(true);
    expect(hostAllowed('localhost', '127.0.0.1', 8780)).toBe(true);
    expect(hostAllowed('localhost:9999', '127.0.0.1', 8780)).toBe(false);
    expect(hostAllowed('evil.example:8780', '127.0.0.1', 8780)).toBe(false);
    expect(hostAllowed('evil.example', '127.0.0.1', 8780)).toBe(false);
    expect(hostAllowed(undefined, '127.0.0.1', 8780)).toBe(false);
    expect(hostAllowed('10.0.0.5:8780', '10.0.0.5', 8780)).toBe(true);
    expect(hostAllowed('myhost:8780', '0.0.0.0', 8780, ['myhost'])).toBe(true);
    expect(hostAllowed('other:8780', '0.0.0.0', 8780, ['myhost'])).toBe(false);
  });

  it('allows only this server as Origin', () => {
    expect(originAllowed('http://127.0.0.1:8780', '127.0.0.1', 8780)).toBe(true);
    expect(originAllowed('http://localhost:8780', '127.0.0.1', 8780)).toBe(true);
    expect(originAllowed('http://evil.example:8780', '127.0.0.1', 8780)).toBe(false);
    expect(originAllowed('http://127.0.0.1:1234', '127.0.0.1', 8780)).toBe(false);
    expect(originAllowed('null', '127.0.0.1', 8780)).toBe(false);
    expect(originAllowed('file:///x', '127.0.0.1', 8780)).toBe(false);
    expect(originAllowed(undefined, '127.0.0.1', 8780)).toBe(false);
  });
});

describe('sessions', () => {
  it('are random, expire, and can be revoked', () => {
    let now = 1000;
    const s = new Sessions(60_000, 2, () => now);
    const a = s.create();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.valid(a)).toBe(true);
    expect(s.valid('nope')).toBe(false);
    expect(s.valid(undefined)).toBe(false);
    now += 60_001;
    expect(s.valid(a)).toBe(false);
    const b = s.create();
    s.revoke(b);
    expect(s.valid(b)).toBe(false);
    const c = s.create();
    const d = s.create();
    const e = s.create();
    expect([s.valid(c), s.valid(d), s.valid(e)]).toEqual([false, true, true]);
    expect(s.maxAgeS).toBe(60);
  });
});

describe('single-key callers', () => {
  it('treats a bare keyHash as one admin key', () => {
    const auth = { enabled: true, keyHash: hashKey('only-key'), sessions: new Sessions() };
    expect(checkKey(auth, 'only-key')).toBe(true);
    expect(checkKey(auth, 'other')).toBe(false);
    expect(keyStoreOf(auth).verify('only-key')?.scope).toBe('admin');
    expect(checkKey({ enabled: true, sessions: new Sessions() }, 'only-key')).toBe(false);
  });
});

describe('paths and references', () => {
  it('keeps static files inside the root', () => {
    expect(safeJoin('/srv/r', '/assets/a.js')).toBe('/srv/r/assets/a.js');
    expect(safeJoin('/srv/r', '/assets/../../etc/passwd')).toBeNull();
    expect(safeJoin('/srv/r', '/assets/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(safeJoin('/srv/r', '/assets/%00')).toBeNull();
    expect(safeJoin('/srv/r', '/%E0')).toBeNull();
  });

  it('accepts store references but never file paths', () => {
    for (const ok of ['latest', 'latest~3', '0196b7c4', '0196b7c4-8f3a-7cde-9abc-0123456789ab'])
      expect(isStoreRef(ok), ok).toBe(true);
    for (const bad of ['/etc/passwd', '../x.json', 'snap.json', 'latest~', 'C:\\x', ''])
      expect(isStoreRef(bad), bad).toBe(false);
  });
});
