// The event-stream parser and the reconnection delay, on their own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../electron/core/fleet/host.js';
import { MAX_EVENT_BYTES, SseParser } from '../../../../electron/core/fleet/sse-parse.js';

describe('SseParser', () => {
  it('parses what serve writes: retry, events, heartbeats, CRLF and multi-line data', () => {
    const p = new SseParser();
    const text =
      'retry: 3000\n\nevent: status:changed\ndata: {"a":1}\n\n: heartbeat 1\n\r\nevent: x\r\ndata: one\r\ndata: two\r\n\r\ndata:plain\n\n';
    expect(p.feed(text)).toEqual([
      { event: 'status:changed', data: '{"a":1}' },
      { event: 'x', data: 'one\ntwo' },
      { event: 'message', data: 'plain' },
    ]);
    expect(p.retryMs).toBe(3000);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    const text = 'event: a\ndata: {"v":1}\n\n: hb\n\nevent: b\ndata: x\ndata: y\n\n';
    const whole = new SseParser().feed(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), (cuts) => {
        const p = new SseParser();
        const points = [...new Set([0, ...cuts.sort((a, b) => a - b), text.length])];
        const out = points.slice(1).flatMap((end, i) => p.feed(text.slice(points[i], end)));
        expect(out).toEqual(whole);
      }),
    );
  });

  it('refuses an event that never ends', () => {
    const p = new SseParser();
    expect(() => p.feed(`data: ${'x'.repeat(MAX_EVENT_BYTES)}`)).toThrow(/larger than/);
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap, with 50–100 % jitter', () => {
    const t = { backoffMs: 1000, maxBackoffMs: 60_000 };
    expect(backoffDelay(0, { ...t, random: () => 1 })).toBe(1000);
    expect(backoffDelay(0, { ...t, random: () => 0 })).toBe(500);
    expect(backoffDelay(3, { ...t, random: () => 1 })).toBe(8000);
    expect(backoffDelay(50, { ...t, random: () => 1 })).toBe(60_000);
    expect(backoffDelay(50, { ...t, random: () => 0 })).toBe(30_000);
  });
});
