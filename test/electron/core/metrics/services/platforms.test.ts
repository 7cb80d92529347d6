// macOS and Windows cannot run here, so these fixtures are constructed: `launchctl list` in its
// documented tab-separated layout, and systeminformation's Windows services('*') objects as its
// PowerShell parsing builds them (names lower-cased, pids as strings, StartMode as WMI spells it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLaunchctlList } from '../../../../../electron/core/metrics/services/launchd.js';
import { pidOf, servicesSection } from '../../../../../electron/core/metrics/services/parse.js';
import { mapWindowsServices, type SiService } from '../../../../../electron/core/metrics/services/windows.js';
import { ServicesSection } from '../../../../../shared/snapshot/metrics/services.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/services/${name}`, import.meta.url), 'utf8');

describe('parseLaunchctlList', () => {
  const units = parseLaunchctlList(fixture('launchctl-list.txt'));
  const byName = new Map(units.map((u) => [u.name, u]));

  it('skips the header and reads every job', () => {
    expect(units).toHaveLength(6);
  });

  it('counts a job as failed only when it is not running and last exited non-zero', () => {
    expect(byName.get('com.example.backup-agent')).toEqual({
      name: 'com.example.backup-agent',
      description: null,
      state: 'failed',
      native_state: '-/78',
      enabled: null,
      pid: null,
    });
    expect(byName.get('com.apple.mdworker.shared.0B000000-0000-0000-0000-000000000000')?.state).toBe(
      'failed',
    );
    expect(byName.get('com.apple.WindowServer')).toMatchObject({
      state: 'running',
      native_state: '412/-9',
      pid: 412,
    });
    expect(byName.get('com.apple.SafariHistoryServiceAgent')).toMatchObject({
      state: 'stopped',
      native_state: '-/0',
    });
  });

  it('makes a valid section with failed jobs first', () => {
    const s = ServicesSection.parse(servicesSection('launchd', units));
    expect(s.units.slice(0, 2).map((u) => u.name)).toEqual([
      'com.apple.mdworker.shared.0B000000-0000-0000-0000-000000000000',
      'com.example.backup-agent',
    ]);
    expect(s).toMatchObject({ total: 6, running: 2, failed: 2 });
  });
});

describe('mapWindowsServices', () => {
  const units = mapWindowsServices(JSON.parse(fixture('windows-si-services.json')) as SiService[]);

  it('maps state, boot setting and pid', () => {
    expect(units).toEqual([
      {
        name: 'spooler',
        description: null,
        state: 'running',
        native_state: 'Running',
        enabled: true,
        pid: 2456,
      },
      {
        name: 'wuauserv',
        description: null,
        state: 'stopped',
        native_state: 'Stopped',
        enabled: false,
        pid: null,
      },
      {
        name: 'sshd',
        description: null,
        state: 'stopped',
        native_state: 'Stopped',
        enabled: false,
        pid: null,
      },
      {
        name: 'winmgmt',
        description: null,
        state: 'running',
        native_state: 'Running',
        enabled: true,
        pid: 1184,
      },
      {
        name: 'fakedrv',
        description: null,
        state: 'stopped',
        native_state: 'Stopped',
        enabled: null,
        pid: null,
      },
    ]);
  });

  it('makes a valid section', () => {
    expect(ServicesSection.parse(servicesSection('windows', units))).toMatchObject({
      total: 5,
      running: 2,
      failed: 0,
    });
  });
});

describe('pidOf', () => {
  it('accepts positive integers only', () => {
    expect([pidOf('42'), pidOf(7), pidOf('0'), pidOf('-'), pidOf(''), pidOf(-1), pidOf(undefined)]).toEqual([
      42,
      7,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
