import { describe, expect, it } from 'vitest';
import { AlertEngine, type AlertRuleInput } from '../../../../electron/core/alerts/engine.js';
import { FORECAST_MIN_SPAN_MS } from '../../../../electron/core/alerts/trackers.js';
import type { AlertEvent } from '../../../../shared/contract/alerts.js';
import { FakeClock, type SampleSpec, makeSample } from './factory.js';

const GiB = 1024 ** 3;

function setup(rules: AlertRuleInput[]) {
  const clock = new FakeClock();
  const engine = new AlertEngine({ rules, clock, timeZone: 'UTC' });
  const tick = (spec: SampleSpec, s = 10): AlertEvent[] => {
    clock.advance(s);
    return engine.evaluate(makeSample(spec));
  };
  const summary = (events: AlertEvent[]) => events.map((e) => `${e.alert.subject}:${e.alert.state}`);
  return { engine, tick, summary };
}

describe('process rules', () => {
  it('sums every pid of the named process and clears when it shrinks or leaves the top list', () => {
    const { engine, tick, summary } = setup([
      {
        kind: 'process',
        id: 'java-mem',
        process: 'java',
        measure: 'rss_bytes',
        fire_at: 2 * GiB,
        clear_at: 1.5 * GiB,
        for_s: 0,
      },
      {
        kind: 'process',
        id: 'java-cpu',
        process: 'java',
        measure: 'cpu_percent',
        fire_at: 150,
        clear_at: 100,
        for_s: 0,
      },
    ]);
    const java = (rss: number, cpu: number) => ({ name: 'java', rss: rss * GiB, cpu });
    expect(
      tick({ processes: [java(1.1, 60), java(0.8, 60), { name: 'node', rss: 3 * GiB, cpu: 5 }] }),
    ).toEqual([]);
    const fired = tick({ processes: [java(1.2, 80), java(0.9, 80)] });
    expect(summary(fired)).toEqual(['java:firing', 'java:firing']);
    expect(fired[0]!.alert).toMatchObject({
      value: 2.1 * GiB,
      message_key: 'alerts.process.memory',
      message_params: { name: 'java', size: '2.1 GiB' },
    });
    expect(fired[1]!.alert.message_params).toMatchObject({ value: 160 });
    expect(tick({ processes: [java(1, 60), java(0.9, 60)] })).toEqual([]); // inside both bands
    expect(summary(tick({ processes: [] }))).toEqual(['java:resolved', 'java:resolved']);
    expect(engine.active()).toEqual([]);
  });
});

describe('container rules', () => {
  it('named: fires for an exited or dead container, even one that never ran here', () => {
    const { tick, summary } = setup([
      { kind: 'container', id: 'web', container: 'web', condition: 'exited' },
    ]);
    const fired = tick({
      containers: [
        { name: 'web', state: 'exited' },
        { name: 'db', state: 'exited' },
      ],
    });
    expect(summary(fired)).toEqual(['web:firing']);
    expect(fired[0]).toMatchObject({
      notify: true,
      alert: { severity: 'critical', message_key: 'alerts.container.exited' },
    });
    expect(tick({ containers: [{ name: 'web', state: 'dead' }] })).toEqual([]);
    expect(summary(tick({ containers: [{ name: 'web', state: 'running' }] }))).toEqual(['web:resolved']);
  });

  it('*: watches each container separately and ignores ones stopped before we looked', () => {
    const { engine, tick, summary } = setup([
      { kind: 'container', id: 'any', container: '*', condition: 'exited' },
      { kind: 'container', id: 'sick', container: '*', condition: 'unhealthy' },
    ]);
    const old = { name: 'old-job', state: 'exited' };
    expect(tick({ containers: [old, { name: 'web' }, { name: 'api' }] })).toEqual([]);
    expect(
      summary(
        tick({ containers: [old, { name: 'web', state: 'exited' }, { name: 'api', health: 'unhealthy' }] }),
      ),
    ).toEqual(['web:firing', 'api:firing']);
    // No engine answering says nothing about the containers: their alerts stay.
    expect(tick({ containers: null })).toEqual([]);
    expect(engine.active().map((a) => `${a.rule_id}/${a.subject}`)).toEqual(['any/web', 'sick/api']);
    expect(summary(tick({ containers: [old, { name: 'web' }, { name: 'api', health: 'healthy' }] }))).toEqual(
      ['web:resolved', 'api:resolved'],
    );
    // A container removed while firing resolves.
    tick({ containers: [{ name: 'web', state: 'exited' }] });
    expect(summary(tick({ containers: [] }))).toEqual(['web:resolved']);
  });

  it('restart_loop: 3 restarts within 10 minutes, tracked per container', () => {
    const { tick, summary } = setup([
      { kind: 'container', id: 'loop', container: '*', condition: 'restart_loop' },
    ]);
    // "slow" restarts every 6 minutes (at most 2 per window); "flappy" three times in 3 minutes.
    const at = (slow: number, flappy: number) => ({
      containers: [
        { name: 'slow', restarts: slow },
        { name: 'flappy', restarts: flappy },
      ],
    });
    expect(tick(at(40, 7), 0)).toEqual([]); // counts before we looked are not restarts
    expect(tick(at(40, 8), 60)).toEqual([]);
    expect(tick(at(41, 9), 60)).toEqual([]);
    const fired = tick(at(41, 10), 60);
    expect(summary(fired)).toEqual(['flappy:firing']);
    expect(fired[0]!.alert).toMatchObject({ value: 3, message_params: { name: 'flappy', count: 3 } });
    let events: AlertEvent[] = [];
    for (let m = 1; m <= 20; m++) {
      const slow = 41 + Math.floor(m / 6);
      events = events.concat(tick(at(slow, 10), 60));
    }
    // flappy clears once its restarts fall out of the window; slow never reaches 3 in 10 minutes.
    expect(summary(events)).toEqual(['flappy:resolved']);
  });

  it('restart_loop: restarts during a gap longer than the window (app stopped) do not count', () => {
    const { tick } = setup([{ kind: 'container', id: 'loop', container: 'web', condition: 'restart_loop' }]);
    tick({ containers: [{ name: 'web', restarts: 1 }] });
    expect(tick({ containers: [{ name: 'web', restarts: 9 }] }, 30 * 60)).toEqual([]);
    expect(tick({ containers: [{ name: 'web', restarts: 10 }] }, 60)).toEqual([]);
  });
});

describe('metric expansion', () => {
  it('disk:* watches each mount as its own subject', () => {
    const { engine, tick, summary } = setup([
      { kind: 'metric', id: 'disk', metric: 'disk:*', fire_at: 90, clear_at: 85, for_s: 60 },
    ]);
    const disks = (root: number, data: number) => ({
      disks: [
        { mountpoint: '/', used_percent: root },
        { mountpoint: '/data', used_percent: data },
      ],
    });
    expect(summary(tick(disks(50, 93)))).toEqual(['disk:/data:pending']);
    const fired = tick(disks(91, 93), 60);
    expect(summary(fired)).toEqual(['disk:/:pending', 'disk:/data:firing']);
    expect(fired[1]!.alert).toMatchObject({
      message_key: 'alerts.metric.disk.seconds',
      message_params: { mount: '/data', value: 93, seconds: 60 },
    });
    expect(engine.active()).toHaveLength(2);
  });
});

describe('disk forecast', () => {
  const rule: AlertRuleInput = { kind: 'disk_forecast', id: 'fc', mountpoint: '*', hours: 24 };
  /** Feeds one sample a minute for `minutes`, with used GiB given by `used(minute)`. */
  const feed = (
    tick: ReturnType<typeof setup>['tick'],
    minutes: number,
    used: (m: number) => number,
    from = 0,
  ) => {
    let events: AlertEvent[] = [];
    for (let m = from; m < from + minutes; m++)
      events = events.concat(
        tick({ disks: [{ mountpoint: '/', used_bytes: used(m) * GiB, total_bytes: 100 * GiB }] }, 60),
      );
    return events;
  };

  it('fires for a steadily filling disk once there is enough data, and says when it will be full', () => {
    const { tick, summary } = setup([rule]);
    const minSpan = FORECAST_MIN_SPAN_MS / 60_000;
    // 10 GiB an hour, reaching 50 GiB of 100 when the forecast starts: full in 5 h.
    expect(feed(tick, minSpan, (m) => 45 + m / 6)).toEqual([]);
    const fired = feed(tick, 1, (m) => 45 + m / 6, minSpan);
    expect(summary(fired)).toEqual(['/:firing']);
    expect(fired[0]!.alert.message_key).toBe('alerts.forecast.hours');
    expect(fired[0]!.alert.message_params).toEqual({ mount: '/', hours: 5 });
    expect(fired[0]!.alert.value).toBeCloseTo(5, 1);
  });

  it('does not fire for a flat or shrinking disk, nor for one filling too slowly', () => {
    for (const used of [() => 95, (m: number) => 90 - m / 60, (m: number) => 10 + m / 600]) {
      const { tick } = setup([rule]);
      expect(feed(tick, 240, used)).toEqual([]);
    }
  });

  it('resolves once the trend no longer predicts a full disk', () => {
    const { tick, summary } = setup([rule]);
    expect(summary(feed(tick, 60, (m) => 40 + m / 6))).toEqual(['/:firing']);
    // Someone cleaned up: usage drops and stays flat.
    expect(summary(feed(tick, 120, () => 30, 60))).toEqual(['/:resolved']);
  });
});
