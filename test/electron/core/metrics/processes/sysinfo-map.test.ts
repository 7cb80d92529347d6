import { readFileSync } from 'node:fs';
import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import {
  localDateTimeToIso,
  processesFromSystemInformation,
  siStateName,
} from '../../../../../electron/core/metrics/processes/sysinfo-map.js';
import { ProcessesSection } from '../../../../../shared/snapshot/metrics/processes.js';

// macOS and Windows cannot run here: these fixtures are constructed from systeminformation's documented
// si.processes() output (ps -axo on macOS; Get-CimInstance Win32_Process on Windows, where state is
// "unknown", user empty, memRss in KiB and cpu a share of ALL cores).
function fixture(name: string): Systeminformation.ProcessesData {
  return JSON.parse(
    readFileSync(new URL(`../../../../fixtures/processes/${name}`, import.meta.url), 'utf8'),
  ) as Systeminformation.ProcessesData;
}

describe('processes from systeminformation', () => {
  it('maps macOS: ps states, path + command + params, KiB to bytes, zombies', () => {
    const s = ProcessesSection.parse(
      processesFromSystemInformation(fixture('si-darwin.json'), {
        platform: 'darwin',
        topN: 2,
        cpuCount: 8,
        cpuBasis: 'lifetime',
      }),
    );
    expect(s.total).toBe(4);
    expect(s.threads_total).toBeNull();
    expect(s.by_state).toEqual({
      running: 1,
      sleeping: 1,
      disk_sleep: 1,
      idle: 0,
      stopped: 0,
      zombie: 1,
      other: 0,
    });
    expect(s.zombies).toEqual([{ pid: 700, ppid: 512, name: 'helper' }]);
    expect(s.top_cpu.map((p) => p.pid)).toEqual([512, 801]);
    expect(s.top_cpu[0]).toEqual({
      pid: 512,
      ppid: 1,
      user: 'alice',
      name: 'Google Chrome',
      command: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome --type=renderer --lang=en',
      state: 'running',
      cpu_percent: 153.2, // ps already reports a share of one core
      memory_percent: 4.2,
      rss_bytes: 704512 * 1024,
      threads: null,
      started_at: new Date(2024, 2, 1, 9, 15, 30).toISOString(),
    });
    expect(s.top_memory.map((p) => p.pid)).toEqual([512, 801]);
    expect(s.top_memory[1]?.started_at).toBeNull();
  });

  it('maps Windows: whole command lines, CPU scaled to one core, no user', () => {
    const s = ProcessesSection.parse(
      processesFromSystemInformation(fixture('si-win32.json'), {
        platform: 'win32',
        topN: 3,
        cpuCount: 4,
        cpuBasis: 'window',
      }),
    );
    expect(s.by_state.other).toBe(3);
    expect(s.cpu_basis).toBe('window');
    const node = s.top_cpu[0];
    expect(node).toMatchObject({
      pid: 1234,
      user: null,
      command: '"C:\\Program Files\\nodejs\\node.exe" server.js --port 8080',
      cpu_percent: 100, // 25 % of four cores is one full core
      rss_bytes: 51200 * 1024,
    });
    expect(s.top_cpu.find((p) => p.pid === 2222)?.command).toBe('svchost.exe');
  });

  it('maps state words and local start times', () => {
    expect(
      ['running', 'sleeping', 'blocked', 'stopped', 'zombie', 'paging', 'unknown'].map(siStateName),
    ).toEqual(['running', 'sleeping', 'disk_sleep', 'stopped', 'zombie', 'other', 'other']);
    expect(localDateTimeToIso('2024-12-31 23:59:58')).toBe(new Date(2024, 11, 31, 23, 59, 58).toISOString());
    expect(localDateTimeToIso('n/a')).toBeNull();
  });
});
