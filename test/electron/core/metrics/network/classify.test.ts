import { describe, expect, it } from 'vitest';
import {
  addressesOf,
  classifyLink,
  macOrNull,
  positiveIntOrNull,
  type LinkClassInput,
} from '../../../../../electron/core/metrics/network/classify.js';

const base: LinkClassInput = {
  arphrd: 1,
  devtype: '',
  link: '../../devices/pci0000:00/0000:00:1f.6/net/enp3s0',
  hasWireless: false,
  hasBridge: false,
  hasTunFlags: false,
};
const virtualLink = (name: string): string => `../../devices/virtual/net/${name}`;

describe('classifyLink', () => {
  it.each<[string, Partial<LinkClassInput>, string, boolean]>([
    ['physical ethernet', {}, 'ethernet', false],
    ['loopback', { arphrd: 772, link: virtualLink('lo') }, 'loopback', true],
    ['wifi with a wireless dir', { hasWireless: true }, 'wireless', false],
    ['wifi known by DEVTYPE only', { devtype: 'wlan' }, 'wireless', false],
    ['bridge', { hasBridge: true, devtype: 'bridge', link: virtualLink('docker0') }, 'bridge', true],
    ['tap (ethernet framing, tun_flags)', { hasTunFlags: true, link: virtualLink('tap0') }, 'tunnel', true],
    ['tun (ARPHRD_NONE)', { arphrd: 65534, hasTunFlags: true, link: virtualLink('tun0') }, 'tunnel', true],
    ['wireguard', { arphrd: 65534, devtype: 'wireguard', link: virtualLink('wg0') }, 'tunnel', true],
    ['sit tunnel', { arphrd: 776, link: virtualLink('sit0') }, 'tunnel', true],
    ['veth', { link: virtualLink('veth1a2b') }, 'virtual', true],
    ['infiniband', { arphrd: 32 }, 'other', false],
    ['unreadable type', { arphrd: null }, 'other', false],
  ])('%s', (_name, over, type, virtual) => {
    expect(classifyLink({ ...base, ...over })).toEqual({ type, virtual });
  });
});

describe('sysfs values', () => {
  it('drops missing and all-zero MACs', () => {
    expect(macOrNull('00:00:00:00:00:00\n')).toBeNull();
    expect(macOrNull('')).toBeNull();
    expect(macOrNull(null)).toBeNull();
    expect(macOrNull('3C:7C:3F:AA:BB:CC\n')).toBe('3c:7c:3f:aa:bb:cc');
  });

  it('treats -1, 0 and unreadable speeds as unknown', () => {
    expect(positiveIntOrNull('1000\n')).toBe(1000);
    expect(positiveIntOrNull('-1\n')).toBeNull();
    expect(positiveIntOrNull('0')).toBeNull();
    expect(positiveIntOrNull(null)).toBeNull();
  });
});

describe('addressesOf', () => {
  it('maps Node interface addresses, with a scope id for IPv6 only', () => {
    expect(
      addressesOf([
        {
          address: '10.0.0.2',
          netmask: '255.255.255.0',
          family: 'IPv4',
          mac: 'aa',
          internal: false,
          cidr: '10.0.0.2/24',
        },
        {
          address: 'fe80::1',
          netmask: 'ffff:ffff:ffff:ffff::',
          family: 'IPv6',
          mac: 'aa',
          internal: false,
          cidr: null,
          scopeid: 3,
        },
      ]),
    ).toEqual([
      { address: '10.0.0.2', family: 'IPv4', netmask: '255.255.255.0', cidr: '10.0.0.2/24', scope_id: null },
      { address: 'fe80::1', family: 'IPv6', netmask: 'ffff:ffff:ffff:ffff::', cidr: null, scope_id: 3 },
    ]);
    expect(addressesOf(undefined)).toEqual([]);
  });
});
