import { describe, expect, it } from 'vitest';
import { AlertEngine, type AlertRuleInput, DEFAULT_RULES } from '../../../../electron/core/alerts/engine.js';
import type { Alert, AlertEvent } from '../../../../shared/contract/alerts.js';
import { type MessageKey, createTranslator } from '../../../../shared/i18n/index.js';
import { FakeClock, type SampleSpec, makeSample } from './factory.js';

const GiB = 1024 ** 3;
const en = createTranslator('en');
const ko = createTranslator('ko');
const render = (a: Alert) => [
  en.t(a.message_key as MessageKey, a.message_params),
  ko.t(a.message_key as MessageKey, a.message_params),
];

function run(rules: AlertRuleInput[] | undefined, specs: SampleSpec[], stepS = 60): AlertEvent[] {
  const clock = new FakeClock();
  const engine = new AlertEngine({ rules, clock, timeZone: 'UTC' });
  return specs.flatMap((s) => {
    clock.advance(stepS);
    return engine.evaluate(makeSample(s));
  });
}
const firing = (events: AlertEvent[]) => events.filter((e) => e.alert.state === 'firing').map((e) => e.alert);

describe('alert messages', () => {
  it('render in English and Korean', () => {
    const cpu = firing(
      run(
        [{ kind: 'metric', id: 'c', metric: 'cpu', fire_at: 90, clear_at: 75, for_s: 30 }],
        [{ cpu: 95 }, { cpu: 95 }],
        30,
      ),
    );
    expect(render(cpu[0]!)).toEqual(['CPU at 95% for 30 s', 'CPU 사용률 95%가 30초 동안 지속']);

    const proc = firing(
      run(
        [
          {
            kind: 'process',
            id: 'p',
            process: 'java',
            measure: 'rss_bytes',
            fire_at: 2 * GiB,
            clear_at: GiB,
            for_s: 0,
          },
        ],
        [
          {
            processes: [
              { name: 'java', rss: 1.5 * GiB },
              { name: 'java', rss: 0.6 * GiB },
            ],
          },
        ],
      ),
    );
    expect(render(proc[0]!)).toEqual([
      'Process java uses 2.1 GiB',
      '프로세스 java이(가) 메모리 2.1 GiB 사용 중',
    ]);

    const web = firing(
      run(
        [
          { kind: 'container', id: 'x', container: 'web', condition: 'exited' },
          { kind: 'container', id: 'l', container: 'web', condition: 'restart_loop' },
        ],
        [{ containers: [{ name: 'web' }] }, { containers: [{ name: 'web', state: 'exited', restarts: 4 }] }],
      ),
    );
    expect(web.map(render)).toEqual([
      ['Container web exited', '컨테이너 web이(가) 종료됨'],
      ['Container web restarted 4 times in 10 min', '컨테이너 web이(가) 10분 동안 4번 재시작됨'],
    ]);

    // 45 GiB + 10 GiB an hour on a 100 GiB disk: 50 GiB free after 30 minutes.
    const disk = (m: number) => ({
      disks: [{ mountpoint: '/', used_bytes: (45 + m / 6) * GiB, total_bytes: 100 * GiB }],
    });
    const forecast = firing(
      run(
        [{ kind: 'disk_forecast', id: 'f', mountpoint: '/', hours: 24 }],
        Array.from({ length: 31 }, (_, m) => disk(m)),
      ),
    );
    expect(render(forecast[0]!)).toEqual([
      'Disk / will be full in ~5 h',
      '디스크 /이(가) 약 5시간 후 가득 참',
    ]);
  });

  it('exist in both languages for every metric and duration the engine words', () => {
    const metrics = ['cpu', 'memory', 'swap', 'load1', 'temp', 'battery', 'disk:/'];
    for (const for_s of [0, 30, 300]) {
      const rules = metrics.map((metric, i): AlertRuleInput => ({
        kind: 'metric',
        id: `r${i}`,
        metric,
        fire_at: 0,
        clear_at: -1,
        for_s,
      }));
      const alerts = firing(
        run(
          rules,
          [
            { load1: 2, battery: 50, swap: 10 },
            { load1: 2, battery: 50, swap: 10 },
            { load1: 2, battery: 50, swap: 10 },
          ],
          300,
        ),
      );
      expect(alerts).toHaveLength(metrics.length);
      for (const a of alerts) {
        const [e, k] = render(a);
        expect(e).not.toContain('alerts.');
        expect(k).not.toContain('alerts.');
        expect(e).not.toContain('{{');
        expect(k).not.toContain('{{');
      }
    }
  });
});

describe('DEFAULT_RULES', () => {
  it('are valid, uniquely named, and what a new engine uses', () => {
    const ids = DEFAULT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new AlertEngine().rules()).toEqual(DEFAULT_RULES);
  });

  it('stay silent on a calm machine, even with containers stopped long ago', () => {
    const calm: SampleSpec = {
      cpu: 30,
      memory: 60,
      containers: [{ name: 'old', state: 'exited', restarts: 12 }, { name: 'web' }],
    };
    expect(
      run(
        undefined,
        Array.from({ length: 120 }, () => calm),
      ),
    ).toEqual([]);
  });

  it('fire for sustained CPU after 2 minutes, once, and for a container that stops', () => {
    const events = run(undefined, [
      { cpu: 95, containers: [{ name: 'web' }] },
      { cpu: 95, containers: [{ name: 'web' }] },
      { cpu: 95, containers: [{ name: 'web', state: 'exited' }] },
      { cpu: 89, containers: [{ name: 'web', state: 'exited' }] },
    ]);
    expect(events.map((e) => `${e.alert.rule_id}:${e.alert.state}`)).toEqual([
      'cpu-high:pending',
      'cpu-high:firing',
      'container-exited:firing',
    ]);
    expect(render(events[1]!.alert)[0]).toBe('CPU at 95% for 2 min');
  });
});
