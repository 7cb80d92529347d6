import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { beginLinux, collectLinux } from '../../../../../electron/core/metrics/processes/linux.js';
import { reader } from '../../../../../electron/core/metrics/processes/reader.js';
import { ProcessesSection } from '../../../../../shared/snapshot/metrics/processes.js';
import { testContext } from '../../../../helpers/context.js';

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/processes', import.meta.url));
const PROC = join(FIXTURES, 'proc');
const PASSWD = join(FIXTURES, 'passwd');
const MEM_TOTAL = 1_000_000 * 1024;
const BTIME_MS = 1_700_000_000_000;

const tmp = mkdtempSync(join(tmpdir(), 'ais-proc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('processes reader on a fixture /proc (lifetime basis: window 0)', () => {
  it('counts, lists zombies and picks the top N, skipping a process that exited meanwhile', async () => {
    const s = ProcessesSection.parse(
      await collectLinux(testContext({ procRoot: PROC, topN: 3 }), undefined, PASSWD),
    );
    expect(s.total).toBe(10);
    expect(s.threads_total).toBe(16);
    expect(s.by_state).toEqual({
      running: 1,
      sleeping: 3,
      disk_sleep: 1,
      idle: 1,
      stopped: 2,
      zombie: 1,
      other: 1,
    });
    expect(s.zombies).toEqual([{ pid: 200, ppid: 100, name: 'defunct-kid' }]);
    expect(s.cpu_basis).toBe('lifetime');
    expect(s.top_n).toBe(3);
    // 500 ranks first on both CPU and memory but has no status any more: the next ones take its place.
    expect(s.top_cpu.map((p) => [p.pid, p.cpu_percent])).toEqual([
      [100, 19.98], // 100 s of CPU since tick 50000 (500 s), uptime 1000.5 s
      [302, 9.95],
      [1, 0.8],
    ]);
    expect(s.top_memory.map((p) => p.pid)).toEqual([100, 1, 300]);
  });

  it('fills each row from stat, status, cmdline and passwd', async () => {
    const s = await collectLinux(testContext({ procRoot: PROC, topN: 3 }), undefined, PASSWD);
    expect(s.top_cpu[0]).toEqual({
      pid: 100,
      ppid: 1,
      user: 'alice', // effective uid 1000; the real uid is 1001
      name: 'evil) (name x',
      command: '/usr/bin/evil --flag a b',
      state: 'running',
      cpu_percent: 19.98,
      memory_percent: 20,
      rss_bytes: 200_000 * 1024,
      threads: 3,
      started_at: new Date(BTIME_MS + 500_000).toISOString(),
    });
    const stopped = s.top_memory.find((p) => p.pid === 300);
    expect(stopped).toMatchObject({ user: '2000', command: 'vim notes.txt', state: 'stopped', threads: 4 });
    expect(stopped?.memory_percent).toBe(Math.round(((4000 * 1024) / MEM_TOTAL) * 10000) / 100);
  });

  it('shows kernel threads as [comm] with no memory', async () => {
    const s = await collectLinux(testContext({ procRoot: PROC, topN: 20 }), undefined, PASSWD);
    const kworker = s.top_cpu.find((p) => p.pid === 10);
    expect(kworker).toMatchObject({
      command: '[kworker/0:1-events]',
      rss_bytes: 0,
      memory_percent: 0,
      state: 'idle',
    });
    expect(s.top_cpu).toHaveLength(9); // all but 500
  });

  it('over a window, only ticks spent inside it count', async () => {
    const proc = join(tmp, 'proc');
    cpSync(PROC, proc, { recursive: true });
    const ctx = testContext({ procRoot: proc, topN: 3, windowMs: 200 });
    const start = await beginLinux(ctx);
    // pid 1 burns 20 ticks during the window; pid 100, the lifetime leader, none.
    const stat1 = join(proc, '1', 'stat');
    writeFileSync(stat1, readFileSync(stat1, 'utf8').replace(' 500 300 ', ' 510 310 '));
    await new Promise((r) => setTimeout(r, 200));
    const s = ProcessesSection.parse(await collectLinux(ctx, start, PASSWD));
    expect(s.cpu_basis).toBe('window');
    expect(s.top_cpu[0]?.pid).toBe(1);
    expect(s.top_cpu[0]?.cpu_percent).toBeGreaterThan(0);
    expect(s.top_cpu.slice(1).every((p) => p.cpu_percent === 0)).toBe(true);
  });

  it('through the registered reader, validates against the schema', async () => {
    const ctx = testContext({ platform: 'linux', procRoot: PROC, topN: 5 });
    const s = await reader.collect(ctx, undefined);
    expect(ProcessesSection.safeParse(s).success).toBe(true);
    expect(s.top_cpu.find((p) => p.pid === 1)?.user).toBe('root');
  });
});
