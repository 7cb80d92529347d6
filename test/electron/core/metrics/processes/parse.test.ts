import { describe, expect, it } from 'vitest';
import {
  countByState,
  cpuPercents,
  rankBy,
  startedAt,
  stateName,
  toProcessInfo,
  zombies,
} from '../../../../../electron/core/metrics/processes/parse.js';
import type { ProcStat } from '../../../../../electron/core/os/proc-parse.js';
import { ProcessInfo } from '../../../../../shared/snapshot/metrics/processes.js';

function proc(over: Partial<ProcStat> & { pid: number }): ProcStat {
  return {
    comm: 'p',
    state: 'S',
    ppid: 1,
    flags: 0,
    cpuTicks: 0,
    threads: 1,
    starttime: 0,
    rssPages: 0,
    ...over,
  };
}

describe('states', () => {
  it('maps every /proc state letter, T and t both to stopped, the rare ones to other', () => {
    const letters = ['R', 'S', 'D', 'I', 'T', 't', 'Z', 'X', 'P', 'W', 'K'];
    expect(letters.map(stateName)).toEqual([
      'running',
      'sleeping',
      'disk_sleep',
      'idle',
      'stopped',
      'stopped',
      'zombie',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('counts every state, zero ones included (the schema record is exhaustive)', () => {
    const c = countByState([
      proc({ pid: 1, state: 'R' }),
      proc({ pid: 2, state: 'Z' }),
      proc({ pid: 3, state: 'Z' }),
    ]);
    expect(c).toEqual({ running: 1, sleeping: 0, disk_sleep: 0, idle: 0, stopped: 0, zombie: 2, other: 0 });
  });

  it('lists zombies with their parent', () => {
    expect(zombies([proc({ pid: 5, state: 'Z', ppid: 4, comm: 'kid' }), proc({ pid: 4 })])).toEqual([
      { pid: 5, ppid: 4, name: 'kid' },
    ]);
  });
});

describe('cpuPercents', () => {
  const now = [
    proc({ pid: 1, cpuTicks: 150, starttime: 10 }), // 50 ticks in the window
    proc({ pid: 2, cpuTicks: 900, starttime: 20 }), // unchanged
    proc({ pid: 3, cpuTicks: 40, starttime: 99_000 }), // started inside the window
    proc({ pid: 4, cpuTicks: 30, starttime: 98_000 }), // pid reused: start differs from the window's pid 4
  ];
  const start = new Map([
    [1, { cpuTicks: 100, starttime: 10 }],
    [2, { cpuTicks: 900, starttime: 20 }],
    [4, { cpuTicks: 5000, starttime: 30 }],
  ]);

  it('over a window: Δticks / Δwall as a share of one core', () => {
    const cpu = cpuPercents(now, { kind: 'window', start, elapsedMs: 500 });
    // 50 ticks = 0.5 s of CPU in 0.5 s of wall time: one full core.
    expect(cpu.get(1)).toBe(100);
    expect(cpu.get(2)).toBe(0);
    expect(cpu.get(3)).toBe(80);
    expect(cpu.get(4)).toBe(60);
  });

  it('can exceed 100 for a process on several cores', () => {
    const cpu = cpuPercents([proc({ pid: 1, cpuTicks: 200, starttime: 10 })], {
      kind: 'window',
      start: new Map([[1, { cpuTicks: 100, starttime: 10 }]]),
      elapsedMs: 500,
    });
    expect(cpu.get(1)).toBe(200);
  });

  it('over a lifetime: total ticks / (uptime − start)', () => {
    const cpu = cpuPercents(
      [proc({ pid: 1, cpuTicks: 500, starttime: 1000 }), proc({ pid: 2, starttime: 2000 })],
      {
        kind: 'lifetime',
        uptimeS: 30,
      },
    );
    expect(cpu.get(1)).toBe(25); // 5 s over 20 s
    expect(cpu.get(2)).toBe(0); // started "after" uptime was read: no division by ≤ 0
  });
});

describe('ranking and rows', () => {
  it('ranks best first, ties by pid', () => {
    const r = rankBy(
      [proc({ pid: 3, rssPages: 5 }), proc({ pid: 1, rssPages: 5 }), proc({ pid: 2, rssPages: 9 })],
      (e) => e.rssPages,
    );
    expect(r.map((e) => e.pid)).toEqual([2, 1, 3]);
  });

  it('dates a start tick from the boot time', () => {
    expect(startedAt(1_700_000_000, 12_345)).toBe(new Date(1_700_000_123_450).toISOString());
    expect(startedAt(null, 1)).toBeNull();
  });

  it('builds a schema-valid row with memory as a share of RAM', () => {
    const row = toProcessInfo(
      proc({ pid: 7, ppid: 1, comm: 'db', state: 'D', threads: 12, starttime: 100 }),
      { user: 'postgres', rssBytes: 256 * 1024 * 1024, command: 'postgres -D /data' },
      12.5,
      1024 * 1024 * 1024,
      1_700_000_000,
    );
    expect(ProcessInfo.parse(row)).toEqual({
      pid: 7,
      ppid: 1,
      user: 'postgres',
      name: 'db',
      command: 'postgres -D /data',
      state: 'disk_sleep',
      cpu_percent: 12.5,
      memory_percent: 25,
      rss_bytes: 256 * 1024 * 1024,
      threads: 12,
      started_at: '2023-11-14T22:13:21.000Z',
    });
  });
});
