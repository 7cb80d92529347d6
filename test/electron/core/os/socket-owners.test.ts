import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSocketOwners } from '../../../../electron/core/os/socket-owners.js';

const root = mkdtempSync(join(tmpdir(), 'ais-fds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fake /proc/[pid]/fd whose links point where the kernel's would. */
function fds(pid: number, targets: string[]): void {
  mkdirSync(join(root, String(pid), 'fd'), { recursive: true });
  targets.forEach((t, i) => symlinkSync(t, join(root, String(pid), 'fd', String(i))));
}

fds(10, ['/dev/null', 'pipe:[5]', 'socket:[100]']);
fds(11, ['socket:[200]', 'socket:[100]']); // inherited 100 from 10 after fork
fds(12, ['socket:[300]']);
mkdirSync(join(root, '13'), { recursive: true });
writeFileSync(join(root, '13', 'fd'), ''); // cannot be listed: stands for another user's process

describe('findSocketOwners', () => {
  it('maps each inode to the lowest pid holding it', async () => {
    const r = await findSocketOwners(root, [10, 11, 12], new Set([100, 200, 300]));
    expect([...r.owners].sort()).toEqual([
      [100, 10],
      [200, 11],
      [300, 12],
    ]);
    expect(r.denied).toBe(false);
  });

  it('stops once every wanted inode is found, so later unreadable processes do not count', async () => {
    const r = await findSocketOwners(root, [10, 11, 13], new Set([100]));
    expect(r.owners.get(100)).toBe(10);
    expect(r.denied).toBe(false);
  });

  it('reports a directory it could not list, and skips processes that are gone', async () => {
    const r = await findSocketOwners(root, [10, 13, 99], new Set([100, 999]));
    expect(r.owners.get(100)).toBe(10);
    expect(r.owners.has(999)).toBe(false);
    expect(r.denied).toBe(true);
  });
});
