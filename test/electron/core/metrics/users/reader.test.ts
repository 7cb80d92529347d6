import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseUtmp } from '../../../../../electron/core/metrics/users/parse.js';
import { reader, readUtmpSessions, UTMP_PATHS } from '../../../../../electron/core/metrics/users/reader.js';
import { UsersSection } from '../../../../../shared/snapshot/metrics/users.js';
import { testContext } from '../../../../helpers/context.js';
import { utmpRecord } from './utmp-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'ais-utmp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const realUtmp = UTMP_PATHS.find((p) => existsSync(p));

describe('users reader', () => {
  it('reads the first utmp file that exists', async () => {
    const path = join(dir, 'utmp');
    writeFileSync(
      path,
      Buffer.concat([
        utmpRecord({ type: 6, user: 'LOGIN', line: 'tty1' }),
        utmpRecord({
          type: 7,
          user: 'alice',
          line: 'pts/0',
          host: '198.51.100.4',
          pid: 321,
          sec: 1_700_000_000,
        }),
      ]),
    );
    const s = UsersSection.parse(await readUtmpSessions([join(dir, 'missing'), path]));
    expect(s.sessions).toEqual([
      {
        user: 'alice',
        terminal: 'pts/0',
        host: '198.51.100.4',
        login_at: '2023-11-14T22:13:20.000Z',
        pid: 321,
      },
    ]);
  });

  it('gives no sessions when there is no utmp at all', async () => {
    expect(await readUtmpSessions([join(dir, 'nope'), join(dir, 'nope2')])).toEqual({ sessions: [] });
  });

  it.skipIf(process.platform !== 'linux')('validates on this machine', async () => {
    const s = UsersSection.parse(await reader.collect(testContext(), undefined));
    if (!realUtmp) expect(s.sessions).toEqual([]);
  });

  // This machine has no utmp (a container); on one that does, the parser must agree with `who`.
  it.skipIf(!realUtmp)('agrees with who on the real utmp', () => {
    const sessions = parseUtmp(readFileSync(realUtmp!));
    const who = execFileSync('who', [], { encoding: 'utf8' }).trim();
    const whoUsers = who === '' ? [] : who.split('\n').map((l) => l.split(/\s+/)[0]);
    expect(sessions.map((s) => s.user).sort()).toEqual(whoUsers.sort());
  });
});
