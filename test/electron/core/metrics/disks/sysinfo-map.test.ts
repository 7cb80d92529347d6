// macOS and Windows cannot run here: these fixtures are constructed from systeminformation's documented
// output shapes (its index.d.ts and the parsing in lib/filesystem.js: df -kP + mount on macOS,
// Win32_LogicalDisk on Windows, ioreg sums for disksIO/fsStats), not captured on a real machine.
import { readFileSync } from 'node:fs';
import type { Systeminformation } from 'systeminformation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisksSection } from '../../../../../shared/snapshot/metrics/disks.js';
import { testContext } from '../../../../helpers/context.js';
import {
  AGGREGATE_DEVICE,
  countersFromSysinfo,
  filesystemsFromFsSize,
} from '../../../../../electron/core/metrics/disks/sysinfo-map.js';

interface SiFixture {
  fsSize: Systeminformation.FsSizeData[];
  disksIO: Systeminformation.DisksIoData | null;
  fsStats: Systeminformation.FsStatsData | null;
  disksIOLater?: Systeminformation.DisksIoData;
  fsStatsLater?: Systeminformation.FsStatsData;
}

const fixture = (name: string): SiFixture =>
  JSON.parse(
    readFileSync(new URL(`../../../../fixtures/disks/${name}`, import.meta.url), 'utf8'),
  ) as SiFixture;

const fakeSi = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../../../electron/core/os/sysinfo.js', () => ({
  loadSystemInformation: () => Promise.resolve(fakeSi.current),
}));

// Fresh reader modules per test: their systeminformation cache guard is module state.
afterEach(() => {
  vi.resetModules();
  fakeSi.current = null;
});

describe('filesystemsFromFsSize (macOS)', () => {
  const fss = filesystemsFromFsSize(fixture('si-darwin.json').fsSize);

  it('drops devfs and automounter maps, keeps APFS volumes and external disks', () => {
    expect(fss.map((f) => f.mountpoint)).toEqual([
      '/',
      '/System/Volumes/VM',
      '/System/Volumes/Data',
      '/Volumes/SD CARD',
    ]);
  });

  it('maps sizes, recomputes used_percent like df and leaves inodes unknown', () => {
    expect(fss.find((f) => f.mountpoint === '/Volumes/SD CARD')).toEqual({
      mountpoint: '/Volumes/SD CARD',
      device: '/dev/disk5s1',
      fstype: 'exfat',
      total_bytes: 63999836160,
      used_bytes: 21333278720,
      available_bytes: 42666557440,
      used_percent: 33.33,
      inodes_total: null,
      inodes_used: null,
      inodes_used_percent: null,
      read_only: false,
    });
  });

  it('marks the sealed system volume read-only', () => {
    expect(fss.find((f) => f.mountpoint === '/')?.read_only).toBe(true);
  });
});

describe('filesystemsFromFsSize (Windows)', () => {
  it('maps drive letters and a read-only optical drive', () => {
    const fss = filesystemsFromFsSize(fixture('si-win32.json').fsSize);
    expect(fss.map((f) => [f.mountpoint, f.fstype, f.read_only])).toEqual([
      ['C:', 'NTFS', false],
      ['D:', 'NTFS', false],
      ['E:', 'CDFS', true],
    ]);
    expect(fss[0]).toMatchObject({ total_bytes: 511705624576, used_percent: 58.91 });
  });
});

describe('countersFromSysinfo', () => {
  it('makes one aggregate device from macOS operation and byte counters', () => {
    const f = fixture('si-darwin.json');
    expect(countersFromSysinfo(f.disksIO, f.fsStats)).toEqual([
      {
        device: AGGREGATE_DEVICE,
        reads: 8123456,
        writes: 4567890,
        readBytes: 412316860416,
        writeBytes: 298500227072,
        ioTimeMs: null,
      },
    ]);
  });

  it('gives no device on Windows, where systeminformation has no disk counters', () => {
    const f = fixture('si-win32.json');
    expect(countersFromSysinfo(f.disksIO, f.fsStats)).toEqual([]);
  });
});

describe('disks reader on the systeminformation path', () => {
  it('diffs the counters of begin and collect into rates (macOS)', async () => {
    const f = fixture('si-darwin.json');
    let ioCalls = 0;
    let statsCalls = 0;
    fakeSi.current = {
      fsSize: () => Promise.resolve(f.fsSize),
      disksIO: () => Promise.resolve(ioCalls++ === 0 ? f.disksIO : f.disksIOLater),
      fsStats: () => Promise.resolve(statsCalls++ === 0 ? f.fsStats : f.fsStatsLater),
    };
    const { reader } = await import('../../../../../electron/core/metrics/disks/reader.js');
    const ctx = testContext({ platform: 'darwin', windowMs: 100 });
    const start = await reader.begin?.(ctx);
    const section = DisksSection.parse(await reader.collect(ctx, start));
    expect(section.filesystems).toHaveLength(4);
    const total = section.io[0];
    expect(section.io).toHaveLength(1);
    expect(total).toMatchObject({ device: AGGREGATE_DEVICE, reads: 8123556, write_bytes: 298504421376 });
    expect(total?.reads_per_s).toBeGreaterThan(0);
    expect(total?.write_bytes_per_s).toBeGreaterThan(total?.read_bytes_per_s ?? Infinity);
    expect(total?.busy_percent).toBeNull();
  });

  it('has filesystems and no I/O entries on Windows', async () => {
    const f = fixture('si-win32.json');
    fakeSi.current = {
      fsSize: () => Promise.resolve(f.fsSize),
      disksIO: () => Promise.resolve(null),
      fsStats: () => Promise.resolve(null),
    };
    const { reader } = await import('../../../../../electron/core/metrics/disks/reader.js');
    const ctx = testContext({ platform: 'win32', windowMs: 0 });
    const section = DisksSection.parse(await reader.collect(ctx, undefined));
    expect(section.filesystems.map((f) => f.mountpoint)).toEqual(['C:', 'D:', 'E:']);
    expect(section.io).toEqual([]);
  });
});
