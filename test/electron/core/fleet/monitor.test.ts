// The FleetMonitor against real servers: the real HTTP(S) + SSE server and backend of `serve`,
// in-process on loopback, over a sampler the test ticks by hand. Nothing here is mocked.
import { afterEach, describe, expect, it } from 'vitest';
import { AlertEngine } from '../../../../electron/core/alerts/engine.js';
import type { ResolvedHost } from '../../../../electron/core/fleet/host.js';
import { FleetMonitor } from '../../../../electron/core/fleet/monitor.js';
import type { FleetChange } from '../../../../shared/contract/fleet.js';
import { SPARK_POINTS } from '../../../../shared/contract/fleet.js';
import { KEY, ManualSampler, makeCa, sample, startHost, type Host } from './helpers.js';

const FAST = {
  timing: { backoffMs: 50, maxBackoffMs: 400, connectTimeoutMs: 5000 },
  coalesceMs: 20,
  sweepMs: 100,
};

function host(name: string, url: string, key = KEY, ca: string[] | null = null): ResolvedHost {
  return { name, url, key, ca, caKind: ca ? 'pem' : 'none', problem: null };
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function monitor(opts = FAST): FleetMonitor {
  const m = new FleetMonitor(opts);
  cleanup.push(() => m.stop());
  return m;
}

async function started(opts: Parameters<typeof startHost>[0] = {}): Promise<Host> {
  const h = await startHost(opts);
  let closed = false;
  const close = h.close.bind(h);
  h.close = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  cleanup.push(() => h.close());
  return h;
}

/**
 * A sampler that counts event streams opened on its server (each open sends the latest sample; the
 * monitor asks for nothing else that reads it), and whether anyone made it sample at the full rate:
 * the monitor's streams are passive, so a watched host keeps its idle rate.
 */
class CountingSampler extends ManualSampler {
  opens = 0;
  madeVisible = 0;
  override latest() {
    this.opens++;
    return super.latest();
  }
  setVisible(v: boolean): void {
    if (v) this.madeVisible++;
  }
}

/** An alert engine that counts alerts:list requests (the only caller of history()). */
class CountingEngine extends AlertEngine {
  lists = 0;
  override history() {
    this.lists++;
    return super.history();
  }
}

describe('FleetMonitor', () => {
  it('connects, follows samples, shows a killed host as unreachable and recovers when it is back', async () => {
    const h = await started();
    h.sampler.tick(sample());
    const m = monitor();
    m.setHosts([host('web', h.url)]);
    m.start();
    await expect.poll(() => m.get('web')?.state).toBe('ok');
    await expect.poll(() => m.get('web')?.now?.cpu).toBe(12);
    expect(m.get('web')?.hostname).toBe('web-1');

    const busy = sample();
    busy.cpu.usage_percent = 55;
    h.sampler.tick(busy);
    await expect.poll(() => m.get('web')?.now?.cpu).toBe(55);
    expect(m.get('web')?.spark.cpu).toContain(55);
    expect(m.get('web')?.problem).toBeNull();

    await h.close();
    await expect.poll(() => m.get('web')?.state).toBe('unreachable');
    expect(m.get('web')?.problem?.code).toBe('network');
    // While it is down every retry is refused: the reason says so.
    await expect.poll(() => m.get('web')?.problem?.message).toMatch(/ECONNREFUSED/);
    // The last known numbers stay, marked by the state.
    expect(m.get('web')?.now?.cpu).toBe(55);

    const back = await started({ port: h.port });
    back.sampler.tick(sample());
    await expect.poll(() => m.get('web')?.state, { timeout: 10_000 }).toBe('ok');
    expect(m.get('web')?.problem).toBeNull();
    await expect.poll(() => m.get('web')?.now?.cpu).toBe(12);
  });

  it('shows a refused key as unreachable (auth) and never repeats the key', async () => {
    const h = await started();
    const wrong = 'wrong-key-that-must-not-leak-0123';
    const m = monitor();
    m.setHosts([host('web', h.url, wrong)]);
    m.start();
    await expect.poll(() => m.get('web')?.state).toBe('unreachable');
    expect(m.get('web')?.problem).toMatchObject({ code: 'auth', message: expect.stringMatching(/401/) });
    expect(JSON.stringify(m.list())).not.toContain(wrong);
  });

  it('keeps a host that cannot be tried (no key) as unreachable with the reason, never drops it', () => {
    const m = monitor();
    m.setHosts([
      {
        ...host('nokey', 'http://127.0.0.1:9'),
        key: null,
        problem: { code: 'config', message: 'no API key' },
      },
    ]);
    m.start();
    expect(m.list()).toEqual([
      expect.objectContaining({
        name: 'nokey',
        state: 'unreachable',
        has_key: false,
        problem: expect.anything(),
      }),
    ]);
  });

  it('verifies HTTPS against the CA given: its own CA is trusted, another CA is refused with a TLS reason', async () => {
    const ours = await makeCa('AutoInfraSnap test CA');
    const other = await makeCa('Some other CA');
    const h = await started({ tls: await ours.issue('127.0.0.1') });
    expect(h.url).toMatch(/^https:/);
    h.sampler.tick(sample());
    const m = monitor();
    m.setHosts([
      host('trusted', h.url, KEY, [ours.pem]),
      host('other-ca', h.url, KEY, [other.pem]),
      host('system-roots', h.url, KEY, null),
    ]);
    m.start();
    await expect.poll(() => m.get('trusted')?.state).toBe('ok');
    expect(m.get('trusted')?.tls).toBe(true);
    await expect.poll(() => m.get('other-ca')?.state).toBe('unreachable');
    expect(m.get('other-ca')?.problem?.code).toBe('tls');
    await expect.poll(() => m.get('system-roots')?.problem?.code).toBe('tls');
    // The refused host never got a stream: the server saw exactly one (the trusted host's).
    expect(await m.call('trusted', 'status:get', {})).toMatchObject({ status: 'ok' });
    await expect(m.call('other-ca', 'status:get', {})).rejects.toMatchObject({
      status: 502,
      code: 'host_tls',
    });
  });

  it('watches 50 hosts with one stream each, one alerts:list each, coalesced changes and bounded state', async () => {
    const hosts: (Host & { counter: CountingSampler; engine: CountingEngine })[] = [];
    for (let i = 0; i < 50; i++) {
      const counter = new CountingSampler();
      const engine = new CountingEngine();
      const h = await started({ sampler: counter, alerts: engine });
      counter.tick(sample());
      hosts.push(Object.assign(h, { counter, engine }));
    }
    const m = monitor({ ...FAST, coalesceMs: 300 });
    const changes: FleetChange[] = [];
    m.onChanged((c) => changes.push(c));
    m.setHosts(hosts.map((h, i) => host(`h${i}`, h.url)));
    m.start();
    await expect.poll(() => m.list().filter((s) => s.state === 'ok').length, { timeout: 20_000 }).toBe(50);
    await expect.poll(() => hosts.every((h) => h.engine.lists === 1)).toBe(true);
    expect(hosts.map((h) => h.counter.opens)).toEqual(hosts.map(() => 1));
    expect(hosts.map((h) => h.counter.madeVisible)).toEqual(hosts.map(() => 0));

    // Every host ticks at once: far fewer change events than host changes, and every host in them.
    changes.length = 0;
    const busy = sample();
    busy.cpu.usage_percent = 77;
    for (const h of hosts) h.counter.tick(busy);
    await expect.poll(() => m.list().every((s) => s.now?.cpu === 77), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => new Set(changes.flatMap((c) => c.changed.map((s) => s.name))).size).toBe(50);
    expect(changes.length).toBeLessThan(10);

    // One host sends far more samples than a sparkline keeps: its state stays the same size.
    for (let i = 0; i < 3 * SPARK_POINTS; i++) hosts[0]!.counter.tick({ ...busy, t: busy.t + i + 1 });
    await expect.poll(() => m.get('h0')?.now?.t).toBe(busy.t + 3 * SPARK_POINTS);
    expect(m.get('h0')?.spark.cpu).toHaveLength(SPARK_POINTS);
    expect(m.get('h0')?.spark.disk).toHaveLength(SPARK_POINTS);
    // Still one stream per host: nothing reconnected.
    expect(hosts.every((h) => h.counter.opens === 1)).toBe(true);
  }, 60_000);

  it('removes a host: its stream closes and the change names it', async () => {
    const a = await started();
    const b = await started();
    const m = monitor();
    const changes: FleetChange[] = [];
    m.onChanged((c) => changes.push(c));
    m.setHosts([host('a', a.url), host('b', b.url)]);
    m.start();
    await expect.poll(() => m.list().map((s) => s.state)).toEqual(['ok', 'ok']);
    m.setHosts([host('b', b.url)]);
    expect(m.list().map((s) => s.name)).toEqual(['b']);
    await expect.poll(() => changes.some((c) => c.removed.includes('a'))).toBe(true);
  });
});
