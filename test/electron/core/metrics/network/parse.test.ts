import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ipv4FromHexLE,
  ipv6FromHex,
  parseIpv6Route,
  parseNetDev,
  parseResolvConf,
  parseRoute,
} from '../../../../../electron/core/metrics/network/parse.js';
import { interfaceEntry } from '../../../../../electron/core/metrics/network/entry.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/network/${name}`, import.meta.url), 'utf8');

describe('parseNetDev', () => {
  const dev = parseNetDev(fixture('net-dev'));

  it('reads every interface, including one whose byte count touches the colon', () => {
    expect([...dev.keys()]).toEqual(['lo', 'enp3s0', 'wlan0', 'docker0', 'veth1a2b', 'wg0']);
    expect(dev.get('enp3s0')).toEqual({
      rxBytes: 9876543210,
      rxPackets: 7654321,
      rxErrors: 3,
      rxDropped: 12,
      txBytes: 123456789,
      txPackets: 987654,
      txErrors: 1,
      txDropped: 2,
    });
  });
});

describe('interfaceEntry rates', () => {
  const attrs = {
    type: 'ethernet' as const,
    virtual: false,
    up: true,
    operstate: 'up',
    mac: null,
    mtu: 1500,
    speed: 1000,
    addresses: [],
  };
  const start = { atMs: 10_000, counters: parseNetDev(fixture('net-dev')) };
  const end = { atMs: 10_500, counters: parseNetDev(fixture('net-dev.later')) };

  it('gives exact byte rates from two samples 500 ms apart', () => {
    expect(interfaceEntry('enp3s0', attrs, end, start)).toMatchObject({
      rx_bytes: 9877543210,
      tx_bytes: 123706789,
      rx_packets: 7655321,
      rx_bytes_per_s: 2_000_000,
      tx_bytes_per_s: 500_000,
    });
    expect(interfaceEntry('lo', attrs, end, start)).toMatchObject({ rx_bytes_per_s: 200_000 });
  });

  it('gives null rates for an interface that was re-created or is new, and none without a start', () => {
    expect(interfaceEntry('veth1a2b', attrs, end, start).rx_bytes_per_s).toBeNull();
    expect(interfaceEntry('tun0', attrs, end, start)).toMatchObject({ rx_bytes: 100, rx_bytes_per_s: null });
    expect(interfaceEntry('enp3s0', attrs, end, undefined).tx_bytes_per_s).toBeNull();
  });
});

describe('addresses in the kernel notation', () => {
  it('decodes little-endian hex IPv4', () => {
    expect(ipv4FromHexLE('0101A8C0')).toBe('192.168.1.1');
    expect(ipv4FromHexLE('010200C0')).toBe('192.0.2.1');
    expect(ipv4FromHexLE('00000000')).toBe('0.0.0.0');
  });

  it('writes IPv6 in RFC 5952 form', () => {
    expect(ipv6FromHex('fe80000000000000021122fffe334455')).toBe('fe80::211:22ff:fe33:4455');
    expect(ipv6FromHex('20010db8000000000000000000000001')).toBe('2001:db8::1');
    expect(ipv6FromHex('00000000000000000000000000000001')).toBe('::1');
    expect(ipv6FromHex('00000000000000000000000000000000')).toBe('::');
    expect(ipv6FromHex('20010db8000000010000000000000000')).toBe('2001:db8:0:1::');
    expect(ipv6FromHex('20010db8000100000001000000000001')).toBe('2001:db8:1:0:1::1');
  });
});

describe('parseRoute', () => {
  it('picks the IPv4 default route with the lowest metric', () => {
    expect(parseRoute(fixture('route'))).toEqual({ iface: 'enp3s0', gateway: '10.0.0.1' });
  });

  it('is null without a default route', () => {
    expect(parseRoute(fixture('route.no-default'))).toBeNull();
  });
});

describe('parseIpv6Route', () => {
  it('picks the ::/0 route with the lowest metric and ignores the reject route on lo', () => {
    expect(parseIpv6Route(fixture('ipv6_route'))).toEqual({ iface: 'wg0', gateway: '2001:db8::1' });
  });

  it('is null when only the reject route exists', () => {
    const lines = fixture('ipv6_route')
      .split('\n')
      .filter((l) => !l.includes('00000003'));
    expect(parseIpv6Route(lines.join('\n'))).toBeNull();
  });
});

describe('parseResolvConf', () => {
  it('lists nameservers in order, without comments or duplicates', () => {
    expect(parseResolvConf(fixture('resolv.conf'))).toEqual(['192.168.1.1', '2001:db8::53', '9.9.9.9']);
  });
});
