import { readFileSync } from 'node:fs';
import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { portsFromSystemInformation } from '../../../../../electron/core/metrics/ports/sysinfo-map.js';
import { PortsSection } from '../../../../../shared/snapshot/metrics/ports.js';

// macOS and Windows cannot run here: these fixtures are constructed from systeminformation's documented
// si.networkConnections() output (netstat -natvln on macOS, with tcp4/tcp6/tcp46 protocols, `*`
// addresses and executable paths as process; netstat -nao on Windows, with bare pids and no names).
function fixture(name: string): Systeminformation.NetworkConnectionsData[] {
  return JSON.parse(
    readFileSync(new URL(`../../../../fixtures/ports/${name}`, import.meta.url), 'utf8'),
  ) as Systeminformation.NetworkConnectionsData[];
}

describe('ports from systeminformation', () => {
  it('maps macOS netstat: families from tcp4/tcp6/tcp46, * as any, names from paths', () => {
    const s = PortsSection.parse(portsFromSystemInformation(fixture('si-darwin.json')));
    expect(s.listening).toEqual([
      { protocol: 'tcp', family: 'IPv6', address: '::', port: 22, pid: 1, process: 'launchd' },
      { protocol: 'tcp', family: 'IPv4', address: '127.0.0.1', port: 5432, pid: 612, process: 'postgres' },
      { protocol: 'tcp', family: 'IPv6', address: '::1', port: 5432, pid: 612, process: 'postgres' },
      { protocol: 'udp', family: 'IPv6', address: 'fe80::1%lo0', port: 123, pid: null, process: null },
      { protocol: 'udp', family: 'IPv4', address: '0.0.0.0', port: 5353, pid: 300, process: 'mDNSResponder' },
    ]);
    expect(s.owners_visible).toBe(false);
  });

  it('maps Windows netstat and names owners from the process list', () => {
    const names = new Map([
      [1040, 'svchost.exe'],
      [4, 'System'],
      [2400, 'svchost.exe'],
    ]);
    const s = PortsSection.parse(portsFromSystemInformation(fixture('si-win32.json'), names));
    expect(s.listening.map((p) => [p.protocol, p.family, p.address, p.port, p.pid, p.process])).toEqual([
      ['tcp', 'IPv4', '0.0.0.0', 135, 1040, 'svchost.exe'],
      ['tcp', 'IPv6', '::', 445, 4, 'System'],
      ['tcp', 'IPv4', '127.0.0.1', 49700, 7777, null],
      ['udp', 'IPv4', '0.0.0.0', 5353, 2400, 'svchost.exe'],
      ['udp', 'IPv6', '::', 5353, 2400, 'svchost.exe'],
    ]);
    expect(s.owners_visible).toBe(true);
  });
});
