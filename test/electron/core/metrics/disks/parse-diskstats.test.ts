import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  diskIoEntries,
  parseDiskstats,
  ratePerSecond,
  selectDevices,
} from '../../../../../electron/core/metrics/disks/parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/disks/${name}`, import.meta.url), 'utf8');

// /sys/block of the machine the fixture comes from: whole devices only, partitions are not listed.
const WHOLE = new Set(['loop0', 'loop1', 'loop2', 'ram0', 'nvme0n1', 'sda', 'dm-0', 'zram0']);

describe('parseDiskstats', () => {
  it('converts sectors to bytes and keeps io_ticks, skipping lines too short to be diskstats', () => {
    const all = parseDiskstats(fixture('diskstats'));
    expect(all.map((d) => d.device)).not.toContain('vda');
    expect(all.find((d) => d.device === 'nvme0n1')).toEqual({
      device: 'nvme0n1',
      reads: 218373,
      readBytes: 17474130 * 512,
      writes: 316421,
      writeBytes: 21349994 * 512,
      ioTimeMs: 230152,
    });
  });
});

describe('selectDevices', () => {
  it('keeps whole devices and drops partitions and idle loop/ram devices', () => {
    const chosen = selectDevices(parseDiskstats(fixture('diskstats')), WHOLE);
    expect(chosen.map((d) => d.device)).toEqual(['loop0', 'nvme0n1', 'sda', 'dm-0', 'zram0']);
  });
});

describe('diskIoEntries', () => {
  const at = (atMs: number, name: string) => ({
    atMs,
    devices: selectDevices(parseDiskstats(fixture(name)), WHOLE),
  });

  it('computes exact rates and busy percent from two samples 250 ms apart', () => {
    const io = diskIoEntries(at(1250, 'diskstats.later'), at(1000, 'diskstats'));
    expect(io.find((d) => d.device === 'nvme0n1')).toEqual({
      device: 'nvme0n1',
      reads: 218473,
      writes: 316921,
      read_bytes: 17479250 * 512,
      write_bytes: 21390954 * 512,
      io_time_ms: 230277,
      reads_per_s: 400,
      writes_per_s: 2000,
      read_bytes_per_s: 5120 * 512 * 4,
      write_bytes_per_s: 40960 * 512 * 4,
      busy_percent: 50,
    });
    expect(io.find((d) => d.device === 'sda')).toMatchObject({ reads_per_s: 0, busy_percent: 0 });
  });

  it('gives null rates for a device whose counters went backwards (re-created)', () => {
    const io = diskIoEntries(at(1250, 'diskstats.later'), at(1000, 'diskstats'));
    expect(io.find((d) => d.device === 'dm-0')).toMatchObject({
      reads: 100,
      reads_per_s: null,
      read_bytes_per_s: null,
      busy_percent: null,
    });
  });

  it('gives counters only when there is no window start', () => {
    const io = diskIoEntries(at(1000, 'diskstats'), undefined);
    expect(io.length).toBeGreaterThan(0);
    for (const d of io) {
      expect([
        d.reads_per_s,
        d.writes_per_s,
        d.read_bytes_per_s,
        d.write_bytes_per_s,
        d.busy_percent,
      ]).toEqual([null, null, null, null, null]);
    }
  });

  it('caps busy percent at 100 when io_ticks run ahead of the wall clock', () => {
    const dev = { device: 'sda', reads: 0, writes: 0, readBytes: 0, writeBytes: 0 };
    const io = diskIoEntries(
      { atMs: 100, devices: [{ ...dev, ioTimeMs: 1104 }] },
      { atMs: 0, devices: [{ ...dev, ioTimeMs: 1000 }] },
    );
    expect(io[0]?.busy_percent).toBe(100);
  });
});

describe('ratePerSecond', () => {
  it('is null for an empty window and for a counter that went backwards', () => {
    expect(ratePerSecond(10, 20, 0)).toBeNull();
    expect(ratePerSecond(20, 10, 1000)).toBeNull();
    expect(ratePerSecond(10, 20, 500)).toBe(20);
  });
});
