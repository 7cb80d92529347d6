import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  coresFromSiblingLists,
  khzToMhz,
  meanSpeed,
  parseCpuinfo,
  parseLoadavg,
  parseProcStat,
} from '../../../../../electron/core/metrics/cpu/parse.js';
import {
  type CpuTicks,
  busyPercent,
  deltaTicks,
  timesPercent,
  usageFields,
} from '../../../../../electron/core/metrics/cpu/usage.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/cpu/${name}`, import.meta.url), 'utf8');

describe('parseCpuinfo', () => {
  it('reads a 2-vCPU KVM guest (this machine): vendor name, core pairs, clock, hypervisor flag', () => {
    const info = parseCpuinfo(fixture('cpuinfo-epyc-2vcpu.txt'));
    expect(info).toEqual({
      model: 'AMD EPYC',
      vendor: 'AMD',
      physicalCores: 2,
      logicalCores: 2,
      speedsMhz: [1996.249, 1996.249],
      hypervisor: true,
    });
  });

  it('counts unique (physical id, core id) pairs on a dual-socket Xeon with hyper-threading', () => {
    const info = parseCpuinfo(fixture('cpuinfo-xeon-e5-2690-2s.txt'));
    expect(info.model).toBe('Intel(R) Xeon(R) CPU E5-2690 0 @ 2.90GHz');
    expect(info.vendor).toBe('Intel');
    // 2 sockets x 8 cores; each socket numbers its cores 0-7, so core id alone would give 8.
    expect(info.physicalCores).toBe(16);
    expect(info.logicalCores).toBe(32);
    expect(info.hypervisor).toBe(false);
    expect(meanSpeed(info.speedsMhz)).toBe(2210.4);
  });

  it('handles the arm64 layout: implementer code as vendor, no model name, no core ids, no clock', () => {
    // The layout arm64 kernels print (AWS Graviton2, Neoverse N1).
    const info = parseCpuinfo(fixture('cpuinfo-graviton2-2cpu.txt'));
    expect(info).toEqual({
      model: 'ARM processor',
      vendor: 'ARM',
      physicalCores: null,
      logicalCores: 2,
      speedsMhz: [],
      hypervisor: false,
    });
  });

  it('takes the model from the fields other architectures use', () => {
    expect(parseCpuinfo('processor\t: 0\ncpu\t\t: POWER9 (raw), altivec supported\n').model).toBe(
      'POWER9 (raw), altivec supported',
    );
    expect(
      parseCpuinfo('processor\t: 0\nHardware\t: BCM2835\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n').model,
    ).toBe('Raspberry Pi 4 Model B Rev 1.4');
    expect(parseCpuinfo('').model).toBe('unknown');
  });
});

describe('parseProcStat', () => {
  it('reads the aggregate line, every core line and btime', () => {
    const s = parseProcStat(fixture('stat-epyc-before.txt'));
    expect(s.btime).toBe(1795697879);
    expect(s.all).toEqual({
      user: 21360,
      nice: 0,
      system: 2957,
      idle: 75591,
      iowait: 402,
      irq: 0,
      softirq: 296,
      steal: 30,
      guest: 0,
    });
    expect(s.cores.map((c) => c.id)).toEqual([0, 1]);
    expect(s.cores[1]?.ticks.user).toBe(12456);
  });

  it('leaves counters an old kernel does not print as null (2.4: four columns)', () => {
    const s = parseProcStat('cpu  100 0 50 850\ncpu0 100 0 50 850\n');
    expect(s.all.iowait).toBeNull();
    expect(s.all.steal).toBeNull();
    expect(timesPercent(s.all)).toEqual({
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

  it('folds guest_nice into guest', () => {
    expect(parseProcStat('cpu  10 20 30 40 0 0 0 0 5 7\n').all.guest).toBe(12);
  });

  it('rejects text without a cpu line', () => {
    expect(() => parseProcStat('intr 1 2 3\n')).toThrow(/no cpu line/);
  });
});

describe('usage between two real /proc/stat samples (one core spinning for 1 s)', () => {
  const before = parseProcStat(fixture('stat-epyc-before.txt'));
  const after = parseProcStat(fixture('stat-epyc-after.txt'));

  it('computes busy share overall and per core from the tick deltas', () => {
    // Deltas: cpu user +100, idle +140, softirq +1 (241 ticks); cpu0 idle +120 softirq +1; cpu1 user +100 idle +20.
    const u = usageFields(before, after);
    expect(u.times_basis).toBe('window');
    expect(u.usage_percent).toBe(41.9); // 100 - 140/241
    expect(u.per_core_percent).toEqual([0.8, 83.3]); // 1/121, 100/120
    expect(u.times).toEqual({
      user: 41.5,
      nice: 0,
      system: 0,
      idle: 58.1,
      iowait: 0,
      irq: 0,
      softirq: 0.4,
      steal: 0,
      guest: 0,
    });
  });

  it('falls back to shares since boot without a start sample', () => {
    const u = usageFields(undefined, after);
    expect(u.times_basis).toBe('since_boot');
    expect(u.usage_percent).toBeNull();
    expect(u.per_core_percent).toEqual([]);
    // Total 100877 ticks: user 21460, system 2957, idle 75731, iowait 402, softirq 297, steal 30.
    expect(u.times).toMatchObject({
      user: 21.3,
      system: 2.9,
      idle: 75.1,
      iowait: 0.4,
      softirq: 0.3,
      steal: 0,
    });
  });

  it('reports a window in which no tick elapsed like a 0 window rather than as 0 % busy', () => {
    const u = usageFields(after, after);
    expect(u.times_basis).toBe('since_boot');
    expect(u.usage_percent).toBeNull();
  });
});

describe('counter guards', () => {
  const t = (user: number, idle: number, iowait: number | null = 0): CpuTicks => ({
    user,
    nice: 0,
    system: 0,
    idle,
    iowait,
    irq: 0,
    softirq: 0,
    steal: 0,
    guest: 0,
  });

  it('treats counters that went down as restarted and uses the new reading alone', () => {
    expect(deltaTicks(t(5000, 9000), t(30, 70))).toEqual(t(30, 70));
  });

  it('clamps a single field that went backwards (iowait does) to zero', () => {
    const d = deltaTicks(t(100, 100, 50), t(150, 160, 40));
    expect(d.iowait).toBe(0);
    expect(busyPercent(d)).toBe(45.5); // 50 busy of 110
  });

  it('counts iowait as not busy', () => {
    expect(busyPercent(t(25, 50, 25))).toBe(25);
  });

  it('matches cores by id, so a core missing at the start counts since boot', () => {
    const u = usageFields(
      { all: t(100, 100), cores: [{ id: 0, ticks: t(100, 100) }] },
      {
        all: t(200, 300),
        cores: [
          { id: 0, ticks: t(150, 150) },
          { id: 1, ticks: t(50, 150) },
        ],
      },
    );
    expect(u.per_core_percent).toEqual([50, 25]);
    expect(u.usage_percent).toBe(33.3);
  });
});

describe('small parsers', () => {
  it('reads /proc/loadavg', () => {
    expect(parseLoadavg(fixture('loadavg.txt'))).toEqual(
      fixture('loadavg.txt').split(' ').slice(0, 3).map(Number),
    );
    expect(parseLoadavg('0.50 1.25 2.00 3/105 6223\n')).toEqual([0.5, 1.25, 2]);
    expect(parseLoadavg('garbage')).toBeNull();
  });

  it('converts sysfs kHz to MHz', () => {
    expect(khzToMhz('3800000\n')).toBe(3800);
    expect(khzToMhz('2601000')).toBe(2601);
    expect(khzToMhz('0')).toBeNull();
    expect(khzToMhz(null)).toBeNull();
  });

  it('counts physical cores from distinct sibling lists', () => {
    expect(
      coresFromSiblingLists(['0,4\n', '1,5\n', '2,6\n', '3,7\n', '0,4\n', '1,5\n', '2,6\n', '3,7\n']),
    ).toBe(4);
    expect(coresFromSiblingLists([null, ''])).toBeNull();
  });

  it('averages clocks to 0.1 MHz', () => {
    expect(meanSpeed([1000, 2000, 2500.26])).toBe(1833.4);
    expect(meanSpeed([])).toBeNull();
  });
});
