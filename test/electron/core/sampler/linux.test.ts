import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sample } from '../../../../shared/contract/sample.js';
import { Collector } from '../../../../electron/core/sampler/collect.js';
import { LinuxFastPath } from '../../../../electron/core/sampler/linux.js';
import { collectLinux } from '../../../../electron/core/metrics/processes/linux.js';
import { testContext } from '../../../helpers/context.js';
import { tempDir } from './fakes.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/', import.meta.url));
let dir: string;
let cleanup: () => Promise<void>;
let proc: string;
let sys: string;

/** Puts the "before" (or "after") counter files of the fixtures in place. */
async function counters(phase: 'before' | 'after'): Promise<void> {
  const later = phase === 'after' ? '.later' : '';
  await cp(join(fixtures, `cpu/stat-epyc-${phase}.txt`), join(proc, 'stat'));
  await cp(join(fixtures, `disks/diskstats${later}`), join(proc, 'diskstats'));
  await cp(join(fixtures, `network/net-dev${later}`), join(proc, 'net/dev'));
}

// A procfs/sysfs tree built from the readers' fixtures: two CPUs, a few disks and links, the process table.
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  proc = join(dir, 'proc');
  sys = join(dir, 'sys');
  await mkdir(join(proc, 'net'), { recursive: true });
  for (const name of await readdir(join(fixtures, 'processes/proc'))) {
    if (/^\d+$/.test(name))
      await cp(join(fixtures, 'processes/proc', name), join(proc, name), { recursive: true });
  }
  await cp(join(fixtures, 'memory/meminfo-6.18.txt'), join(proc, 'meminfo'));
  await cp(join(fixtures, 'cpu/loadavg.txt'), join(proc, 'loadavg'));
  await counters('before');
  for (const dev of ['sda', 'nvme0n1', 'vda', 'loop0'])
    await mkdir(join(sys, 'block', dev), { recursive: true });
  const link = async (name: string, type: string, virtual: boolean) => {
    const real = join(sys, virtual ? 'devices/virtual/net' : 'devices/pci0000:00/net', name);
    await mkdir(real, { recursive: true });
    await writeFile(join(real, 'type'), `${type}\n`);
    await writeFile(join(real, 'flags'), '0x1003\n');
    await writeFile(join(real, 'operstate'), name === 'wlan0' ? 'down\n' : 'up\n');
    await mkdir(join(sys, 'class/net'), { recursive: true });
    await symlink(real, join(sys, 'class/net', name));
  };
  await link('lo', '772', true);
  await link('enp3s0', '1', false);
  await link('wlan0', '1', false);
  await link('veth1a2b', '1', true);
});
afterEach(() => cleanup());

describe('LinuxFastPath on a fixture tree', () => {
  it('has no rates on the first read, and rates over the real elapsed time on the next', async () => {
    const fast = new LinuxFastPath(proc, sys);
    const first = await fast.read(10);
    expect(first.cpu?.usage_percent).toBeNull();
    expect(first.memory?.total_bytes).toBeGreaterThan(0);
    // Whole devices listed in /sys/block only: no partitions (sda1), nothing absent from sysfs (ram0).
    expect(first.disks?.io.map((d) => d.device).sort()).toEqual(['loop0', 'nvme0n1', 'sda']);
    expect(first.disks?.io.every((d) => d.read_bytes_per_s === null)).toBe(true);
    const links = new Map(first.network?.interfaces.map((i) => [i.name, i]));
    expect(links.get('lo')).toMatchObject({ type: 'loopback', up: true });
    expect(links.get('veth1a2b')).toMatchObject({ virtual: true, up: true });
    expect(links.get('enp3s0')).toMatchObject({ virtual: false, up: true, rx_bytes_per_s: null });
    expect(links.get('wlan0')?.up).toBe(false);
    expect(first.processes?.total).toBeGreaterThan(5);
    const systemd = first.processes?.top_cpu.find((p) => p.pid === 1);
    expect(systemd).toMatchObject({ name: 'systemd', rss_bytes: 12000 * 1024 });

    await counters('after');
    const second = await fast.read(10);
    // 100 user + 1 softirq ticks busy out of 241: the same figure the cpu reader gives for these files.
    expect(second.cpu?.usage_percent).toBe(41.9);
    expect(second.cpu?.per_core_percent).toHaveLength(2);
    expect(second.disks?.io.find((d) => d.device === 'nvme0n1')?.read_bytes_per_s).toBeGreaterThan(0);
    const enp = second.network?.interfaces.find((i) => i.name === 'enp3s0');
    expect(enp?.rx_bytes_per_s).toBeGreaterThan(0);

    fast.reset(); // as after a sleep: no rate across it
    const third = await fast.read(10);
    expect(third.cpu?.usage_percent).toBeNull();
    expect(third.network?.interfaces.every((i) => i.rx_bytes_per_s === null)).toBe(true);
  });

  it('keeps a command line while its process lives, and reads it again when the pid is reused', async () => {
    const fast = new LinuxFastPath(proc, sys);
    const commands = async (topN: number) => {
      fast.reset(); // the next read scans /proc again instead of reusing the last process section
      const r = await fast.read(topN);
      return new Map(r.processes?.top_cpu.map((p) => [p.pid, p.command]));
    };
    const all = await commands(100);
    const pids = [...all.keys()];
    expect(pids.length).toBeGreaterThan(3);
    for (const pid of pids) await writeFile(join(proc, String(pid), 'cmdline'), `retitled-${pid}\0`);
    // With only one process in the top list, the others drop out of it...
    expect((await commands(1)).size).toBe(1);
    // ...and are still described from the cache when they come back: no cmdline read for them.
    expect(await commands(100)).toEqual(all);
    // A process whose start time changed is another process under a reused pid: read afresh.
    const reused = pids[pids.length - 1]!;
    const statPath = join(proc, String(reused), 'stat');
    const stat = await readFile(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    fields[19] = String(Number(fields[19]) + 1); // field 22, starttime
    await writeFile(statPath, `${stat.slice(0, stat.lastIndexOf(')') + 2)}${fields.join(' ')}`);
    const after = await commands(100);
    expect(after.get(reused)).toBe(`retitled-${reused}`);
    expect(after.get(pids[0]!)).toBe(all.get(pids[0]!));
  });

  it('ranks the top processes and counts zombies as the processes reader does', async () => {
    // Lifetime basis (first scan): both rank by each process's share of one core since it started.
    await writeFile(join(proc, 'uptime'), '200000.00 390000.00\n');
    for (const topN of [1, 3, 20]) {
      const viaReader = await collectLinux(testContext({ procRoot: proc, topN }), undefined);
      const fast = new LinuxFastPath(proc, sys);
      const r = await fast.read(topN);
      const row = (p: { pid: number; name: string; cpu_percent: number; rss_bytes: number }) => [
        p.pid,
        p.name,
        p.cpu_percent,
        p.rss_bytes,
      ];
      expect(r.processes?.top_cpu.map(row)).toEqual(viaReader.top_cpu.map(row));
      expect(r.processes?.total).toBe(viaReader.total);
      expect(r.processes?.zombies.length).toBe(viaReader.zombies.length);
    }
  });

  it('feeds samples that validate against the contract', async () => {
    const collector = new Collector({
      context: { platform: 'linux', procRoot: proc, sysRoot: sys, env: {} },
    });
    await collector.tick(Date.now(), 1000);
    await counters('after');
    const sample = await collector.tick(Date.now() + 1000, 1000);
    expect(Sample.safeParse(sample).error).toBeUndefined();
    expect(sample.cpu.usage_percent).toBe(41.9);
    const names = sample.network.map((n) => n.name);
    expect(names).not.toContain('lo');
    expect(names.indexOf('enp3s0')).toBeLessThan(names.indexOf('veth1a2b')); // physical links first
    expect(sample.containers).toBeNull();
    expect(sample.processes.top.length).toBeGreaterThan(0);
  });
});
