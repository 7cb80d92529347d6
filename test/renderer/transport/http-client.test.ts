import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, createHttpClient, toQuery } from '../../../renderer/transport/http-client.js';
import { KEY, sample, startTestServer, type TestServer } from '../../electron/server/fake.js';

/** An EventSource the test drives by hand. */
class FakeEventSource {
  static all: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly handlers = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(name: string, h: (e: { data: string }) => void): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), h]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  emit(name: string, data: unknown): void {
    for (const h of this.handlers.get(name) ?? []) h({ data: JSON.stringify(data) });
  }
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.();
  }
}
const ES = FakeEventSource as unknown as new (url: string) => EventSource;

let ts: TestServer;
const withKey: typeof fetch = (input, init) =>
  fetch(input, {
    ...init,
    headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${KEY}` },
  });

beforeAll(async () => {
  ts = await startTestServer();
  ts.sampler.tick();
});
afterAll(async () => ts.close());

describe('createHttpClient: commands', () => {
  it('calls the routes and returns validated responses', async () => {
    const c = createHttpClient(ts.server.url, { fetch: withKey, EventSource: ES });
    const latest = await c.call('metrics:latest', {});
    expect(latest?.host).toBe('web-1');
    const snap = await c.call('snapshot:get', { ref: 'latest' });
    expect(snap.id).toBe('0196b7c4-9999-7cde-9abc-0123456789ab');
    const rules = await c.call('alerts:rules:set', {
      rules: [{ kind: 'metric', id: 'c', metric: 'cpu', fire_at: 90, clear_at: 80 }],
    });
    expect(rules[0]).toMatchObject({ id: 'c', for_s: 30, severity: 'warning' });
    expect(toQuery({ a: 'x y', n: 1, skip: { no: 1 } })).toBe('?a=x+y&n=1');
  });

  it('turns error responses into ApiErrors and 401 into onUnauthorized', async () => {
    const onUnauthorized = vi.fn();
    const c = createHttpClient(ts.server.url, { fetch: withKey, EventSource: ES, onUnauthorized });
    const e = await c.call('snapshot:get', { ref: 'ffffffff' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 404, code: 'not_found' });
    const anon = createHttpClient(ts.server.url, { EventSource: ES, onUnauthorized });
    await expect(anon.call('status:get', {})).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('rejects responses that break the contract, and network failures', async () => {
    const bad = createHttpClient('', {
      fetch: async () => new Response(JSON.stringify({ status: 'meh' }), { status: 200 }),
      EventSource: ES,
    });
    await expect(bad.call('status:get', {})).rejects.toMatchObject({ code: 'bad_response' });
    const down = createHttpClient('', {
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      EventSource: ES,
    });
    await expect(down.call('status:get', {})).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('createHttpClient: events', () => {
  it('delivers valid events, drops invalid ones, and reports and repairs lost connections', async () => {
    vi.useFakeTimers();
    try {
      FakeEventSource.all = [];
      const onUnauthorized = vi.fn();
      const fetchStub = vi.fn(async () => new Response('{}', { status: 401 }));
      const c = createHttpClient('http://h', { fetch: fetchStub, EventSource: ES, onUnauthorized });
      const got: number[] = [];
      const conn: boolean[] = [];
      const off = c.subscribe('metrics:sample', (s) => got.push(s.t));
      const offConn = c.onConnection((v) => conn.push(v));
      expect(FakeEventSource.all).toHaveLength(1);
      const es = FakeEventSource.all[0]!;
      expect(es.url).toBe('http://h/api/v1/events');
      es.open();
      es.emit('metrics:sample', sample(5));
      es.emit('metrics:sample', { t: 'not a sample' });
      es.emit('status:changed', { status: 'ok', firing: 0, host: 'x' });
      // Events are validated once the lazily loaded schemas are in: let those promises settle.
      await vi.advanceTimersByTimeAsync(0);
      expect(got).toEqual([5]);
      es.fail(false);
      expect(conn).toEqual([true, false]);
      expect(FakeEventSource.all).toHaveLength(1);
      es.fail(true);
      await vi.advanceTimersByTimeAsync(0);
      expect(fetchStub).toHaveBeenCalledWith('http://h/api/v1/status', { credentials: 'same-origin' });
      expect(onUnauthorized).toHaveBeenCalledOnce();
      await vi.advanceTimersByTimeAsync(1000);
      expect(FakeEventSource.all).toHaveLength(2);
      FakeEventSource.all[1]!.open();
      FakeEventSource.all[1]!.emit('metrics:sample', sample(6));
      await vi.advanceTimersByTimeAsync(0);
      expect(conn).toEqual([true, false, true]);
      expect(got).toEqual([5, 6]);
      off();
      expect(FakeEventSource.all[1]!.closed).toBe(false);
      offConn();
      expect(FakeEventSource.all[1]!.closed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
