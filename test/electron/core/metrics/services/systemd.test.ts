// The fixture is recorded-style `systemctl show -p Id,Description,LoadState,ActiveState,SubState,MainPID,
// UnitFileState '*.service'` output (this machine runs no systemd): property order as systemctl prints
// it (the Service interface's MainPID first), a blank line between units, a unit whose file is gone
// (not-found, UnitFileState omitted as systemctl omits empty values), a masked one, @instances and
// \x2d-escaped names, and a description containing `=`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servicesSection } from '../../../../../electron/core/metrics/services/parse.js';
import { parseSystemctlShow, systemdState } from '../../../../../electron/core/metrics/services/systemd.js';
import { ServicesSection } from '../../../../../shared/snapshot/metrics/services.js';

const show = readFileSync(
  new URL('../../../../fixtures/services/systemctl-show.txt', import.meta.url),
  'utf8',
);

describe('parseSystemctlShow', () => {
  const units = parseSystemctlShow(show);
  const byName = new Map(units.map((u) => [u.name, u]));

  it('reads every unit block', () => {
    expect(units).toHaveLength(11);
  });

  it('reads a running unit with its pid and boot setting', () => {
    expect(byName.get('ssh.service')).toEqual({
      name: 'ssh.service',
      description: 'OpenBSD Secure Shell server',
      state: 'running',
      native_state: 'active/running',
      enabled: true,
      pid: 812,
    });
  });

  it('reads a failed unit, an instance among them', () => {
    expect(byName.get('nginx.service')).toMatchObject({
      state: 'failed',
      native_state: 'failed/failed',
      pid: null,
    });
    expect(byName.get('postgresql@15-main.service')).toMatchObject({ state: 'failed', enabled: true });
  });

  it('keeps a not-found unit, saying so, with unknown boot setting', () => {
    expect(byName.get('docker-cleanup.service')).toEqual({
      name: 'docker-cleanup.service',
      description: 'docker-cleanup.service',
      state: 'stopped',
      native_state: 'not-found/inactive/dead',
      enabled: null,
      pid: null,
    });
    expect(byName.get('rsync.service')).toMatchObject({
      native_state: 'masked/inactive/dead',
      enabled: false,
    });
  });

  it('keeps escaped names verbatim and descriptions with "="', () => {
    const fsck = byName.get('systemd-fsck@dev-disk-by\\x2duuid-1C5F\\x2d2C2E.service');
    expect(fsck).toMatchObject({ state: 'other', native_state: 'active/exited', enabled: null });
    expect(byName.get('systemd-sysctl.service')?.description).toBe(
      'Apply Kernel Variables (KEY=VALUE from /etc/sysctl.d)',
    );
  });

  it('maps activating to starting, and tolerates CRLF and missing fields', () => {
    expect(byName.get('cron.service')).toMatchObject({
      state: 'starting',
      native_state: 'activating/auto-restart',
    });
    expect(parseSystemctlShow('Id=a.service\r\nActiveState=active\r\n\r\n\r\nDescription=no id\n')).toEqual([
      {
        name: 'a.service',
        description: null,
        state: 'running',
        native_state: 'unknown/active/unknown',
        enabled: null,
        pid: null,
      },
    ]);
    expect(parseSystemctlShow('')).toEqual([]);
  });
});

describe('systemdState', () => {
  it.each([
    ['active', 'running', 'running'],
    ['reloading', 'reload', 'running'],
    ['active', 'exited', 'other'],
    ['inactive', 'dead', 'stopped'],
    ['failed', 'failed', 'failed'],
    ['activating', 'start', 'starting'],
    ['deactivating', 'stop-sigterm', 'other'],
    ['maintenance', 'cleaning', 'other'],
  ] as const)('%s/%s → %s', (active, sub, want) => {
    expect(systemdState(active, sub)).toBe(want);
  });
});

describe('servicesSection', () => {
  it('puts failed units first, then sorts by name, and counts', () => {
    const s = ServicesSection.parse(servicesSection('systemd', parseSystemctlShow(show)));
    expect(s.units.map((u) => u.name)).toEqual([
      'nginx.service',
      'postgresql@15-main.service',
      'apt-daily.service',
      'cron.service',
      'docker-cleanup.service',
      'getty@tty1.service',
      'rsync.service',
      'ssh.service',
      'systemd-fsck@dev-disk-by\\x2duuid-1C5F\\x2d2C2E.service',
      'systemd-sysctl.service',
      'unattended-upgrades.service',
    ]);
    expect(s).toMatchObject({
      manager: 'systemd',
      available: true,
      reason: null,
      total: 11,
      running: 2,
      failed: 2,
    });
  });
});
