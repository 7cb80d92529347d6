import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hostsCanonicalName,
  osFromRelease,
  parseBtime,
  parseOsRelease,
  parseUptime,
  utcOffsetMinutes,
  zoneName,
} from '../../../../../electron/core/metrics/host/parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/host/${name}`, import.meta.url), 'utf8');

describe('osFromRelease', () => {
  it('Debian 12: version without the parenthesised codename', () => {
    expect(osFromRelease(fixture('os-release-debian12.txt'))).toEqual({
      name: 'Debian GNU/Linux',
      version: '12',
      codename: 'bookworm',
      id: 'debian',
    });
  });

  it('Ubuntu 22.04: keeps the point release VERSION_ID lacks', () => {
    expect(osFromRelease(fixture('os-release-ubuntu-22.04.txt'))).toEqual({
      name: 'Ubuntu',
      version: '22.04.3 LTS',
      codename: 'jammy',
      id: 'ubuntu',
    });
  });

  it('Alpine 3.19: no VERSION, no codename, unquoted values', () => {
    expect(osFromRelease(fixture('os-release-alpine-3.19.txt'))).toEqual({
      name: 'Alpine Linux',
      version: '3.19.9',
      codename: null,
      id: 'alpine',
    });
  });

  it('takes the codename from VERSION where no VERSION_CODENAME exists (CentOS 7, Ubuntu 14.04)', () => {
    const centos = 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nVERSION_ID="7"\n';
    expect(osFromRelease(centos)).toMatchObject({ version: '7', codename: 'Core', id: 'centos' });
    const trusty = 'NAME="Ubuntu"\nVERSION="14.04.6 LTS, Trusty Tahr"\nID=ubuntu\nVERSION_ID="14.04"\n';
    expect(osFromRelease(trusty)).toMatchObject({ version: '14.04.6 LTS', codename: 'Trusty Tahr' });
  });

  it("does not mistake Fedora's edition for a codename when VERSION_CODENAME is deliberately empty", () => {
    const fedora =
      'NAME="Fedora Linux"\nVERSION="39 (Workstation Edition)"\nID=fedora\nVERSION_CODENAME=""\n';
    expect(osFromRelease(fedora)).toMatchObject({ version: '39', codename: null });
  });

  it('falls back to BUILD_ID on rolling releases and to "Linux" without any os-release', () => {
    expect(osFromRelease('NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\n')).toMatchObject({
      version: 'rolling',
    });
    expect(osFromRelease(null)).toEqual({ name: 'Linux', version: 'unknown', codename: null, id: null });
  });
});

describe('parseOsRelease', () => {
  it('unquotes both quote styles, undoes shell escapes in double quotes and skips comments', () => {
    const v = parseOsRelease('# comment\nA="say \\"hi\\""\nB=\'x\\y\'\nC=plain\n\nbroken line\n');
    expect(Object.fromEntries(v)).toEqual({ A: 'say "hi"', B: 'x\\y', C: 'plain' });
  });
});

describe('procfs numbers', () => {
  it('reads uptime seconds and btime', () => {
    expect(parseUptime(fixture('uptime.txt'))).toBe(Number(fixture('uptime.txt').split(' ')[0]));
    expect(parseUptime('12345.67 54321.00\n')).toBe(12345.67);
    expect(parseUptime('')).toBeNull();
    expect(parseBtime('cpu  1 2 3 4\nbtime 1795697879\nprocesses 6222\n')).toBe(1795697879);
    expect(parseBtime('cpu  1 2 3 4\n')).toBeNull();
  });
});

describe('hostsCanonicalName', () => {
  const hosts = [
    '127.0.0.1\tlocalhost',
    '127.0.1.1\tweb01.example.com web01 # Debian installer line',
    '::1 ip6-localhost ip6-loopback',
    '# 10.0.0.9 ghost.example.com ghost',
  ].join('\n');

  it('returns the first name of the first line listing the host, like glibc', () => {
    expect(hostsCanonicalName(hosts, 'web01')).toBe('web01.example.com');
    expect(hostsCanonicalName(hosts, 'WEB01')).toBe('web01.example.com');
  });

  it('ignores commented-out entries and unknown names', () => {
    expect(hostsCanonicalName(hosts, 'ghost')).toBeNull();
    expect(hostsCanonicalName(hosts, 'db01')).toBeNull();
  });
});

describe('utcOffsetMinutes', () => {
  it('is minutes east of UTC, never -0', () => {
    const at = new Date('2026-01-15T12:00:00Z');
    expect(utcOffsetMinutes(at)).toBe(-at.getTimezoneOffset() || 0);
    expect(Object.is(utcOffsetMinutes({ getTimezoneOffset: () => 0 } as Date), -0)).toBe(false);
    expect(utcOffsetMinutes({ getTimezoneOffset: () => -60 } as Date)).toBe(60);
  });
});

describe('zoneName', () => {
  it('takes the zone from a TZ value, a /etc/localtime target or /etc/timezone', () => {
    expect(zoneName('Europe/Berlin')).toBe('Europe/Berlin');
    expect(zoneName(':America/New_York')).toBe('America/New_York');
    expect(zoneName('/usr/share/zoneinfo/Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(zoneName('../usr/share/zoneinfo/America/Argentina/Buenos_Aires')).toBe(
      'America/Argentina/Buenos_Aires',
    );
    expect(zoneName('/var/db/timezone/zoneinfo/Europe/Paris')).toBe('Europe/Paris'); // macOS
    expect(zoneName('Etc/UTC\n')).toBe('UTC');
  });

  it('rejects what is not a zone name', () => {
    expect(zoneName('EST5EDT,M3.2.0,M11.1.0')).toBeNull();
    expect(zoneName('/etc/some-file')).toBeNull();
    expect(zoneName('')).toBeNull();
    expect(zoneName(null)).toBeNull();
  });
});
