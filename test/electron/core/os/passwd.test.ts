import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePasswd, userName, userNames } from '../../../../electron/core/os/passwd.js';

const dir = mkdtempSync(join(tmpdir(), 'ais-passwd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('passwd', () => {
  it('maps uids to names, first entry wins, comments and blanks skipped', () => {
    const names = parsePasswd(
      'root:x:0:0::/root:/bin/sh\n# x:x:5:5\n\nalice:x:1000:1000::/h:/bin/sh\ntoor:x:0:0::/:/bin/sh\n',
    );
    expect([...names]).toEqual([
      [0, 'root'],
      [1000, 'alice'],
    ]);
  });

  it('falls back to the numeric uid when no entry names it', () => {
    const names = parsePasswd('root:x:0:0::/root:/bin/sh\n');
    expect(userName(names, 0)).toBe('root');
    expect(userName(names, 4321)).toBe('4321');
    expect(userName(names, null)).toBeNull();
  });

  it('re-reads the file when it changes and is empty when it cannot be read', () => {
    const path = join(dir, 'passwd');
    writeFileSync(path, 'bob:x:1001:1001::/h:/bin/sh\n');
    utimesSync(path, 1_000_000, 1_000_000);
    expect(userNames(path).get(1001)).toBe('bob');
    writeFileSync(path, 'carol:x:1001:1001::/h:/bin/sh\n');
    utimesSync(path, 2_000_000, 2_000_000);
    expect(userNames(path).get(1001)).toBe('carol');
    expect(userNames(join(dir, 'missing')).size).toBe(0);
  });
});
