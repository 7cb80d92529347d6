// The range → history mapping behind the dashboard charts, metric ids of a live sample, the rolling
// sample buffer, preferences and small formatters.
import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../shared/contract/sample';
import { createTranslator } from '../../shared/i18n/index';
import { invalidRules, newMetricRule } from '../../renderer/dashboard/views/rules-editor';
import { viewFromHash } from '../../renderer/dashboard/dashboard';
import { initialLang, initialTheme } from '../../renderer/app/prefs-context';
import { alertText, formatLoad, formatRate, parseNumber, shortId } from '../../renderer/lib/format';
import {
  RANGES,
  historySeries,
  mainDisk,
  mergeSeries,
  pushSample,
  rangeMs,
  rangeWindow,
  sampleValue,
} from '../../renderer/lib/history';
import { fakeSample } from './sample';

describe('ranges', () => {
  it('maps each range to its span and a window ending now', () => {
    expect(RANGES).toEqual(['5m', '1h', '24h', '7d']);
    expect(RANGES.map(rangeMs)).toEqual([300_000, 3_600_000, 86_400_000, 604_800_000]);
    expect(rangeWindow('1h', 10_000_000)).toEqual({ from: 6_400_000, to: 10_000_000 });
  });
});

describe('history series', () => {
  const points: HistoryPoint[] = [
    { t: 1000, values: { cpu: 10, 'disk:/': 50 } },
    { t: 2000, values: { cpu: { min: 5, avg: 20, max: 40 } } },
    { t: 3000, values: {} },
  ];
  it('plots raw values and rollup averages, gaps as null', () => {
    expect(historySeries(points, 'cpu')).toEqual([
      { t: 1000, v: 10 },
      { t: 2000, v: 20 },
      { t: 3000, v: null },
    ]);
  });

  it('appends live samples newer than the history and trims to the window', () => {
    const live = [fakeSample(2500, 99), fakeSample(4000, 33), fakeSample(5000, 44)];
    const merged = mergeSeries(historySeries(points, 'cpu'), live, 'cpu', '5m', 301_500);
    expect(merged).toEqual([
      { t: 2000, v: 20 },
      { t: 3000, v: null },
      { t: 4000, v: 33 },
      { t: 5000, v: 44 },
    ]);
  });
});

describe('sample values', () => {
  const s = fakeSample(1, 25);
  it('reads the history metric ids from a sample', () => {
    expect(sampleValue(s, 'cpu')).toBe(25);
    expect(sampleValue(s, 'memory')).toBe(61.5);
    expect(sampleValue(s, 'disk:/')).toBe(72.4);
    expect(sampleValue(s, 'disk:/nope')).toBeNull();
    expect(sampleValue(s, 'net_rx:eth0')).toBe(275_000);
    expect(sampleValue(s, 'net_tx')).toBe(91_000);
    expect(sampleValue(s, 'unknown')).toBeNull();
    expect(mainDisk(s)).toBe('/');
    expect(mainDisk(undefined)).toBeNull();
  });

  it('keeps a rolling buffer without repeats', () => {
    let b = pushSample([], fakeSample(1, 1), 3);
    b = pushSample(b, fakeSample(1, 1), 3);
    for (let t = 2; t <= 5; t++) b = pushSample(b, fakeSample(t, t), 3);
    expect(b.map((x) => x.t)).toEqual([3, 4, 5]);
  });
});

describe('preferences, views, rules and formatters', () => {
  const t = createTranslator('en');
  it('starts from the stored language, else the browser, else English', () => {
    expect(initialLang('ko', 'en-US')).toBe('ko');
    expect(initialLang(null, 'ko-KR')).toBe('ko');
    expect(initialLang('xx', undefined)).toBe('en');
    expect(initialTheme('dark')).toBe('dark');
    expect(initialTheme('purple')).toBe('system');
  });

  it('routes hashes to views', () => {
    expect(viewFromHash('#/processes')).toBe('processes');
    expect(viewFromHash('')).toBe('overview');
    expect(viewFromHash('#/nope')).toBe('overview');
  });

  it('refuses metric rules that clear at or above their fire level', () => {
    const ok = newMetricRule([]);
    expect(ok.id).toBe('rule-1');
    expect(newMetricRule([ok]).id).toBe('rule-2');
    expect(invalidRules([ok, { ...ok, id: 'bad', clear_at: 95 }])).toEqual(['bad']);
  });

  it('formats rates, loads, ids, numbers and alert texts', () => {
    expect(formatRate(t, 1536)).toBe('1.50 KiB/s');
    expect(formatRate(t, null)).toBe('–');
    expect(formatLoad(t, [0.5, null, 1.234])).toBe('0.5 – 1.23');
    expect(shortId('0196b7c4-8f3a-7cde')).toBe('0196b7c4');
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('x')).toBeNull();
    expect(parseNumber('')).toBeNull();
    const a = {
      message_key: 'alerts.metric.cpu.now',
      message_params: { value: 91 },
      subject: 'cpu',
      value: 91,
    };
    expect(alertText(t, a)).toBe('CPU at 91%');
    expect(alertText(t, { ...a, message_key: 'no.such.key' })).toBe('cpu 91');
  });
});
