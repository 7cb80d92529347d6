// The macOS and Windows fixtures are constructed from systeminformation's documented osInfo(), system()
// and time() output on those systems: macOS and Windows cannot run here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type SiOsInfo,
  type SiSystem,
  type SiTime,
  hostFromSi,
  virtualizationFromSi,
} from '../../../../../electron/core/metrics/host/si.js';
import { HostSection } from '../../../../../shared/snapshot/metrics/host.js';

interface Fixture {
  osInfo: SiOsInfo;
  system: SiSystem;
  time: SiTime;
}
const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/host/${name}`, import.meta.url), 'utf8')) as Fixture;

describe('hostFromSi', () => {
  it('macOS on Apple hardware', () => {
    const f = fixture('si-darwin.json');
    const local = {
      hostname: 'Marias-MacBook-Pro.local',
      platform: 'darwin' as const,
      arch: 'arm64',
      timezone: 'Europe/Berlin',
      utcOffsetMin: 60,
    };
    expect(HostSection.parse(hostFromSi(f.osInfo, f.system, f.time, local))).toEqual({
      hostname: 'Marias-MacBook-Pro.local',
      fqdn: 'Marias-MacBook-Pro.local',
      os: { platform: 'darwin', name: 'macOS', version: '14.5', codename: 'Sonoma', id: null },
      kernel: '23.5.0',
      arch: 'arm64',
      // 1795697879500 ms - 93784.25 s, to whole seconds
      boot_time: '2026-11-25T10:54:55.000Z',
      uptime_s: 93784.25,
      virtualization: null,
      container: null,
      timezone: 'Europe/Berlin',
      utc_offset_min: 60,
    });
  });

  it('Windows 11 as a Hyper-V guest: product name, release build, domain fqdn, hyperv', () => {
    const f = fixture('si-win32.json');
    const local = {
      hostname: 'DESKTOP-4QK2N7R',
      platform: 'win32' as const,
      arch: 'x86_64',
      timezone: 'America/New_York',
      utcOffsetMin: -300,
    };
    const s = HostSection.parse(hostFromSi(f.osInfo, f.system, f.time, local));
    expect(s.os).toEqual({
      platform: 'win32',
      name: 'Microsoft Windows 11 Pro',
      version: '10.0.22631',
      codename: '23H2',
      id: null,
    });
    expect(s.fqdn).toBe('DESKTOP-4QK2N7R.corp.example.com');
    expect(s.kernel).toBe('10.0.22631');
    expect(s.virtualization).toBe('hyperv');
    expect(s.boot_time).toBe('2026-11-26T11:57:59.000Z'); // ...879999 ms - 3600.5 s, rounded
    expect(s.utc_offset_min).toBe(-300);
  });

  it('falls back to the platform name and null codename/fqdn when si has nothing', () => {
    const s = hostFromSi(
      { distro: 'unknown', release: '', codename: '', kernel: '14.1-RELEASE', fqdn: '' },
      { manufacturer: '', model: '', virtual: false },
      { current: 1_000_000, uptime: 10 },
      { hostname: 'bsd', platform: 'freebsd', arch: 'amd64', timezone: 'UTC', utcOffsetMin: 0 },
    );
    expect(s.os).toEqual({
      platform: 'freebsd',
      name: 'freebsd',
      version: 'unknown',
      codename: null,
      id: null,
    });
    expect(s.fqdn).toBeNull();
  });
});

describe('virtualizationFromSi', () => {
  it("prefers the model string, then si's virtualHost, then a generic answer", () => {
    expect(virtualizationFromSi({ manufacturer: 'VMware, Inc.', model: 'VMware7,1', virtual: false })).toBe(
      'vmware',
    );
    expect(virtualizationFromSi({ manufacturer: 'Apple Inc.', model: 'VirtualMac2,1', virtual: false })).toBe(
      'apple',
    );
    expect(
      virtualizationFromSi({ manufacturer: 'ACME', model: 'X', virtual: true, virtualHost: 'Hyper-V' }),
    ).toBe('hyperv');
    expect(virtualizationFromSi({ manufacturer: 'ACME', model: 'X', virtual: true })).toBe('vm-other');
    expect(
      virtualizationFromSi({ manufacturer: 'Dell Inc.', model: 'XPS 15 9530', virtual: false }),
    ).toBeNull();
  });
});
