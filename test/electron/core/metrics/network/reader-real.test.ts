import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/network/reader.js';
import { NetworkSection } from '../../../../../shared/snapshot/metrics/network.js';
import { testContext } from '../../../../helpers/context.js';

const onLinux = process.platform === 'linux';
const WINDOW_MS = 300;
const PAYLOAD = 4 << 20;

/** Sends `bytes` from a client to a server over 127.0.0.1 and resolves once the server has them all. */
async function sendOverLoopback(bytes: number): Promise<void> {
  let received = 0;
  let done!: () => void;
  const allIn = new Promise<void>((r) => (done = r));
  const server = createServer((s: Socket) => {
    s.on('data', (d: Buffer) => {
      received += d.length;
      if (received >= bytes) done();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(client, 'connect');
  try {
    client.write(Buffer.alloc(bytes, 0x5a));
    await allIn;
  } finally {
    client.destroy();
    server.close();
  }
}

describe.runIf(onLinux)('network reader on this machine', () => {
  it('matches the schema and has lo as loopback with 127.0.0.1', async () => {
    const section = NetworkSection.parse(await reader.collect(testContext({ windowMs: 0 }), undefined));
    const lo = section.interfaces.find((i) => i.name === 'lo');
    expect(lo?.type).toBe('loopback');
    expect(lo?.up).toBe(true);
    expect(lo?.addresses.map((a) => a.address)).toContain('127.0.0.1');
    expect(lo?.rx_bytes_per_s).toBeNull();
  });

  it('measures traffic sent over loopback during the window', async () => {
    const ctx = testContext({ windowMs: WINDOW_MS });
    const t0 = performance.now();
    const start = await reader.begin?.(ctx);
    await sendOverLoopback(PAYLOAD);
    const left = WINDOW_MS - (performance.now() - t0);
    if (left > 0) await sleep(left);
    const section = NetworkSection.parse(await reader.collect(ctx, start));
    // The widest span the reader's own two reads can lie in: a slow run lowers the bar, never raises it.
    const spanS = (performance.now() - t0) / 1000;
    const lo = section.interfaces.find((i) => i.name === 'lo');
    expect(lo?.rx_bytes_per_s).toBeGreaterThanOrEqual((PAYLOAD / spanS) * 0.5);
    expect(lo?.tx_bytes_per_s).toBeGreaterThanOrEqual((PAYLOAD / spanS) * 0.5);
  });
});
