import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/ports/reader.js';
import { PortsSection } from '../../../../../shared/snapshot/metrics/ports.js';
import { testContext } from '../../../../helpers/context.js';

const linux = process.platform === 'linux';
let tcp: Server;
let tcp6: Server | null = null;
let udp: UdpSocket;

beforeAll(async () => {
  tcp = createServer().listen(0, '127.0.0.1');
  await once(tcp, 'listening');
  udp = createSocket('udp4');
  udp.bind(0, '127.0.0.1');
  await once(udp, 'listening');
  // IPv6 may be disabled on a CI host; the IPv6 case is then skipped, not failed.
  try {
    const s = createServer().listen(0, '::1');
    await once(s, 'listening');
    tcp6 = s;
  } catch {
    tcp6 = null;
  }
});
afterAll(async () => {
  await new Promise((r) => tcp.close(r));
  if (tcp6) await new Promise((r) => tcp6?.close(r));
  udp.close();
});

describe.skipIf(!linux)('ports reader on this machine', () => {
  const myName = () => readFileSync(`/proc/${process.pid}/comm`, 'utf8').trim();

  it('finds the TCP listener and UDP socket of this test process, with pid and name', async () => {
    const s = PortsSection.parse(await reader.collect(testContext(), undefined));
    const tcpPort = (tcp.address() as AddressInfo).port;
    const udpPort = udp.address().port;
    expect(s.listening).toContainEqual({
      protocol: 'tcp',
      family: 'IPv4',
      address: '127.0.0.1',
      port: tcpPort,
      pid: process.pid,
      process: myName(),
    });
    expect(s.listening).toContainEqual({
      protocol: 'udp',
      family: 'IPv4',
      address: '127.0.0.1',
      port: udpPort,
      pid: process.pid,
      process: myName(),
    });
    const sorted = [...s.listening].sort((a, b) =>
      a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : a.port - b.port,
    );
    expect(s.listening.map((p) => `${p.protocol}:${p.port}`)).toEqual(
      sorted.map((p) => `${p.protocol}:${p.port}`),
    );
  });

  it('finds an IPv6 listener on ::1', async (t) => {
    if (!tcp6) return t.skip();
    const s = await reader.collect(testContext(), undefined);
    expect(s.listening).toContainEqual({
      protocol: 'tcp',
      family: 'IPv6',
      address: '::1',
      port: (tcp6.address() as AddressInfo).port,
      pid: process.pid,
      process: myName(),
    });
  });

  it('shares one scan among the readers of a snapshot', async () => {
    const ctx = testContext();
    const [a, b] = await Promise.all([reader.collect(ctx, undefined), reader.collect(ctx, undefined)]);
    expect(a).toBe(b);
  });
});
