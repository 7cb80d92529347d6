import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readProcDetail, readProcTable, sharedProcTable } from '../../../../electron/core/os/proc-table.js';
import { testContext } from '../../../helpers/context.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/processes/proc', import.meta.url));

describe('readProcTable on a fixture tree', () => {
  it('reads every pid with a stat file, sorted, and the system figures', async () => {
    const t = await readProcTable(FIXTURE);
    // 400 has no stat (exited before it was read): skipped without an error.
    expect(t.entries.map((e) => e.pid)).toEqual([1, 2, 10, 100, 200, 300, 301, 302, 303, 500]);
    expect(t.byPid.get(100)?.comm).toBe('evil) (name x');
    expect(t.uptimeS).toBe(1000.5);
    expect(t.bootTimeS).toBe(1_700_000_000);
    expect(t.memTotalBytes).toBe(1_000_000 * 1024);
  });

  it('is empty, not an error, when procfs is missing', async () => {
    const t = await readProcTable('/nonexistent-proc-root');
    expect(t.entries).toEqual([]);
    expect(t.uptimeS).toBeNull();
  });

  it('scans once per snapshot however many readers ask', async () => {
    let computed = 0;
    const base = testContext({ procRoot: FIXTURE });
    const ctx = testContext({
      procRoot: FIXTURE,
      memo: (key, fn) => base.memo(key, () => (computed++, fn())),
    });
    const [a, b] = await Promise.all([sharedProcTable(ctx), sharedProcTable(ctx)]);
    expect(a).toBe(b);
    expect(computed).toBe(1);
  });
});

describe('readProcDetail', () => {
  it('reads owner, VmRSS and the raw command line', async () => {
    expect(await readProcDetail(FIXTURE, 100)).toEqual({
      euid: 1000,
      rssBytes: 200_000 * 1024,
      cmdline: '/usr/bin/evil\0--flag\0a b\0',
    });
  });

  it('is null for a process that exited after the scan', async () => {
    expect(await readProcDetail(FIXTURE, 500)).toBeNull();
    expect(await readProcDetail(FIXTURE, 999_999)).toBeNull();
  });

  it('reads this very process on the real /proc', async () => {
    const d = await readProcDetail('/proc', process.pid);
    expect(basename(d?.cmdline.split('\0')[0] ?? '')).toMatch(/node/);
    expect(d?.rssBytes).toBeGreaterThan(0);
    expect(d?.euid).toBe(process.geteuid?.());
  });
});
