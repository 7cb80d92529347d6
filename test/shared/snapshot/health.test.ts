import { describe, expect, it } from 'vitest';
import { assessHealth } from '../../../shared/snapshot/health.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';

const disk = (mountpoint: string, used_percent: number, read_only = false) => ({
  mountpoint,
  device: 'd',
  fstype: 'ext4',
  total_bytes: 100,
  used_bytes: used_percent,
  available_bytes: 100 - used_percent,
  used_percent,
  inodes_total: null,
  inodes_used: null,
  inodes_used_percent: null,
  read_only,
});

describe('assessHealth', () => {
  it('is ok for a quiet machine', () => {
    expect(assessHealth(sampleSnapshot())).toEqual({ status: 'ok', findings: [] });
  });

  it('flags disks over 90 % as warning and over 95 % as critical, ignoring read-only ones', () => {
    const h = assessHealth(
      sampleSnapshot({
        disks: { filesystems: [disk('/', 91), disk('/var', 97), disk('/snap/x', 100, true)], io: [] },
      }),
    );
    expect(h.status).toBe('critical');
    expect(h.findings.map((f) => [f.code, f.subject])).toEqual([
      ['disk_full', '/var'],
      ['disk_filling', '/'],
    ]);
  });

  it('flags failed services, zombies, swap in use and reader failures', () => {
    const s = sampleSnapshot();
    s.services!.units = [
      {
        name: 'nginx.service',
        description: null,
        state: 'failed',
        native_state: 'failed/failed',
        enabled: true,
        pid: null,
      },
    ];
    s.processes!.by_state = { ...s.processes!.by_state, zombie: 2 };
    s.swap = { total_bytes: 100, used_bytes: 50, free_bytes: 50, used_percent: 50 };
    s.errors = [
      { section: 'ports', code: 'timeout', message: 'no answer' },
      { section: 'sensors', code: 'unsupported', message: 'n/a' },
    ];
    const codes = assessHealth(s).findings.map((f) => f.code);
    expect(codes).toEqual(['service_failed', 'zombies', 'swap_in_use', 'reader_failed']);
  });
});
