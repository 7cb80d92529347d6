import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseUtmp } from '../../../../../electron/core/metrics/users/parse.js';
import { UserSession } from '../../../../../shared/snapshot/metrics/users.js';
import { utmpRecord } from './utmp-builder.js';

describe('parseUtmp', () => {
  it('reads USER_PROCESS records and skips the others (boot, run level, login, dead)', () => {
    const buf = Buffer.concat([
      utmpRecord({ type: 2, user: 'reboot', line: '~', sec: 1_700_000_000 }), // BOOT_TIME
      utmpRecord({ type: 1, user: 'runlevel', line: '~' }), // RUN_LVL
      utmpRecord({ type: 6, user: 'LOGIN', line: 'tty1', pid: 700 }), // LOGIN_PROCESS: a getty
      utmpRecord({ type: 7, user: 'alice', line: 'tty1', pid: 701, sec: 1_700_000_100, usec: 250_000 }),
      utmpRecord({ type: 7, user: 'bob', line: 'pts/0', host: '203.0.113.7', pid: 9000, sec: 1_700_000_200 }),
      utmpRecord({ type: 8, user: 'carol', line: 'pts/1', pid: 9100 }), // DEAD_PROCESS: logged out
      utmpRecord({ type: 7, user: 'dave', line: 'pts/2', host: ':0', pid: 9200, sec: 1_700_000_300 }),
    ]);
    const sessions = parseUtmp(buf);
    expect(sessions).toEqual([
      { user: 'alice', terminal: 'tty1', host: null, login_at: '2023-11-14T22:15:00.250Z', pid: 701 },
      {
        user: 'bob',
        terminal: 'pts/0',
        host: '203.0.113.7',
        login_at: '2023-11-14T22:16:40.000Z',
        pid: 9000,
      },
      // :0 is the local X display, not a remote host.
      { user: 'dave', terminal: 'pts/2', host: null, login_at: '2023-11-14T22:18:20.000Z', pid: 9200 },
    ]);
    for (const s of sessions) UserSession.parse(s);
  });

  it('reads fields that fill their whole char[] without a terminating NUL', () => {
    const user = 'u'.repeat(32);
    const line = `pts/${'9'.repeat(28)}`;
    const host = 'h'.repeat(256);
    const [s] = parseUtmp(utmpRecord({ type: 7, user, line, host, sec: 1 }));
    expect(s?.user).toBe(user); // the user field runs straight into host: must stop at 32 bytes
    expect(s?.host).toBe(host);
    expect(s?.terminal).toBe(line);
  });

  it('ignores a trailing partial record and an empty file', () => {
    const one = utmpRecord({ type: 7, user: 'alice', line: 'tty1', sec: 5 });
    expect(parseUtmp(Buffer.concat([one, one.subarray(0, 100)]))).toHaveLength(1);
    expect(parseUtmp(Buffer.alloc(0))).toEqual([]);
  });

  it('reads big-endian records when told to', () => {
    const rec = utmpRecord({ type: 7, user: 'eve', line: 'pts/3', pid: 42, sec: 1_700_000_000 }, false);
    expect(parseUtmp(rec, false)).toEqual([
      { user: 'eve', terminal: 'pts/3', host: null, login_at: '2023-11-14T22:13:20.000Z', pid: 42 },
    ]);
  });
});

// utmp-glibc.bin was written by util-linux's `utmpdump -r < utmp-glibc.txt` on x86_64, i.e. by the
// real glibc struct, so it checks the layout independently of utmp-builder.ts.
const GLIBC_UTMP = fileURLToPath(new URL('../../../../fixtures/users/utmp-glibc.bin', import.meta.url));

describe('parseUtmp on a file written by glibc tools', () => {
  it('finds the two logged-in users among boot, getty and dead records', () => {
    expect(parseUtmp(readFileSync(GLIBC_UTMP))).toEqual([
      {
        user: 'alice',
        terminal: 'pts/0',
        host: '198.51.100.4',
        login_at: '2024-03-01T08:15:30.250Z',
        pid: 1234,
      },
      {
        user: 'bob',
        terminal: 'pts/1',
        host: '2001:db8::7',
        login_at: '2024-03-01T09:00:00.000Z',
        pid: 2345,
      },
    ]);
  });

  it.skipIf(!hasWho())('agrees with who reading the same file', () => {
    const who = execFileSync('who', [GLIBC_UTMP], { encoding: 'utf8' }).trim().split('\n');
    const rows = parseUtmp(readFileSync(GLIBC_UTMP)).map((s) => [s.user, s.terminal]);
    expect(rows).toEqual(who.map((l) => l.split(/\s+/).slice(0, 2)));
  });
});

/** `who` is in coreutils on any Linux; elsewhere the cross-check is skipped. */
function hasWho(): boolean {
  try {
    execFileSync('who', ['--version'], { stdio: 'ignore' });
    return process.platform === 'linux';
  } catch {
    return false;
  }
}
