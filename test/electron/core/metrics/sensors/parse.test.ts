import { describe, expect, it } from 'vitest';
import {
  byNumericSuffix,
  int,
  parseHwmonChip,
  parseThermalZone,
} from '../../../../../electron/core/metrics/sensors/parse.js';

describe('parseHwmonChip', () => {
  it('converts millidegrees, keeps labels and limits, and orders temp10 after temp2', () => {
    const r = parseHwmonChip({
      name: 'coretemp\n',
      temp1_label: 'Package id 0\n',
      temp1_input: '52000\n',
      temp1_max: '100000\n',
      temp1_crit: '105000\n',
      temp10_input: '49000\n',
      temp2_input: '50500\n',
    });
    expect(r.temperatures).toEqual([
      { label: 'Package id 0', chip: 'coretemp', celsius: 52, high_celsius: 100, critical_celsius: 105 },
      { label: 'temp2', chip: 'coretemp', celsius: 50.5, high_celsius: null, critical_celsius: null },
      { label: 'temp10', chip: 'coretemp', celsius: 49, high_celsius: null, critical_celsius: null },
    ]);
    expect(r.fans).toEqual([]);
  });

  it('skips inputs that could not be read and names unlabelled fans after their chip', () => {
    const r = parseHwmonChip({ name: 'thinkpad\n', temp1_input: '', fan1_input: '2345\n', fan2_input: 'x' });
    expect(r.temperatures).toEqual([]);
    expect(r.fans).toEqual([{ label: 'thinkpad fan1', rpm: 2345 }]);
  });

  it('keeps negative temperatures (outdoor probes) and a chip without a name', () => {
    const r = parseHwmonChip({ temp1_input: '-5500\n' });
    expect(r.temperatures[0]).toMatchObject({ label: 'temp1', chip: null, celsius: -5.5 });
  });
});

describe('parseThermalZone', () => {
  it('takes critical and passive trip points as limits', () => {
    const t = parseThermalZone('thermal_zone0', {
      type: 'x86_pkg_temp\n',
      temp: '61000\n',
      trip_point_0_type: 'passive\n',
      trip_point_0_temp: '95000\n',
      trip_point_1_type: 'critical\n',
      trip_point_1_temp: '105000\n',
    });
    expect(t).toEqual({
      label: 'x86_pkg_temp',
      chip: 'thermal_zone0',
      celsius: 61,
      high_celsius: 95,
      critical_celsius: 105,
    });
  });

  it('prefers a hot trip point over passive, and is null without a temperature', () => {
    const t = parseThermalZone('thermal_zone3', {
      temp: '40000',
      trip_point_0_type: 'passive',
      trip_point_0_temp: '80000',
      trip_point_1_type: 'hot',
      trip_point_1_temp: '90000',
    });
    expect(t).toMatchObject({ label: 'thermal_zone3', high_celsius: 90, critical_celsius: null });
    expect(parseThermalZone('thermal_zone4', { type: 'acpitz' })).toBeNull();
  });
});

describe('helpers', () => {
  it('parses integers strictly', () => {
    expect(int(' 42\n')).toBe(42);
    expect(int('-7')).toBe(-7);
    expect(int('4.2')).toBeNull();
    expect(int(undefined)).toBeNull();
  });

  it('sorts by numeric suffix', () => {
    expect(['hwmon10', 'hwmon2', 'hwmon1'].sort(byNumericSuffix)).toEqual(['hwmon1', 'hwmon2', 'hwmon10']);
  });
});
