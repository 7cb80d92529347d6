import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sample } from '../../../../shared/contract/sample.js';
import { MinuteAccumulator } from '../../../../electron/core/sampler/history.js';
import { rollupLine } from '../../../../electron/core/sampler/persist.js';
import { Sampler, type SamplerOptions } from '../../../../electron/core/sampler/sampler.js';
import { fakeReaders, tempDir, type FakeState } from './fakes.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
let dir: string;
let cleanup: () => Promise<void>;
/** Added to the wall clock only: a jump the monotonic clock does not see, as after a suspend. */
let jump = 0;
const clock = { now: () => Date.now() + jump, monotonic: () => Date.now() };

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  jump = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

function make(opts: Partial<SamplerOptions> = {}): { sampler: Sampler; state: FakeState; samples: Sample[] } {
  const { state, readers } = fakeReaders();
  const sampler = new Sampler({ dataDir: dir, clock, readers, intervalMs: 10_000, ...opts });
  const samples: Sample[] = [];
  sampler.onSample((s) => samples.push(s));
  return { sampler, state, samples };
}
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('Sampler with scripted readers', () => {
  it('samples validate against the contract and process commands are redacted', async () => {
    const { sampler, samples } = make();
    await sampler.start();
    await advance(10_000);
    await sampler.stop();
    expect(samples).toHaveLength(2);
    for (const s of samples) expect(Sample.safeParse(s).success).toBe(true);
    const cmd = samples[1]!.processes.top[0]!.command;
    expect(cmd).not.toMatch(/HUNTER2|hunter2/);
    expect(cmd).toContain('[REDACTED]');
    // loopback is left out; rates need a window start, so the first sample has none.
    expect(samples[0]!.network.map((n) => n.name)).toEqual(['eth0']);
    expect(samples[0]!.cpu.usage_percent).toBeNull();
    expect(samples[1]!.cpu.usage_percent).toBe(10);
    expect(samples[1]!.sensors.max_celsius).toBe(55);
    expect(sampler.latest()).toBe(samples[1]);
  });

  it('keeps commands as they are when redaction is off, and stops notifying after unsubscribe', async () => {
    const { sampler, samples } = make({ redaction: { enabled: false } });
    const seen: Sample[] = [];
    const off = sampler.onSample((s) => seen.push(s));
    await sampler.start();
    off();
    await advance(10_000);
    await sampler.stop();
    expect(samples[0]!.processes.top[0]!.command).toContain('HUNTER2');
    expect(seen).toHaveLength(1);
    expect(samples).toHaveLength(2);
  });

  it('rolls each minute up into exact min/avg/max and serves each range at its resolution', async () => {
    const { sampler, state } = make();
    const cpu = [0, 20, 30, 40, 50, 60]; // the first tick has no usage (no window yet)
    let i = 0;
    sampler.onSample(() => (state.cpu = cpu[++i] ?? 70));
    state.cpu = cpu[0]!;
    await sampler.start(); // t = 0 s
    await advance(7 * 60_000); // ticks every 10 s up to 7 min
    const day = sampler.history('24h');
    expect(day[0]).toEqual({
      t: T0,
      values: expect.objectContaining({
        cpu: { min: 20, avg: 40, max: 60 },
        memory: { min: 50, avg: 50, max: 50 },
        'disk:/': { min: 40, avg: 40, max: 40 },
        'net_rx:eth0': { min: 1000, avg: 1000, max: 1000 },
        temp: { min: 55, avg: 55, max: 55 },
      }),
    });
    expect(day.map((p) => p.t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((m) => T0 + m * 60_000));
    expect(sampler.history('7d')).toEqual(day);
    const hour = sampler.history('1h');
    expect(hour).toHaveLength(43);
    expect(typeof hour[5]!.values.cpu).toBe('number');
    const five = sampler.history('5m');
    expect(five[0]!.t).toBe(T0 + 2 * 60_000); // now − 5 min, inclusive
    expect(five).toHaveLength(31);
    await sampler.stop();
  });

  it('computes no rate across a sleep and leaves the gap empty in the history', async () => {
    const { sampler, samples } = make();
    await sampler.start();
    await advance(20_000);
    jump = 3_600_000; // the machine slept for an hour: wall time jumps, monotonic time does not
    await advance(10_000);
    await advance(10_000);
    await sampler.stop();
    const [, , before, after, next] = samples;
    expect(before!.cpu.usage_percent).toBe(10);
    expect(after!.t - before!.t).toBe(3_610_000);
    expect(after!.cpu.usage_percent).toBeNull();
    expect(after!.disk_io[0]!.read_bytes_per_s).toBeNull();
    expect(after!.network[0]!.rx_bytes_per_s).toBeNull();
    expect(next!.cpu.usage_percent).toBe(10);
    const ts = sampler.history('1h').map((p) => p.t);
    expect(ts).toEqual([after!.t, next!.t]);
  });

  it('ticks at intervalMs while a window is visible and at idleIntervalMs otherwise', async () => {
    const { sampler, samples } = make({ intervalMs: 1000, idleIntervalMs: 5000 });
    await sampler.start();
    await advance(2000);
    expect(samples).toHaveLength(3);
    sampler.setVisible(false);
    await advance(4000);
    expect(samples).toHaveLength(3);
    await advance(1000);
    expect(samples).toHaveLength(4);
    expect(samples[3]!.interval_ms).toBe(5000);
    sampler.setVisible(true);
    await advance(1000);
    expect(samples).toHaveLength(5);
    expect(samples[4]!.interval_ms).toBe(1000);
    sampler.setIntervalMs(3000);
    await advance(3000);
    expect(samples.map((s) => s.t - T0)).toEqual([0, 1000, 2000, 7000, 8000, 11_000]);
    sampler.setIntervalMs(10); // clamped to 1000
    await advance(1000);
    expect(samples).toHaveLength(7);
    await sampler.stop();
    await advance(60_000);
    expect(samples).toHaveLength(7);
  });

  it('applies a new idle interval live (the monitor.idleIntervalSeconds setting)', async () => {
    const { sampler, samples } = make({ intervalMs: 1000, idleIntervalMs: 10_000 });
    await sampler.start();
    sampler.setVisible(false);
    await advance(10_000);
    expect(samples.map((s) => s.t - T0)).toEqual([0, 10_000]);
    sampler.setIdleIntervalMs(3000); // counted from the last tick, as setIntervalMs is
    await advance(3000);
    expect(samples.map((s) => s.t - T0)).toEqual([0, 10_000, 13_000]);
    expect(samples[2]!.interval_ms).toBe(3000);
    sampler.setIdleIntervalMs(500); // never faster than the visible interval (and clamped to 1000)
    await advance(1000);
    expect(samples).toHaveLength(4);
    await sampler.stop();
  });

  it('never runs two ticks at once: a slow tick delays the next', async () => {
    const { readers } = fakeReaders();
    let running = 0;
    let most = 0;
    const starts: number[] = [];
    const slowMemory = {
      section: 'memory',
      timeoutMs: 60_000,
      collect: async () => {
        starts.push(Date.now() - T0);
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 15_000));
        running--;
        return { used_percent: 1, used_bytes: 1, total_bytes: 100 };
      },
    } as unknown as NonNullable<typeof readers.memory>;
    const sampler = new Sampler({
      dataDir: dir,
      clock,
      readers: { ...readers, memory: slowMemory },
      intervalMs: 10_000,
    });
    const started = sampler.start();
    // start reads the history folder first (real I/O): let it get to the first tick.
    while (starts.length === 0) await new Promise((r) => setImmediate(r));
    await advance(15_000);
    await started;
    await advance(45_000);
    expect(most).toBe(1);
    // Each tick starts when the previous one ended (fake timers add a millisecond per zero delay).
    expect(starts.length).toBeGreaterThanOrEqual(4);
    starts.slice(1).forEach((t, i) => expect(t - starts[i]!).toBeGreaterThanOrEqual(15_000));
    const stopped = sampler.stop(); // waits for the tick in flight
    await advance(15_000);
    await stopped;
  });

  it('asks a silent container engine again only once a minute, and includes one that answers', async () => {
    const { sampler, state, samples } = make();
    await sampler.start();
    await advance(50_000);
    expect(state.containerCalls).toBe(1);
    expect(samples.every((s) => s.containers === null)).toBe(true);
    state.engine = true;
    await advance(10_000);
    expect(state.containerCalls).toBe(2);
    expect(samples.at(-1)!.containers).toMatchObject({ running: 1, total: 1 });
    await sampler.stop();
  });
});

describe('Sampler persistence', () => {
  it('keeps the history across a restart (rollups and the last hour)', async () => {
    const first = make();
    await first.sampler.start();
    await advance(150_000);
    await first.sampler.stop();
    const day = first.sampler.history('24h');
    const hour = first.sampler.history('1h');
    expect(day).toHaveLength(3);

    const files = await readdir(join(dir, 'history'));
    expect(files.sort()).toEqual(['recent.ndjson', 'rollups-2026-01-01.ndjson']);
    for (const f of files) expect((await stat(join(dir, 'history', f))).mode & 0o777).toBe(0o600);

    const second = make();
    await second.sampler.start(); // same minute as the stop: the partial minute is merged, not duplicated
    expect(second.sampler.history('1h').slice(0, hour.length)).toEqual(hour);
    const again = second.sampler.history('24h');
    expect(again.map((p) => p.t)).toEqual(day.map((p) => p.t));
    await second.sampler.stop();

    // Restarting the same object does not load (and so duplicate) the history again.
    const before = second.sampler.history('1h').length;
    await second.sampler.start();
    expect(second.sampler.history('1h')).toHaveLength(before + 1);
    await second.sampler.stop();
  });

  it('drops minutes older than seven days and compacts a torn file on load', async () => {
    const hist = join(dir, 'history');
    await mkdir(hist, { recursive: true });
    const line = (t: number) => {
      const a = new MinuteAccumulator(t);
      a.add(new Map([['cpu', 5]]));
      return rollupLine(a.rollup());
    };
    const eightDays = T0 - 8 * 86_400_000;
    const sixDays = T0 - 6 * 86_400_000;
    await writeFile(join(hist, 'rollups-2025-12-24.ndjson'), line(eightDays));
    await writeFile(join(hist, 'rollups-2025-12-26.ndjson'), line(sixDays) + '{"t":17');
    // The same minute twice (flushed at a stop, continued after a restart): merged into one line.
    await writeFile(join(hist, 'rollups-2025-12-31.ndjson'), line(T0 - 60_000) + line(T0 - 60_000));
    const { sampler } = make();
    await sampler.start();
    const week = sampler.history('7d');
    expect(week[0]).toEqual({ t: sixDays, values: { cpu: { min: 5, avg: 5, max: 5 } } });
    expect(sampler.history('24h').every((p) => p.t >= T0 - 86_400_000)).toBe(true);
    await sampler.stop();
    expect((await readdir(hist)).sort()).toEqual([
      'recent.ndjson',
      'rollups-2025-12-26.ndjson',
      'rollups-2025-12-31.ndjson',
      'rollups-2026-01-01.ndjson',
    ]);
    expect(await readFile(join(hist, 'rollups-2025-12-26.ndjson'), 'utf8')).toBe(line(sixDays));
    const merged = (await readFile(join(hist, 'rollups-2025-12-31.ndjson'), 'utf8')).trimEnd().split('\n');
    expect(merged).toEqual([`{"t":${T0 - 60_000},"v":{"cpu":[5,5,5,2]}}`]);
  });

  it('exports CSV with one row per point and JSON with the points', async () => {
    const { sampler } = make();
    await sampler.start();
    await advance(70_000);
    const raw = sampler.exportHistory('5m', 'csv').trimEnd().split('\n');
    expect(raw[0]).toBe(
      't,time,cpu,memory,load1,temp,disk:/,disk_read:sda,disk_write:sda,net_rx:eth0,net_tx:eth0',
    );
    expect(raw).toHaveLength(1 + 8);
    const rolled = sampler.exportHistory('24h', 'csv').trimEnd().split('\n');
    expect(rolled[0]!.split(',').slice(2, 5)).toEqual(['cpu_min', 'cpu_avg', 'cpu_max']);
    expect(rolled).toHaveLength(1 + 2);
    const json = JSON.parse(sampler.exportHistory('24h', 'json')) as {
      resolution: string;
      points: unknown[];
    };
    expect(json.resolution).toBe('1m');
    expect(json.points).toEqual(sampler.history('24h'));
    await sampler.stop();
  });
});
