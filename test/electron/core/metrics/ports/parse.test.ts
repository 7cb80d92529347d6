import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeHexAddress,
  formatIPv6,
  parseProcNet,
  sortAndDedupe,
} from '../../../../../electron/core/metrics/ports/parse.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../fixtures/ports/proc/net/${name}`, import.meta.url), 'utf8');
}

describe('decodeHexAddress', () => {
  it('decodes little-endian IPv4', () => {
    expect(decodeHexAddress('0100007F', true)).toBe('127.0.0.1');
    expect(decodeHexAddress('0B00A8C0', true)).toBe('192.168.0.11');
    expect(decodeHexAddress('C0A8000B', false)).toBe('192.168.0.11');
  });

  it('decodes IPv6 printed as four little-endian 32-bit words', () => {
    expect(decodeHexAddress('00000000000000000000000000000000', true)).toBe('::');
    expect(decodeHexAddress('00000000000000000000000001000000', true)).toBe('::1');
    expect(decodeHexAddress('0000000000000000FFFF00000100007F', true)).toBe('::ffff:127.0.0.1');
    expect(decodeHexAddress('B80D0120000000000000000001000000', true)).toBe('2001:db8::1');
    expect(decodeHexAddress('000080FE00000000FF290C02010A4BFE', true)).toBe('fe80::20c:29ff:fe4b:a01');
  });

  it('rejects what is not an address', () => {
    expect(decodeHexAddress('XYZ', true)).toBeNull();
    expect(decodeHexAddress('0100', true)).toBeNull();
  });
});

describe('formatIPv6', () => {
  it('compresses the longest zero run only, never a single zero group (RFC 5952)', () => {
    const b = (groups: number[]) => groups.flatMap((g) => [g >> 8, g & 0xff]);
    expect(formatIPv6(b([0x2001, 0xdb8, 0, 0, 1, 0, 0, 0]))).toBe('2001:db8:0:0:1::');
    expect(formatIPv6(b([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1]))).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatIPv6(b([0, 0, 1, 0, 0, 0, 0, 0]))).toBe('0:0:1::');
  });

  it('gives text Node itself parses back to the same 16 bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }), (bytes) => {
        const text = formatIPv6(bytes);
        expect(isIPv6(text)).toBe(true);
        expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
      }),
    );
  });
});

describe('parseProcNet', () => {
  it('keeps only LISTEN (0A) TCP sockets with their inode', () => {
    expect(parseProcNet(fixture('tcp'), 'tcp', 'IPv4', true)).toEqual([
      { protocol: 'tcp', family: 'IPv4', address: '127.0.0.1', port: 8080, inode: 11111 },
      { protocol: 'tcp', family: 'IPv4', address: '0.0.0.0', port: 22, inode: 22222 },
      { protocol: 'tcp', family: 'IPv4', address: '192.168.0.11', port: 80, inode: 44444 },
      { protocol: 'tcp', family: 'IPv4', address: '0.0.0.0', port: 22, inode: 22223 },
    ]);
  });

  it('reads tcp6, including an IPv4-mapped listener', () => {
    expect(parseProcNet(fixture('tcp6'), 'tcp', 'IPv6', true).map((s) => `${s.address} ${s.port}`)).toEqual([
      ':: 8081',
      '::1 631',
      '::ffff:127.0.0.1 9090',
      'fe80::20c:29ff:fe4b:a01 7000',
    ]);
  });

  it('keeps bound, unconnected UDP sockets (07) and drops connected ones', () => {
    expect(parseProcNet(fixture('udp'), 'udp', 'IPv4', true)).toEqual([
      { protocol: 'udp', family: 'IPv4', address: '127.0.0.53', port: 53, inode: 88888 },
      { protocol: 'udp', family: 'IPv4', address: '0.0.0.0', port: 5353, inode: 99999 },
    ]);
    expect(parseProcNet(fixture('udp6'), 'udp', 'IPv6', true)).toHaveLength(1);
  });

  it('copes with an empty table and garbage lines', () => {
    expect(parseProcNet('  sl  local_address\n', 'tcp', 'IPv4', true)).toEqual([]);
    expect(parseProcNet('hdr\n 0: nonsense here 0A a b c d e f\n', 'tcp', 'IPv4', true)).toEqual([]);
  });
});

describe('sortAndDedupe', () => {
  it('sorts by protocol, port, address and drops exact duplicates', () => {
    const p = (protocol: 'tcp' | 'udp', address: string, port: number, pid: number | null) => ({
      protocol,
      family: address.includes(':') ? ('IPv6' as const) : ('IPv4' as const),
      address,
      port,
      pid,
      process: pid === null ? null : 'x',
    });
    const out = sortAndDedupe([
      p('udp', '0.0.0.0', 53, 1),
      p('tcp', '::', 80, 2),
      p('tcp', '0.0.0.0', 80, 2),
      p('tcp', '0.0.0.0', 80, 2),
      p('tcp', '0.0.0.0', 80, 3),
      p('tcp', '127.0.0.1', 22, null),
    ]);
    expect(out.map((x) => `${x.protocol} ${x.port} ${x.address} ${x.pid}`)).toEqual([
      'tcp 22 127.0.0.1 null',
      'tcp 80 0.0.0.0 2',
      'tcp 80 0.0.0.0 3',
      'tcp 80 :: 2',
      'udp 53 0.0.0.0 1',
    ]);
  });
});
