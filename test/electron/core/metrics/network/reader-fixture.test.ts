import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type * as Os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/network/reader.js';
import { NetworkSection } from '../../../../../shared/snapshot/metrics/network.js';
import { testContext } from '../../../../helpers/context.js';

// Addresses come from os.networkInterfaces(), not from the tree: give the fixture interfaces theirs.
vi.mock('node:os', async (importOriginal) => ({
  ...(await importOriginal<typeof Os>()),
  networkInterfaces: () => ({
    lo: [
      {
        address: '127.0.0.1',
        netmask: '255.0.0.0',
        family: 'IPv4',
        mac: '00:00:00:00:00:00',
        internal: true,
        cidr: '127.0.0.1/8',
      },
    ],
    enp3s0: [
      {
        address: '10.0.0.5',
        netmask: '255.255.255.0',
        family: 'IPv4',
        mac: '3c:7c:3f:aa:bb:cc',
        internal: false,
        cidr: '10.0.0.5/24',
      },
      {
        address: 'fe80::3e7c:3fff:feaa:bbcc',
        netmask: 'ffff:ffff:ffff:ffff::',
        family: 'IPv6',
        mac: '3c:7c:3f:aa:bb:cc',
        internal: false,
        cidr: 'fe80::3e7c:3fff:feaa:bbcc/64',
        scopeid: 2,
      },
    ],
  }),
}));

const FIXTURES = new URL('../../../../fixtures/network/', import.meta.url);

interface Link {
  path: string;
  files: Record<string, string>;
  dirs?: string[];
}

const PCI = 'devices/pci0000:00/0000:00:1f.6/net';
const LINKS: Record<string, Link> = {
  lo: {
    path: 'devices/virtual/net/lo',
    files: {
      uevent: 'INTERFACE=lo\nIFINDEX=1\n',
      type: '772\n',
      flags: '0x9\n',
      operstate: 'unknown\n',
      mtu: '65536\n',
      address: '00:00:00:00:00:00\n',
    },
  },
  enp3s0: {
    path: `${PCI}/enp3s0`,
    files: {
      uevent: 'INTERFACE=enp3s0\nIFINDEX=2\n',
      type: '1\n',
      flags: '0x1003\n',
      operstate: 'up\n',
      mtu: '1500\n',
      address: '3c:7c:3f:aa:bb:cc\n',
      speed: '1000\n',
    },
  },
  wlan0: {
    path: 'devices/pci0000:00/0000:00:14.3/net/wlan0',
    files: {
      uevent: 'DEVTYPE=wlan\nINTERFACE=wlan0\nIFINDEX=3\n',
      type: '1\n',
      flags: '0x1003\n',
      operstate: 'dormant\n',
      mtu: '1500\n',
      address: 'f4:26:79:11:22:33\n',
    },
    dirs: ['wireless'],
  },
  docker0: {
    path: 'devices/virtual/net/docker0',
    files: {
      uevent: 'DEVTYPE=bridge\nINTERFACE=docker0\nIFINDEX=4\n',
      type: '1\n',
      flags: '0x1003\n',
      operstate: 'down\n',
      mtu: '1500\n',
      address: '02:42:9a:00:00:01\n',
    },
    dirs: ['bridge'],
  },
  veth1a2b: {
    path: 'devices/virtual/net/veth1a2b',
    files: {
      uevent: 'INTERFACE=veth1a2b\nIFINDEX=5\n',
      type: '1\n',
      flags: '0x1003\n',
      operstate: 'up\n',
      mtu: '1500\n',
      address: '5a:1b:2c:3d:4e:5f\n',
      speed: '10000\n',
    },
  },
  wg0: {
    path: 'devices/virtual/net/wg0',
    files: {
      uevent: 'DEVTYPE=wireguard\nINTERFACE=wg0\nIFINDEX=6\n',
      type: '65534\n',
      flags: '0x91\n',
      operstate: 'unknown\n',
      mtu: '1420\n',
      address: '\n',
    },
  },
};

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ais-net-'));
  mkdirSync(join(root, 'proc', 'net'), { recursive: true });
  mkdirSync(join(root, 'etc'));
  cpSync(new URL('net-dev', FIXTURES), join(root, 'proc', 'net', 'dev'));
  cpSync(new URL('route', FIXTURES), join(root, 'proc', 'net', 'route'));
  cpSync(new URL('ipv6_route', FIXTURES), join(root, 'proc', 'net', 'ipv6_route'));
  cpSync(new URL('resolv.conf', FIXTURES), join(root, 'etc', 'resolv.conf'));
  mkdirSync(join(root, 'sys', 'class', 'net'), { recursive: true });
  for (const [name, link] of Object.entries(LINKS)) {
    const dir = join(root, 'sys', link.path);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(link.files)) writeFileSync(join(dir, file), text);
    for (const d of link.dirs ?? []) mkdirSync(join(dir, d));
    // The same relative link the kernel makes: ../../devices/…
    symlinkSync(join('..', '..', link.path), join(root, 'sys', 'class', 'net', name));
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const ctxFor = (windowMs: number) =>
  testContext({ platform: 'linux', windowMs, procRoot: join(root, 'proc'), sysRoot: join(root, 'sys') });

describe('network reader on a fixture procfs/sysfs tree', () => {
  it('reports interfaces with sysfs attributes, counters and rates, the default route and resolvers', async () => {
    const ctx = ctxFor(500);
    const start = await reader.begin?.(ctx);
    cpSync(new URL('net-dev.later', FIXTURES), join(root, 'proc', 'net', 'dev'));
    const section = NetworkSection.parse(await reader.collect(ctx, start));
    cpSync(new URL('net-dev', FIXTURES), join(root, 'proc', 'net', 'dev'));

    expect(section.default_gateway).toBe('10.0.0.1');
    expect(section.default_interface).toBe('enp3s0');
    expect(section.dns_servers).toEqual(['192.168.1.1', '2001:db8::53', '9.9.9.9']);

    const byName = new Map(section.interfaces.map((i) => [i.name, i]));
    expect([...byName.keys()]).toEqual(['lo', 'enp3s0', 'wlan0', 'docker0', 'veth1a2b', 'tun0']);
    expect(byName.get('enp3s0')).toMatchObject({
      type: 'ethernet',
      virtual: false,
      up: true,
      operstate: 'up',
      mac: '3c:7c:3f:aa:bb:cc',
      mtu: 1500,
      speed_mbps: 1000,
      rx_bytes: 9877543210,
      rx_packets: 7655321,
      rx_errors: 3,
      rx_dropped: 12,
      tx_dropped: 2,
    });
    expect(byName.get('enp3s0')?.addresses.map((a) => [a.address, a.cidr, a.scope_id])).toEqual([
      ['10.0.0.5', '10.0.0.5/24', null],
      ['fe80::3e7c:3fff:feaa:bbcc', 'fe80::3e7c:3fff:feaa:bbcc/64', 2],
    ]);
    expect(byName.get('enp3s0')?.rx_bytes_per_s).toBeGreaterThan(0);
    expect(byName.get('lo')).toMatchObject({
      type: 'loopback',
      virtual: true,
      up: true,
      mac: null,
      speed_mbps: null,
    });
    expect(byName.get('lo')?.addresses[0]?.address).toBe('127.0.0.1');
    expect(byName.get('wlan0')).toMatchObject({
      type: 'wireless',
      up: false,
      operstate: 'dormant',
      rx_bytes_per_s: 0,
    });
    expect(byName.get('docker0')).toMatchObject({
      type: 'bridge',
      virtual: true,
      up: false,
      operstate: 'down',
    });
    expect(byName.get('veth1a2b')).toMatchObject({ type: 'virtual', virtual: true, rx_bytes_per_s: null });
    // Gone from sysfs between the reads: still reported from /proc/net/dev, attributes unknown.
    expect(byName.get('tun0')).toMatchObject({ type: 'other', up: false, operstate: 'unknown', mtu: null });
  });

  it('classifies a tunnel and falls back to the IPv6 default route when there is no IPv4 one', async () => {
    cpSync(new URL('route.no-default', FIXTURES), join(root, 'proc', 'net', 'route'));
    try {
      const section = NetworkSection.parse(await reader.collect(ctxFor(0), undefined));
      expect(section.default_gateway).toBe('2001:db8::1');
      expect(section.default_interface).toBe('wg0');
      expect(section.interfaces.find((i) => i.name === 'wg0')).toMatchObject({
        type: 'tunnel',
        virtual: true,
        mac: null,
        mtu: 1420,
        rx_bytes_per_s: null,
      });
    } finally {
      cpSync(new URL('route', FIXTURES), join(root, 'proc', 'net', 'route'));
    }
  });
});
