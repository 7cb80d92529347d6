// The macOS and Windows fixtures are constructed from systeminformation's documented cpu() output and
// Node's documented os.cpus()/os.loadavg() shapes on those systems: macOS and Windows cannot run here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type NodeCpu,
  type SiCpu,
  cpuFromSi,
  ticksFromNodeCpu,
} from '../../../../../electron/core/metrics/cpu/si.js';
import { CpuSection } from '../../../../../shared/snapshot/metrics/cpu.js';

interface Fixture {
  cpu: SiCpu;
  loadavg: number[];
  start: NodeCpu[];
  now: NodeCpu[];
}
const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/cpu/${name}`, import.meta.url), 'utf8')) as Fixture;

describe('cpuFromSi on macOS (Apple M1)', () => {
  const f = fixture('si-darwin.json');

  it('maps the description and ignores the 24 MHz timebase Node reports as speed', () => {
    const s = CpuSection.parse(cpuFromSi({ platform: 'darwin', windowMs: 0, ...f }));
    expect(s).toMatchObject({
      model: 'Apple M1',
      vendor: 'Apple',
      physical_cores: 8,
      logical_cores: 8,
      speed_mhz: 3200,
      speed_max_mhz: 3200,
      load_1: 2.51,
      load_5: 2.13,
      load_15: 1.98,
    });
  });

  it('gives shares since boot for a 0 window, with irq unknown', () => {
    const s = cpuFromSi({ platform: 'darwin', windowMs: 0, ...f });
    expect(s.times_basis).toBe('since_boot');
    expect(s.usage_percent).toBeNull();
    expect(s.per_core_percent).toEqual([]);
    expect(s.times).toEqual({
      user: 10,
      nice: 0,
      system: 5,
      idle: 85,
      iowait: null,
      irq: null,
      softirq: null,
      steal: null,
      guest: null,
    });
  });

  it('measures the window between the two os.cpus() readings', () => {
    // Every core: +100 user, +50 sys, +350 idle.
    const s = cpuFromSi({ platform: 'darwin', windowMs: 1000, ...f });
    expect(s.usage_percent).toBe(30);
    expect(s.per_core_percent).toEqual([30, 30, 30, 30, 30, 30, 30, 30]);
    expect(s.times).toMatchObject({ user: 20, system: 10, idle: 70 });
  });
});

describe('cpuFromSi on Windows (i7-8650U, 4 cores / 8 threads)', () => {
  const f = fixture('si-win32.json');

  it('joins manufacturer and brand, keeps physical vs logical, and has no load average', () => {
    const s = CpuSection.parse(cpuFromSi({ platform: 'win32', windowMs: 1000, ...f }));
    expect(s).toMatchObject({
      model: 'Intel Core™ i7-8650U',
      vendor: 'Intel',
      physical_cores: 4,
      logical_cores: 8,
      speed_mhz: 2112,
      speed_max_mhz: 2110,
      load_1: null,
      load_5: null,
      load_15: null,
    });
  });

  it('takes interrupt time out of kernel time before computing shares', () => {
    // Deltas (ms): core0 user 300 sys 100 (irq 20) idle 600; core1 100/50/850; core2 50/50 (irq 10)/900; rest idle.
    const s = cpuFromSi({ platform: 'win32', windowMs: 1000, ...f });
    expect(s.per_core_percent).toEqual([40, 15, 10, 0, 0, 0, 0, 0]);
    expect(s.usage_percent).toBe(8.1); // 650 busy of 8000
    expect(s.times).toEqual({
      user: 5.6,
      nice: 0,
      system: 2.1,
      idle: 91.9,
      iowait: null,
      irq: 0.4,
      softirq: null,
      steal: null,
      guest: null,
    });
  });

  it('ignores the start reading when the window is 0', () => {
    const s = cpuFromSi({ platform: 'win32', windowMs: 0, ...f });
    expect(s.times_basis).toBe('since_boot');
    expect(s.usage_percent).toBeNull();
  });
});

describe('ticksFromNodeCpu', () => {
  const cpu: NodeCpu = { model: 'x', speed: 1, times: { user: 10, nice: 1, sys: 30, idle: 50, irq: 5 } };
  it('keeps irq inside system except on Windows, and drops the always-zero irq of macOS', () => {
    expect(ticksFromNodeCpu(cpu, 'linux')).toMatchObject({ system: 30, irq: 5 });
    expect(ticksFromNodeCpu(cpu, 'win32')).toMatchObject({ system: 25, irq: 5 });
    expect(ticksFromNodeCpu(cpu, 'darwin')).toMatchObject({ system: 30, irq: null });
  });
});
