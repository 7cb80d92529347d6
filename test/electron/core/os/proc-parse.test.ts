import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCmdline,
  isKernelThread,
  parseBootTime,
  parseMemTotal,
  parseProcStat,
  parseProcStatus,
  parseUptime,
} from '../../../../electron/core/os/proc-parse.js';
import { readdirSync, readFileSync } from 'node:fs';

// Field layout per proc(5): pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt
// cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime vsize rss ...
const REST = '0 1 1 0 -1 4194560 120 0 0 0 250 50 7 3 20 0 4 0 123456 9000000 777 18446744073709551615 0 0';

describe('parseProcStat', () => {
  it('takes comm up to the LAST parenthesis, so ") (" and spaces inside it survive', () => {
    const s = parseProcStat(`4242 (a) (b c) R ${REST}\n`);
    expect(s).toEqual({
      pid: 4242,
      comm: 'a) (b c',
      state: 'R',
      ppid: 0,
      flags: 4194560,
      cpuTicks: 300, // utime + stime, not cutime/cstime
      threads: 4,
      starttime: 123456,
      rssPages: 777,
    });
  });

  it('reads a real zombie line (state Z, no memory)', () => {
    const line =
      '31337 (sleep) Z 31300 31300 31200 0 -1 4227084 90 0 0 0 0 1 0 0 20 0 1 0 5000 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0';
    const s = parseProcStat(line);
    expect(s).toMatchObject({ pid: 31337, comm: 'sleep', state: 'Z', ppid: 31300, cpuTicks: 1, rssPages: 0 });
  });

  it('round-trips any comm a process can give itself', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 15 }),
        fc.integer({ min: 1, max: 4_194_304 }),
        (comm, pid) => {
          const s = parseProcStat(`${pid} (${comm}) S ${REST}`);
          expect(s?.comm).toBe(comm);
          expect(s?.pid).toBe(pid);
          expect(s?.state).toBe('S');
          expect(s?.starttime).toBe(123456);
        },
      ),
    );
  });

  it('rejects text that is not a stat line (a process that vanished mid-read gives an empty file)', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('12 (x) S 1 2')).toBeNull();
    expect(parseProcStat(') 12 (x')).toBeNull();
    // 23 fields: one short of rss.
    expect(parseProcStat(`12 (x) S ${REST.split(' ').slice(0, 20).join(' ')}`)).toBeNull();
    expect(parseProcStat(`12 (x) S ${REST.split(' ').slice(0, 21).join(' ')}`)).not.toBeNull();
  });

  it('tells kernel threads by PF_KTHREAD', () => {
    const kthreadd = parseProcStat(`2 (kthreadd) S 0 0 0 0 -1 2129984 ${REST.split(' ').slice(6).join(' ')}`);
    const bash = parseProcStat(`99 (bash) S ${REST}`);
    expect(kthreadd && isKernelThread(kthreadd)).toBe(true);
    expect(bash && isKernelThread(bash)).toBe(false);
  });
});

describe('parseProcStat on this machine', () => {
  it('reads every process: pid as its folder, comm as /proc/[pid]/comm, a state letter, a start time', () => {
    let checked = 0;
    for (const n of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      let stat: string;
      let comm: string;
      try {
        stat = readFileSync(`/proc/${n}/stat`, 'utf8');
        comm = readFileSync(`/proc/${n}/comm`, 'utf8').replace(/\n$/, '');
      } catch {
        continue; // exited while we listed
      }
      const s = parseProcStat(stat);
      expect(s, stat).toMatchObject({ pid: Number(n), comm });
      expect(s!.state, stat).toMatch(/^[RSDIZTtXxKWP]$/);
      expect(s!.starttime, stat).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('system files', () => {
  it('reads uptime, btime and MemTotal', () => {
    expect(parseUptime('12345.67 23456.78\n')).toBe(12345.67);
    expect(parseUptime('garbage')).toBeNull();
    expect(parseBootTime('cpu  1 2 3\nintr 0\nbtime 1700000000\nprocesses 9\n')).toBe(1700000000);
    expect(parseBootTime('cpu 1\n')).toBeNull();
    expect(parseMemTotal('MemTotal:       16318480 kB\nMemFree: 1 kB\n')).toBe(16318480 * 1024);
  });

  it('takes the effective uid and VmRSS from status; both absent for a kernel thread', () => {
    expect(parseProcStatus('Name:\tx\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\nVmRSS:\t   2048 kB\n')).toEqual({
      euid: 0,
      rssBytes: 2048 * 1024,
    });
    expect(parseProcStatus('Name:\tkthreadd\nUid:\t0\t0\t0\t0\n')).toEqual({ euid: 0, rssBytes: null });
  });
});

describe('formatCmdline', () => {
  it('joins NUL-separated arguments with spaces and drops the trailing NUL', () => {
    expect(formatCmdline('/usr/bin/node\0-e\0for(;;){}\0', 'node')).toBe('/usr/bin/node -e for(;;){}');
  });

  it('shows a kernel thread or zombie (empty cmdline) as [comm], like ps', () => {
    expect(formatCmdline('', 'kworker/0:1')).toBe('[kworker/0:1]');
    expect(formatCmdline(null, 'gone')).toBe('[gone]');
  });
});
