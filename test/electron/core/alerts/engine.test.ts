import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { AlertEngine, type AlertRuleInput } from '../../../../electron/core/alerts/engine.js';
import { inQuietHours, quietHoursFromSetting } from '../../../../electron/core/alerts/quiet-hours.js';
import { UserError } from '../../../../electron/core/errors.js';
import type { AlertEvent } from '../../../../shared/contract/alerts.js';
import { FakeClock, type SampleSpec, makeSample } from './factory.js';

const cpu = (over: Partial<AlertRuleInput> = {}): AlertRuleInput =>
  ({
    kind: 'metric',
    id: 'cpu',
    metric: 'cpu',
    fire_at: 90,
    clear_at: 75,
    for_s: 0,
    ...over,
  }) as AlertRuleInput;

function setup(rules: AlertRuleInput[], opts: { timeZone?: string; historyLimit?: number } = {}) {
  const clock = new FakeClock();
  const engine = new AlertEngine({ rules, clock, timeZone: 'UTC', ...opts });
  /** Advances `s` seconds, then evaluates a sample. */
  const tick = (spec: SampleSpec, s = 10): AlertEvent[] => {
    clock.advance(s);
    return engine.evaluate(makeSample(spec));
  };
  const states = (events: AlertEvent[]) => events.map((e) => `${e.previous ?? '-'}>${e.alert.state}`);
  return { clock, engine, tick, states };
}

describe('hysteresis and sustained duration', () => {
  it('fires at fire_at, does not flap around it, and clears only at clear_at', () => {
    const { engine, tick, states } = setup([cpu()]);
    const fired = tick({ cpu: 95 });
    expect(states(fired)).toEqual(['->firing']);
    expect(fired[0]).toMatchObject({
      notify: true,
      alert: { subject: 'cpu', value: 95, severity: 'warning' },
    });
    for (const v of [89, 91, 85, 92, 80, 76]) expect(tick({ cpu: v })).toEqual([]);
    expect(engine.active()).toMatchObject([{ state: 'firing', value: 76 }]);
    const resolved = tick({ cpu: 75 });
    expect(states(resolved)).toEqual(['firing>resolved']);
    expect(engine.active()).toEqual([]);
    expect(engine.history()).toMatchObject([{ state: 'resolved', value: 75, message_params: { value: 76 } }]);
  });

  it('waits for_s of readings at or above fire_at; a dip restarts the wait silently', () => {
    const { engine, tick, states } = setup([cpu({ for_s: 30 })]);
    expect(states(tick({ cpu: 95 }))).toEqual(['->pending']);
    expect(tick({ cpu: 95 })[0]?.notify).toBeUndefined();
    expect(tick({ cpu: 89 })).toEqual([]); // dropped back: gone without an event
    expect(engine.active()).toEqual([]);
    expect(states(tick({ cpu: 96 }))).toEqual(['->pending']);
    expect(tick({ cpu: 97 })).toEqual([]);
    expect(tick({ cpu: 97 })).toEqual([]);
    const fired = tick({ cpu: 98 });
    expect(states(fired)).toEqual(['pending>firing']);
    expect(fired[0]).toMatchObject({ notify: true, alert: { message_key: 'alerts.metric.cpu.seconds' } });
    expect(fired[0]!.alert.message_params).toMatchObject({ value: 98, seconds: 30 });
  });

  it('watches for low values when fire_at is below clear_at', () => {
    const { tick, states } = setup([
      { kind: 'metric', id: 'bat', metric: 'battery', fire_at: 10, clear_at: 20, for_s: 0 },
    ]);
    expect(tick({ battery: 50 })).toEqual([]);
    expect(states(tick({ battery: 9 }))).toEqual(['->firing']);
    expect(tick({ battery: 15 })).toEqual([]);
    expect(states(tick({ battery: 20 }))).toEqual(['firing>resolved']);
  });

  it('keeps state when a metric has no reading, and resolves when its subject vanishes', () => {
    const { engine, tick, states } = setup([
      cpu(),
      { kind: 'metric', id: 'data', metric: 'disk:/data', fire_at: 90, clear_at: 85, for_s: 0 },
    ]);
    tick({ cpu: 95, disks: [{ mountpoint: '/data', used_percent: 95 }] });
    expect(tick({ cpu: null, disks: [{ mountpoint: '/data', used_percent: 95 }] })).toEqual([]);
    const gone = tick({ cpu: null, disks: [] });
    expect(states(gone)).toEqual(['firing>resolved']);
    expect(gone[0]!.alert).toMatchObject({ subject: 'disk:/data', value: null });
    expect(engine.active().map((a) => a.rule_id)).toEqual(['cpu']);
  });
});

describe('cooldown and quiet hours', () => {
  it('re-firing within cooldown_s changes state without notifying', () => {
    const { tick } = setup([cpu({ cooldown_s: 600 })]);
    tick({ cpu: 95 });
    tick({ cpu: 70 });
    const again = tick({ cpu: 95 }, 60);
    expect(again).toMatchObject([{ alert: { state: 'firing' }, notify: false }]);
    expect(tick({ cpu: 70 })).toMatchObject([{ alert: { state: 'resolved' }, notify: false }]);
    expect(tick({ cpu: 95 }, 601)).toMatchObject([{ alert: { state: 'firing' }, notify: true }]);
  });

  it('does not notify in quiet hours spanning midnight, read in the configured time zone', () => {
    // The fake clock starts at 12:00 UTC = 21:00 in Seoul (UTC+9, no DST).
    const { engine, tick, clock } = setup([cpu({ cooldown_s: 0 })], { timeZone: 'Asia/Seoul' });
    engine.setQuietHours({ from: '22:00', to: '07:00' });
    expect(tick({ cpu: 95 })).toMatchObject([{ notify: true }]); // 21:00:10 KST
    tick({ cpu: 50 });
    clock.t = Date.UTC(2026, 10, 26, 14, 30); // 23:30 KST
    expect(tick({ cpu: 95 })).toMatchObject([{ alert: { state: 'firing' }, notify: false }]);
    clock.t = Date.UTC(2026, 10, 26, 21, 0); // 06:00 KST next day
    expect(tick({ cpu: 50 })).toMatchObject([{ alert: { state: 'resolved' }, notify: false }]);
    clock.t = Date.UTC(2026, 10, 26, 22, 0); // 07:00 KST: the end is exclusive
    expect(tick({ cpu: 95 })).toMatchObject([{ notify: true }]);
    engine.setQuietHours(null);
    expect(() => engine.setQuietHours({ from: '7:00', to: '08:00' })).toThrow(UserError);
  });

  it('reads quiet hours within one day, across midnight, and treats equal ends as none', () => {
    const at = (hhmm: string) => Date.parse(`2026-11-26T${hhmm}:00Z`);
    const night = { from: '22:00', to: '07:00' };
    expect(
      [at('21:59'), at('22:00'), at('23:59'), at('00:00'), at('06:59'), at('07:00')].map((t) =>
        inQuietHours(night, t, 'UTC'),
      ),
    ).toEqual([false, true, true, true, true, false]);
    expect(inQuietHours({ from: '12:00', to: '13:00' }, at('12:30'), 'UTC')).toBe(true);
    expect(inQuietHours({ from: '12:00', to: '13:00' }, at('13:30'), 'UTC')).toBe(false);
    expect(inQuietHours({ from: '12:00', to: '12:00' }, at('12:00'), 'UTC')).toBe(false);
    expect(inQuietHours(null, at('23:00'), 'UTC')).toBe(false);
    // 03:30 UTC is 22:30 the evening before in New York (UTC-5 in November).
    expect(inQuietHours(night, at('03:30'), 'America/New_York')).toBe(true);
    expect(() => new AlertEngine({ timeZone: 'Mars/Olympus' })).toThrow(UserError);
  });
});

describe('rules', () => {
  it('setRules keeps the state of unchanged rules and resolves those of removed or edited ones', () => {
    const mem: AlertRuleInput = {
      kind: 'metric',
      id: 'mem',
      metric: 'memory',
      fire_at: 90,
      clear_at: 80,
      for_s: 0,
    };
    const { engine, tick } = setup([cpu(), mem, { ...mem, id: 'mem2' }]);
    tick({ cpu: 95, memory: 95 });
    expect(engine.active().map((a) => a.rule_id)).toEqual(['cpu', 'mem', 'mem2']);
    const heard: AlertEvent[] = [];
    engine.onEvent((e) => heard.push(e));
    const changed = engine.setRules([cpu(), { ...mem, fire_at: 85 }]);
    expect(engine.active().map((a) => a.rule_id)).toEqual(['cpu']);
    // The edited and the removed rule's firing alerts end as resolved, in the history and as events.
    expect(changed.map((e) => [e.alert.rule_id, e.previous, e.alert.state, e.notify])).toEqual([
      ['mem', 'firing', 'resolved', true],
      ['mem2', 'firing', 'resolved', true],
    ]);
    expect(heard).toEqual(changed);
    expect(engine.history().map((a) => [a.rule_id, a.value, a.resolved_at !== null])).toEqual([
      ['mem2', null, true],
      ['mem', null, true],
    ]);
    expect(engine.rules().map((r) => [r.id, r.cooldown_s])).toEqual([
      ['cpu', 600],
      ['mem', 600],
    ]);
    // The edited rule starts afresh (silently: it just resolved); the kept one does not fire again.
    const again = tick({ cpu: 95, memory: 95 });
    expect(again.map((e) => [e.alert.rule_id, e.alert.state, e.notify])).toEqual([['mem', 'firing', false]]);
  });

  it('setRules lets a pending alert of an edited rule lapse without an event', () => {
    const { engine, tick } = setup([cpu({ for_s: 60 })]);
    expect(tick({ cpu: 95 }).map((e) => e.alert.state)).toEqual(['pending']);
    expect(engine.setRules([cpu({ for_s: 30 })])).toEqual([]);
    expect(engine.active()).toEqual([]);
    expect(engine.history()).toEqual([]);
  });

  it('rejects invalid rules with a UserError and keeps the previous ones', () => {
    const { engine } = setup([cpu()]);
    const bad: unknown[][] = [
      [{ kind: 'metric', id: 'x', metric: 'cpu', fire_at: '90', clear_at: 75 }],
      [{ kind: 'metric', id: 'x', metric: 'cpu_usage', fire_at: 90, clear_at: 75 }],
      [cpu(), cpu()],
      [{ kind: 'disk_forecast', id: 'f', mountpoint: '/', hours: 0 }],
      [{ kind: 'container', id: 'c', container: 'web', condition: 'paused' }],
    ];
    for (const rules of bad) expect(() => engine.setRules(rules as AlertRuleInput[])).toThrow(UserError);
    expect(() => engine.setRules([cpu(), cpu()])).toThrow(/duplicate rule id "cpu"/);
    expect(engine.rules().map((r) => r.id)).toEqual(['cpu']);
    try {
      engine.setRules(bad[0] as AlertRuleInput[]);
    } catch (e) {
      expect((e as UserError).cause).toBeInstanceOf(ZodError);
      expect((e as UserError).message).toMatch(/rules\[0\]\.fire_at/);
    }
    expect(() => new AlertEngine({ rules: bad[1] as AlertRuleInput[] })).toThrow(
      /unknown metric "cpu_usage"/,
    );
  });

  it('keeps a bounded history, newest first', () => {
    const { engine, tick } = setup([cpu({ cooldown_s: 0 })], { historyLimit: 3 });
    for (let i = 0; i < 5; i++) {
      tick({ cpu: 95 });
      tick({ cpu: 50 });
    }
    const h = engine.history();
    expect(h).toHaveLength(3);
    expect(h.map((a) => a.resolved_at)).toEqual([...h.map((a) => a.resolved_at!)].sort((a, b) => b - a));
  });
});

describe('listeners and persistence', () => {
  it('tells every listener, survives a throwing one, and unsubscribes', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const { engine, tick } = setup([cpu()]);
    const seen: AlertEvent[] = [];
    engine.onEvent(() => {
      throw new Error('boom');
    });
    const off = engine.onEvent((e) => seen.push(e));
    const events = tick({ cpu: 95 });
    expect(seen).toEqual(events);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('boom'));
    off();
    tick({ cpu: 50 });
    expect(seen).toHaveLength(1);
    warn.mockRestore();
  });

  it('round-trips through JSON: alerts, cooldowns and the sustained-duration clock carry on', () => {
    const { engine, tick, clock } = setup([cpu({ for_s: 30 }), cpu({ id: 'cpu-fast' })]);
    tick({ cpu: 95 });
    tick({ cpu: 50 });
    tick({ cpu: 95 }); // cpu pending again; cpu-fast firing within its cooldown
    const saved = JSON.parse(JSON.stringify(engine.toJSON())) as unknown;
    const restored = AlertEngine.fromJSON(saved, { clock, timeZone: 'UTC' });
    expect(restored.toJSON()).toEqual(engine.toJSON());
    expect(restored.active()).toEqual(engine.active());
    clock.advance(30);
    expect(restored.evaluate(makeSample({ cpu: 95 }))).toMatchObject([
      { alert: { rule_id: 'cpu', state: 'firing' } },
    ]);
    expect(restored.evaluate(makeSample({ cpu: 50 }))).toMatchObject([
      { alert: { rule_id: 'cpu' }, notify: true },
      { alert: { rule_id: 'cpu-fast' }, notify: false },
    ]);
    // New rules given at restore replace the saved ones like setRules.
    const edited = AlertEngine.fromJSON(saved, { clock, rules: [cpu({ for_s: 30 })] });
    expect(edited.active().map((a) => a.rule_id)).toEqual(['cpu']);
    expect(() => AlertEngine.fromJSON({ version: 2 })).toThrow(UserError);
  });
});

describe('the monitor.quietHours setting', () => {
  it('reads "HH:MM-HH:MM" as quiet hours and "" as none', () => {
    expect(quietHoursFromSetting('22:00-07:00')).toEqual({ from: '22:00', to: '07:00' });
    expect(quietHoursFromSetting('')).toBeNull();
    expect(
      inQuietHours(quietHoursFromSetting('22:00-07:00'), Date.parse('2026-01-01T23:30:00Z'), 'UTC'),
    ).toBe(true);
  });
});
