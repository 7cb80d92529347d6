import { describe, expect, it } from 'vitest';
import type { AnyReader } from '../../../../electron/core/metrics/registry.js';
import { takeSnapshot } from '../../../../electron/core/snapshot/build.js';
import { UnsupportedError, defineReader } from '../../../../electron/core/snapshot/reader.js';
import { Snapshot } from '../../../../shared/snapshot/schema.js';
import { sampleSnapshot } from '../../../helpers/snapshot.js';

const sample = sampleSnapshot();
const base = { windowMs: 0, topN: 15, redaction: { enabled: true }, version: '9.9.9' };

describe('takeSnapshot with stand-in readers', () => {
  it('records a failing, a hanging, an unsupported and an invalid reader, and still completes', async () => {
    const snap = await takeSnapshot({
      ...base,
      sections: ['host', 'cpu', 'memory', 'swap', 'disks'],
      readers: {
        host: defineReader({ section: 'host', timeoutMs: 1000, collect: async () => sample.host! }),
        cpu: defineReader({
          section: 'cpu',
          timeoutMs: 1000,
          collect: async () => {
            throw new Error('boom\nsecond line');
          },
        }),
        memory: defineReader({ section: 'memory', timeoutMs: 50, collect: () => new Promise(() => {}) }),
        swap: defineReader({
          section: 'swap',
          timeoutMs: 1000,
          collect: async () => {
            throw new UnsupportedError('no swap here');
          },
        }),
        disks: {
          section: 'disks',
          timeoutMs: 1000,
          collect: async () => ({ filesystems: 'nope' }),
        } as unknown as AnyReader<'disks'>,
      },
    });
    expect(Snapshot.parse(snap)).toEqual(snap);
    expect(snap.host).toEqual(sample.host);
    expect(snap.cpu).toBeUndefined();
    expect(snap.errors).toEqual([
      { section: 'cpu', code: 'failed', message: 'boom' },
      { section: 'memory', code: 'timeout', message: 'no answer within 50 ms' },
      { section: 'swap', code: 'unsupported', message: 'no swap here' },
      {
        section: 'disks',
        code: 'failed',
        message: expect.stringMatching(/^reader returned invalid data at filesystems: /),
      },
    ]);
    expect(snap.sections).toEqual(['host', 'cpu', 'memory', 'swap', 'disks']);
    expect(snap.tool).toEqual({ name: 'autoinfrasnap', version: '9.9.9' });
  });

  it('opens one shared window: begin before the wait, collect after, with begin’s result', async () => {
    const events: string[] = [];
    const snap = await takeSnapshot({
      ...base,
      windowMs: 30,
      sections: ['swap'],
      readers: {
        swap: defineReader({
          section: 'swap',
          timeoutMs: 1000,
          begin: async () => {
            events.push('begin');
            return performance.now();
          },
          collect: async (_ctx, start) => {
            events.push(
              `collect after ${start !== undefined && performance.now() - start >= 25 ? 'window' : 'nothing'}`,
            );
            return sample.swap!;
          },
        }),
      },
    });
    expect(events).toEqual(['begin', 'collect after window']);
    expect(snap.window_ms).toBe(30);
  });

  it('redacts every string and counts per rule; --no-redact keeps them', async () => {
    const leaky = structuredClone(sample.host!);
    leaky.os.name = 'Debian --password=Hunter2Secret';
    const readers = { host: defineReader({ section: 'host', timeoutMs: 1000, collect: async () => leaky }) };
    const on = await takeSnapshot({ ...base, sections: ['host'], readers });
    expect(on.host!.os.name).toBe('Debian --password=[REDACTED]');
    expect(on.redactions).toEqual({ enabled: true, total: 1, by_rule: { 'flag-value': 1 } });
    const off = await takeSnapshot({ ...base, redaction: { enabled: false }, sections: ['host'], readers });
    expect(off.host!.os.name).toContain('Hunter2Secret');
    expect(off.redactions).toEqual({ enabled: false, total: 0, by_rule: {} });
  });

  it('shares memoised work among the readers of one snapshot, not across snapshots', async () => {
    let computed = 0;
    const shared = (ctx: Parameters<AnyReader['collect']>[0]) => ctx.memo('table', async () => ++computed);
    const readers = {
      memory: defineReader({
        section: 'memory',
        timeoutMs: 1000,
        collect: async (ctx) => (await shared(ctx), sample.memory!),
      }),
      swap: defineReader({
        section: 'swap',
        timeoutMs: 1000,
        collect: async (ctx) => (await shared(ctx), sample.swap!),
      }),
    };
    await takeSnapshot({ ...base, sections: ['memory', 'swap'], readers });
    expect(computed).toBe(1);
    await takeSnapshot({ ...base, sections: ['memory', 'swap'], readers });
    expect(computed).toBe(2);
  });
});

describe('takeSnapshot on this machine', () => {
  it('collects every section without errors and validates', async () => {
    const snap = await takeSnapshot({ ...base, windowMs: 200 });
    expect(snap.errors).toEqual([]);
    expect(Snapshot.safeParse(snap).success).toBe(true);
    expect(Object.keys(snap).filter((k) => snap.sections.includes(k as never))).toEqual(snap.sections);
    expect(snap.cpu!.usage_percent).not.toBeNull();
  });
});
