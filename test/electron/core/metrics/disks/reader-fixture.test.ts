import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/disks/reader.js';
import { DisksSection } from '../../../../../shared/snapshot/metrics/disks.js';
import { testContext } from '../../../../helpers/context.js';

const FIXTURES = new URL('../../../../fixtures/disks/', import.meta.url);

// A procfs/sysfs tree in a temp dir. Mountpoints must exist for statfs, so the mountinfo points at `/`
// and at the temp dir itself, plus one that does not exist (its statfs fails: left out).
let root: string;
const MISSING = '/nonexistent/autoinfrasnap-disks-test';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ais-disks-'));
  mkdirSync(join(root, 'proc', 'self'), { recursive: true });
  const mountinfo = [
    '20 1 254:0 / / rw,relatime shared:1 - ext4 /dev/root rw',
    '21 20 0:21 / /proc rw,relatime shared:2 - proc proc rw',
    `22 20 8:1 / ${root.replaceAll(' ', '\\040')} ro,relatime shared:3 - xfs /dev/sdz1 rw`,
    `23 20 8:2 / ${MISSING} rw,relatime shared:4 - ext4 /dev/sdz2 rw`,
  ];
  writeFileSync(join(root, 'proc', 'self', 'mountinfo'), mountinfo.join('\n') + '\n');
  cpSync(new URL('diskstats', FIXTURES), join(root, 'proc', 'diskstats'));
  for (const dev of ['loop0', 'loop1', 'loop2', 'ram0', 'nvme0n1', 'sda', 'dm-0', 'zram0']) {
    mkdirSync(join(root, 'sys', 'block', dev), { recursive: true });
  }
  mkdirSync(join(root, 'sys', 'dev', 'block', '254:0'), { recursive: true });
  writeFileSync(
    join(root, 'sys', 'dev', 'block', '254:0', 'uevent'),
    'MAJOR=254\nMINOR=0\nDEVNAME=vda\nDEVTYPE=disk\n',
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('disks reader on a fixture procfs/sysfs tree', () => {
  it('reports the mounted filesystems with statfs sizes and the whole devices with rates', async () => {
    const ctx = testContext({
      platform: 'linux',
      windowMs: 250,
      procRoot: join(root, 'proc'),
      sysRoot: join(root, 'sys'),
    });
    const start = await reader.begin?.(ctx);
    cpSync(new URL('diskstats.later', FIXTURES), join(root, 'proc', 'diskstats'));
    const section = DisksSection.parse(await reader.collect(ctx, start));

    expect(section.filesystems.map((f) => f.mountpoint)).toEqual(['/', root]);
    const rootFs = await statfs('/');
    expect(section.filesystems[0]).toMatchObject({
      device: '/dev/vda',
      fstype: 'ext4',
      total_bytes: rootFs.blocks * rootFs.bsize,
      read_only: false,
    });
    const tmpFs = await statfs(root);
    expect(section.filesystems[1]).toMatchObject({
      device: '/dev/sdz1',
      fstype: 'xfs',
      total_bytes: tmpFs.blocks * tmpFs.bsize,
      read_only: true,
    });

    expect(section.io.map((d) => d.device)).toEqual(['loop0', 'nvme0n1', 'sda', 'dm-0', 'zram0']);
    const nvme = section.io.find((d) => d.device === 'nvme0n1');
    expect(nvme).toMatchObject({ reads: 218473, read_bytes: 17479250 * 512, io_time_ms: 230277 });
    expect(nvme?.reads_per_s).toBeGreaterThan(0);
    expect(nvme?.write_bytes_per_s).toBeGreaterThan(0);
    expect(section.io.find((d) => d.device === 'sda')).toMatchObject({
      reads_per_s: 0,
      write_bytes_per_s: 0,
    });
    expect(section.io.find((d) => d.device === 'dm-0')?.reads_per_s).toBeNull();
  });

  it('gives counters without rates when the window is 0 (begin not called)', async () => {
    const ctx = testContext({ platform: 'linux', procRoot: join(root, 'proc'), sysRoot: join(root, 'sys') });
    const section = DisksSection.parse(await reader.collect(ctx, undefined));
    expect(section.io.length).toBeGreaterThan(0);
    expect(section.io.every((d) => d.reads_per_s === null && d.busy_percent === null)).toBe(true);
  });

  it('leaves out a network filesystem whose statfs does not answer before the abort; local ones are read directly', async () => {
    const mountinfo = join(root, 'proc', 'self', 'mountinfo');
    const saved = readFileSync(mountinfo, 'utf8');
    writeFileSync(
      mountinfo,
      '20 1 254:0 / / rw,relatime shared:1 - ext4 /dev/root rw\n' +
        `24 20 0:50 / ${root} rw,relatime shared:5 - nfs4 server:/export rw\n`,
    );
    try {
      const ac = new AbortController();
      ac.abort();
      const ctx = testContext({
        platform: 'linux',
        signal: ac.signal,
        procRoot: join(root, 'proc'),
        sysRoot: join(root, 'sys'),
      });
      const section = DisksSection.parse(await reader.collect(ctx, undefined));
      expect(section.filesystems.map((f) => f.mountpoint)).toEqual(['/']);
    } finally {
      writeFileSync(mountinfo, saved);
    }
  });
});
