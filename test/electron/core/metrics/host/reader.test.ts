import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectLinuxHost } from '../../../../../electron/core/metrics/host/linux.js';
import { reader } from '../../../../../electron/core/metrics/host/reader.js';
import { HostSection } from '../../../../../shared/snapshot/metrics/host.js';
import { testContext } from '../../../../helpers/context.js';

const fixtures = fileURLToPath(new URL('../../../../fixtures/', import.meta.url));

describe.runIf(process.platform === 'linux')('host reader on this machine', () => {
  it('validates and agrees with Node and /etc/os-release', async () => {
    const s = HostSection.parse(await reader.collect(testContext(), undefined));
    expect(s.hostname).toBe(os.hostname());
    expect(s.kernel).toBe(os.release());
    expect(s.arch).toBe(os.machine());
    expect(s.os.platform).toBe('linux');
    // Same zone as Intl sees, once Intl has canonicalised the name (Etc/UTC vs UTC, Asia/Calcutta…).
    const canonical = (tz: string) =>
      new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
    expect(canonical(s.timezone)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(s.utc_offset_min).toBe(-new Date().getTimezoneOffset() || 0);
    const release = readFileSync('/etc/os-release', 'utf8');
    const id = /^ID="?([^"\n]*)"?$/m.exec(release)?.[1];
    expect(s.os.id).toBe(id);
  });

  it('has a boot time and uptime consistent with the clock and os.uptime()', async () => {
    const s = HostSection.parse(await reader.collect(testContext(), undefined));
    const nowS = Date.now() / 1000;
    expect(Math.abs(s.uptime_s - os.uptime())).toBeLessThan(5);
    expect(Math.abs(Date.parse(s.boot_time) / 1000 + os.uptime() - nowS)).toBeLessThan(5);
  });

  it('gives the same answer through begin (which only warms caches) and collect', async () => {
    const ctx = testContext({ windowMs: 50 });
    expect(await reader.begin!(ctx)).toBeUndefined();
    const s = HostSection.parse(await reader.collect(ctx, undefined));
    expect(s.hostname).toBe(os.hostname());
  });
});

describe('host on a fixture root', () => {
  let dir: string;
  const put = (rel: string, text: string): void => {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(os.tmpdir(), 'ais-host-'));
    mkdirSync(join(dir, 'etc'));
    copyFileSync(join(fixtures, 'host/os-release-ubuntu-22.04.txt'), join(dir, 'etc/os-release'));
    symlinkSync('../usr/share/zoneinfo/America/Argentina/Buenos_Aires', join(dir, 'etc/localtime'));
    put('etc/hosts', `127.0.0.1 localhost\n10.20.30.40 ${os.hostname()}.lab.example ${os.hostname()}\n`);
    put('run/.containerenv', '');
    put('proc/stat', 'cpu  1 0 1 10 0 0 0 0 0 0\ncpu0 1 0 1 10 0 0 0 0 0 0\nbtime 1795697879\n');
    put('proc/uptime', '1234.56 2000.00\n');
    put('proc/sys/kernel/osrelease', '5.15.0-91-generic\n');
    put('proc/1/cgroup', '0::/\n');
    copyFileSync(join(fixtures, 'cpu/cpuinfo-xeon-e5-2690-2s.txt'), join(dir, 'proc/cpuinfo'));
    put('sys/class/dmi/id/sys_vendor', 'QEMU\n');
    put('sys/class/dmi/id/product_name', 'Standard PC (Q35 + ICH9, 2009)\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ctx = () =>
    testContext({ platform: 'linux', procRoot: join(dir, 'proc'), sysRoot: join(dir, 'sys'), env: {} });

  it('reads every field from the tree', async () => {
    const s = HostSection.parse(await collectLinuxHost(ctx(), dir));
    expect(s).toMatchObject({
      hostname: os.hostname(),
      fqdn: `${os.hostname()}.lab.example`,
      os: { platform: 'linux', name: 'Ubuntu', version: '22.04.3 LTS', codename: 'jammy', id: 'ubuntu' },
      kernel: '5.15.0-91-generic',
      boot_time: '2026-11-26T12:57:59.000Z',
      uptime_s: 1234.56,
      virtualization: 'qemu',
      container: 'podman',
      timezone: 'America/Argentina/Buenos_Aires',
    });
  });

  it('prefers the TZ variable to the /etc/localtime link', async () => {
    const c = { ...ctx(), env: { TZ: 'Asia/Tokyo' } };
    expect((await collectLinuxHost(c, dir)).timezone).toBe('Asia/Tokyo');
  });

  it('lets the environment say kubernetes', async () => {
    const c = { ...ctx(), env: { KUBERNETES_SERVICE_HOST: '10.96.0.1' } };
    expect((await collectLinuxHost(c, dir)).container).toBe('kubernetes');
  });

  it('the reader itself takes boot time, uptime and hypervisor from ctx.procRoot/sysRoot', async () => {
    const s = HostSection.parse(await reader.collect(ctx(), undefined));
    expect(s.boot_time).toBe('2026-11-26T12:57:59.000Z');
    expect(s.uptime_s).toBe(1234.56);
    expect(s.virtualization).toBe('qemu');
    expect(s.kernel).toBe('5.15.0-91-generic');
  });

  it('derives boot time from uptime, to whole seconds, when /proc/stat has no btime', async () => {
    const bare = mkdtempSync(join(os.tmpdir(), 'ais-host-bare-'));
    try {
      writeFileSync(join(bare, 'uptime'), '100.25 0\n');
      const before = Date.now();
      const s = HostSection.parse(
        await collectLinuxHost(
          testContext({ platform: 'linux', procRoot: bare, sysRoot: bare, env: {} }),
          bare,
        ),
      );
      const boot = Date.parse(s.boot_time);
      expect(boot % 1000).toBe(0);
      expect(boot).toBeGreaterThanOrEqual(Math.round((before - 100_250) / 1000) * 1000);
      expect(boot).toBeLessThanOrEqual(Date.now() - 100_250 + 1000);
      expect(s.os).toMatchObject({ name: 'Linux', version: 'unknown', id: null });
      expect(s.virtualization).toBeNull();
      expect(s.container).toBeNull();
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
