import { readFileSync } from 'node:fs';
import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import {
  localLoginToIso,
  usersFromSystemInformation,
} from '../../../../../electron/core/metrics/users/sysinfo-map.js';
import { UsersSection } from '../../../../../shared/snapshot/metrics/users.js';

// macOS and Windows cannot run here: these fixtures are constructed from systeminformation's documented
// si.users() output (who + w on macOS, HH:MM times; query user + WMI logon sessions on Windows,
// HH:MM:SS times, no remote address, sometimes no date at all).
function fixture(name: string): Systeminformation.UserData[] {
  return JSON.parse(
    readFileSync(new URL(`../../../../fixtures/users/${name}`, import.meta.url), 'utf8'),
  ) as Systeminformation.UserData[];
}

describe('users from systeminformation', () => {
  it('maps macOS sessions with local login times and remote hosts', () => {
    const sessions = usersFromSystemInformation(fixture('si-darwin.json'));
    UsersSection.parse({ sessions });
    expect(sessions).toEqual([
      {
        user: 'alice',
        terminal: 'console',
        host: null,
        login_at: new Date(2024, 2, 1, 8, 2).toISOString(),
        pid: null,
      },
      {
        user: 'alice',
        terminal: 'ttys000',
        host: null,
        login_at: new Date(2024, 2, 1, 9, 15).toISOString(),
        pid: null,
      },
      {
        user: 'bob',
        terminal: 'ttys001',
        host: '203.0.113.7',
        login_at: new Date(2024, 2, 2, 10, 30).toISOString(),
        pid: null,
      },
    ]);
  });

  it('maps Windows sessions, a missing date giving a null login time', () => {
    const sessions = usersFromSystemInformation(fixture('si-win32.json'));
    expect(sessions.map((s) => [s.user, s.terminal, s.login_at])).toEqual([
      ['Administrator', 'console', new Date(2024, 2, 1, 7, 58, 12).toISOString()],
      ['carol', 'rdp-tcp#0', null],
    ]);
  });

  it('rejects dates it cannot read', () => {
    expect(localLoginToIso('Mar 1', '08:00')).toBeNull();
    expect(localLoginToIso('2024-03-01', 'noon')).toBeNull();
  });
});
