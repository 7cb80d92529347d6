// Retries against real receivers on loopback: a 500 then a 200, a refused connection then a listener,
// a receiver that never recovers, and a 400 that must not be retried. Backoff runs on a manual clock.
import { afterEach, describe, expect, it } from 'vitest';
import { backoffMs } from '../../../../electron/core/delivery/backoff.js';
import { DeliveryService } from '../../../../electron/core/delivery/service.js';
import { DeliverySettings } from '../../../../shared/settings/delivery.js';
import { ManualScheduler, Receiver, firingEvent, freePort, signatureValid } from './helpers.js';

const started: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

function setup(url: string, retry: Record<string, number> = {}) {
  const scheduler = new ManualScheduler();
  const logs: string[] = [];
  const svc = new DeliveryService({
    settings: DeliverySettings.parse({
      targets: [{ kind: 'webhook', id: 'ops', url, secret: 'env:HOOK_SECRET', language: 'en' }],
      retry: { attempts: 4, baseSeconds: 5, maxSeconds: 60, ...retry },
    }),
    env: { HOOK_SECRET: 's3cr3t-value' },
    host: 'web-1',
    scheduler,
    random: () => 0.5,
    log: (l) => logs.push(l),
  });
  started.push(svc);
  return { svc, scheduler, logs };
}

describe('delivery retries', () => {
  it('retries after a 500 and delivers exactly once, same delivery id, each try signed', async () => {
    const r = await new Receiver().start();
    started.push(r);
    r.statuses = [500];
    const { svc, scheduler, logs } = setup(r.url);
    svc.handle(firingEvent());
    await r.received(1);
    await svc.idle();

    const [s] = svc.status();
    expect(s).toMatchObject({ pending: 1, sent: 0, failed: 0, last_success_at: null });
    expect(s!.last_error).toBe(`HTTP 500 from http://127.0.0.1:${r.port}`);
    expect(s!.next_retry_at).toBe(scheduler.now() + 3750); // 5 s with equal jitter at 0.5
    expect(logs.join('\n')).toContain('try 1 of 4');

    expect(scheduler.fireNext()).toBe(3750);
    await r.received(2);
    await svc.idle();
    expect(r.got).toHaveLength(2);
    expect(r.got[1]!.headers['x-autoinfrasnap-delivery']).toBe(r.got[0]!.headers['x-autoinfrasnap-delivery']);
    expect(r.got[1]!.raw).toBe(r.got[0]!.raw);
    for (const g of r.got)
      expect(signatureValid('s3cr3t-value', g.headers['x-autoinfrasnap-signature'] as string, g.raw)).toBe(
        true,
      );
    expect(svc.status()[0]).toMatchObject({ pending: 0, sent: 1, failed: 0, next_retry_at: null });
    expect(svc.status()[0]!.last_success_at).toBe(scheduler.now());
    // Nothing else is scheduled: delivered once, and only once.
    expect(scheduler.fireNext()).toBeNull();
    expect(logs.join('\n')).not.toContain('s3cr3t-value');
  });

  it('retries after connection refused once a receiver listens on the port', async () => {
    const port = await freePort();
    const { svc, scheduler } = setup(`http://127.0.0.1:${port}/hook`);
    svc.handle(firingEvent());
    await svc.idle();
    expect(svc.status()[0]).toMatchObject({ pending: 1, sent: 0 });
    expect(svc.status()[0]!.last_error).toContain('ECONNREFUSED');

    const r = await new Receiver().start(port);
    started.push(r);
    scheduler.fireNext();
    await r.received(1);
    await svc.idle();
    expect(r.got).toHaveLength(1);
    expect(svc.status()[0]).toMatchObject({ pending: 0, sent: 1 });
    expect(scheduler.fireNext()).toBeNull();
  });

  it('backs off exponentially up to the cap, then gives up and says so', async () => {
    const r = await new Receiver().start();
    started.push(r);
    r.statuses = [503, 503, 503, 503, 503];
    const { svc, scheduler, logs } = setup(r.url, { attempts: 4, baseSeconds: 20, maxSeconds: 60 });
    svc.handle(firingEvent());
    const waits: number[] = [];
    for (let i = 1; i <= 4; i++) {
      await r.received(i);
      await svc.idle();
      const w = scheduler.fireNext();
      if (w !== null) waits.push(w);
    }
    expect(r.got).toHaveLength(4);
    expect(waits).toEqual([15_000, 30_000, 45_000]); // 20, 40, then 80 capped to 60 s; each ¾ at 0.5
    expect(svc.status()[0]).toMatchObject({ pending: 0, sent: 0, failed: 1 });
    expect(logs.at(-1)).toContain('giving up');
  });

  it('does not retry a 400: the payload or URL is wrong and will stay wrong', async () => {
    const r = await new Receiver().start();
    started.push(r);
    r.statuses = [400];
    const { svc, scheduler } = setup(r.url);
    svc.handle(firingEvent());
    await r.received(1);
    await svc.idle();
    expect(svc.status()[0]).toMatchObject({
      pending: 0,
      failed: 1,
      last_error: `HTTP 400 from http://127.0.0.1:${r.port}`,
    });
    expect(scheduler.fireNext()).toBeNull();
  });

  it('stop() cancels pending retries', async () => {
    const port = await freePort();
    const { svc, scheduler } = setup(`http://127.0.0.1:${port}/hook`);
    svc.handle(firingEvent());
    await svc.idle();
    expect(svc.status()[0]!.pending).toBe(1);
    await svc.stop();
    expect(svc.status()[0]!.pending).toBe(0);
    expect(scheduler.fireNext()).toBeNull();
  });
});

describe('backoffMs', () => {
  const policy = { attempts: 10, baseSeconds: 5, maxSeconds: 300 };
  it('doubles, caps, and keeps jitter within the upper half of the wait', () => {
    expect(backoffMs(1, policy, () => 0)).toBe(2500);
    expect(backoffMs(1, policy, () => 0.999999)).toBeLessThanOrEqual(5000);
    expect(backoffMs(2, policy, () => 0)).toBe(5000);
    expect(backoffMs(3, policy, () => 0)).toBe(10_000);
    expect(backoffMs(20, policy, () => 0)).toBe(150_000);
    expect(backoffMs(20, policy, () => 0.999999)).toBeLessThanOrEqual(300_000);
  });
});
