// macOS and Windows cannot run here: these fixtures are constructed from systeminformation's documented
// output shapes (its index.d.ts and the parsing in lib/network.js: ifconfig -v and netstat -bdnI on
// macOS, Win32_NetworkAdapter and Get-NetAdapterStatistics on Windows) and from Node's documented
// os.networkInterfaces() output, not captured on a real machine.
import { readFileSync } from 'node:fs';
import type * as Dns from 'node:dns';
import type * as Os from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';
import type { Systeminformation } from 'systeminformation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkSection } from '../../../../../shared/snapshot/metrics/network.js';
import { testContext } from '../../../../helpers/context.js';
import {
  countersFromSysinfo,
  linkFromSysinfo,
} from '../../../../../electron/core/metrics/network/sysinfo-map.js';

interface SiFixture {
  networkInterfaces: Systeminformation.NetworkInterfacesData[];
  networkStats: Systeminformation.NetworkStatsData[];
  networkStatsLater?: Systeminformation.NetworkStatsData[];
  networkGatewayDefault: string;
  networkInterfaceDefault: string;
  'os.networkInterfaces': Record<string, NetworkInterfaceInfo[]>;
}

const fixture = (name: string): SiFixture =>
  JSON.parse(
    readFileSync(new URL(`../../../../fixtures/network/${name}`, import.meta.url), 'utf8'),
  ) as SiFixture;

const fake = vi.hoisted(() => ({ si: null as unknown, nodeIfaces: {} as Record<string, unknown> }));
vi.mock('../../../../../electron/core/os/sysinfo.js', () => ({
  loadSystemInformation: () => Promise.resolve(fake.si),
}));
vi.mock('node:os', async (importOriginal) => ({
  ...(await importOriginal<typeof Os>()),
  networkInterfaces: () => fake.nodeIfaces,
}));
vi.mock('node:dns', async (importOriginal) => ({
  ...(await importOriginal<typeof Dns>()),
  getServers: () => ['192.168.1.1', '2001:db8::53'],
}));

// Fresh reader modules per test: their systeminformation cache guard is module state.
afterEach(() => {
  vi.resetModules();
  fake.si = null;
  fake.nodeIfaces = {};
});

function linksOf(f: SiFixture) {
  return new Map(
    f.networkInterfaces.map((n) => [n.iface, linkFromSysinfo(n, f['os.networkInterfaces'][n.iface])]),
  );
}

describe('linkFromSysinfo (macOS)', () => {
  const links = linksOf(fixture('si-darwin.json'));

  it('classifies loopback, wifi, ethernet, bridge, tunnel and virtual interfaces', () => {
    expect([...links].map(([name, l]) => [name, l.type, l.virtual])).toEqual([
      ['lo0', 'loopback', true],
      ['en0', 'wireless', false],
      ['en5', 'ethernet', false],
      ['bridge0', 'bridge', false],
      ['utun3', 'tunnel', false],
      ['vboxnet0', 'virtual', true],
    ]);
  });

  it('treats lo0 as up although ifconfig reports no status for it', () => {
    expect(links.get('lo0')).toMatchObject({ up: true, operstate: 'unknown', mac: null, mtu: 16384 });
    expect(links.get('en5')).toMatchObject({ up: false, operstate: 'down' });
  });

  it('takes speed, MAC and Node addresses', () => {
    const en0 = links.get('en0');
    expect(en0).toMatchObject({ up: true, speed: 866.7, mac: 'a4:83:e7:12:34:56', mtu: 1500 });
    expect(en0?.addresses).toContainEqual({
      address: '192.168.1.23',
      family: 'IPv4',
      netmask: '255.255.255.0',
      cidr: '192.168.1.23/24',
      scope_id: null,
    });
  });
});

describe('linkFromSysinfo (Windows)', () => {
  const links = linksOf(fixture('si-win32.json'));

  it('maps friendly names, unknown MTUs and the speed of a down adapter to null', () => {
    expect(links.get('Ethernet')).toMatchObject({ type: 'ethernet', up: true, mtu: null, speed: 1000 });
    expect(links.get('Wi-Fi')).toMatchObject({ type: 'wireless', up: false, speed: null });
    expect(links.get('vEthernet (WSL)')).toMatchObject({ type: 'virtual', virtual: true, speed: 10000 });
  });

  it('reports the loopback pseudo-interface as up although no adapter backs it', () => {
    expect(links.get('Loopback Pseudo-Interface 1')).toMatchObject({ type: 'loopback', up: true, mac: null });
  });
});

describe('countersFromSysinfo', () => {
  it('keys counters by interface, with packets unknown', () => {
    const c = countersFromSysinfo(fixture('si-win32.json').networkStats);
    expect(c.get('Ethernet')).toEqual({
      rxBytes: 98765432100,
      txBytes: 1234567890,
      rxPackets: null,
      txPackets: null,
      rxErrors: 0,
      txErrors: 0,
      rxDropped: 12,
      txDropped: 0,
    });
  });
});

describe('network reader on the systeminformation path', () => {
  it('builds the section with rates over the window (macOS)', async () => {
    const f = fixture('si-darwin.json');
    let statsCalls = 0;
    fake.nodeIfaces = f['os.networkInterfaces'];
    fake.si = {
      networkInterfaces: () => Promise.resolve(f.networkInterfaces),
      networkStats: () => Promise.resolve(statsCalls++ === 0 ? f.networkStats : f.networkStatsLater),
      networkGatewayDefault: () => Promise.resolve(f.networkGatewayDefault),
      networkInterfaceDefault: () => Promise.resolve(f.networkInterfaceDefault),
    };
    const { reader } = await import('../../../../../electron/core/metrics/network/reader.js');
    const ctx = testContext({ platform: 'darwin', windowMs: 100 });
    const start = await reader.begin?.(ctx);
    const section = NetworkSection.parse(await reader.collect(ctx, start));
    expect(section.default_gateway).toBe('192.168.1.1');
    expect(section.default_interface).toBe('en0');
    expect(section.dns_servers).toEqual(['192.168.1.1', '2001:db8::53']);
    const en0 = section.interfaces.find((i) => i.name === 'en0');
    expect(en0).toMatchObject({ rx_bytes: 7342129152, tx_bytes: 1048776000, type: 'wireless' });
    expect(en0?.rx_bytes_per_s).toBeGreaterThan(en0?.tx_bytes_per_s ?? Infinity);
    expect(section.interfaces.find((i) => i.name === 'en5')?.rx_bytes_per_s).toBe(0);
    // bridge0 and vboxnet0 have no netstat counters in the fixture: zeros, and no rate.
    expect(section.interfaces.find((i) => i.name === 'bridge0')).toMatchObject({
      rx_bytes: 0,
      rx_bytes_per_s: null,
    });
  });

  it('uses the interface flagged default when systeminformation names none (Windows)', async () => {
    const f = fixture('si-win32.json');
    fake.nodeIfaces = f['os.networkInterfaces'];
    fake.si = {
      networkInterfaces: () => Promise.resolve(f.networkInterfaces),
      networkStats: () => Promise.resolve(f.networkStats),
      networkGatewayDefault: () => Promise.resolve(''),
      networkInterfaceDefault: () => Promise.resolve(''),
    };
    const { reader } = await import('../../../../../electron/core/metrics/network/reader.js');
    const section = NetworkSection.parse(await reader.collect(testContext({ platform: 'win32' }), undefined));
    expect(section.default_gateway).toBeNull();
    expect(section.default_interface).toBe('Ethernet');
    expect(section.interfaces.map((i) => i.name)).toHaveLength(4);
    expect(section.interfaces.every((i) => i.rx_bytes_per_s === null)).toBe(true);
  });
});
