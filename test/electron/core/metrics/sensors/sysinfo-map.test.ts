// macOS and Windows cannot run here, so these fixtures are constructed in the shape of
// systeminformation's documented output (its docs' macOS battery example; a Windows laptop whose
// EstimatedRunTime is the "unknown" value 71582788; ACPI thermal zones reported as "cores").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  batteryFromSi,
  temperaturesFromSi,
  type SiBattery,
  type SiCpuTemperature,
} from '../../../../../electron/core/metrics/sensors/sysinfo-map.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/sensors/si/${name}`, import.meta.url), 'utf8')) as T;

describe('temperaturesFromSi', () => {
  it('maps macOS CPU, dies and SoC', () => {
    const t = temperaturesFromSi(fixture<SiCpuTemperature>('darwin-cpu-temperature.json'), 'darwin');
    expect(t.map((x) => [x.label, x.chip, x.celsius])).toEqual([
      ['CPU', 'cpu', 42.52],
      ['Core 0', 'cpu', 41.96],
      ['Core 1', 'cpu', 43.08],
      ['Chipset', null, 38.2],
    ]);
    expect(t.every((x) => x.high_celsius === null && x.critical_celsius === null)).toBe(true);
  });

  it('names Windows zones as zones and drops their average', () => {
    const t = temperaturesFromSi(fixture<SiCpuTemperature>('win32-cpu-temperature.json'), 'win32');
    expect(t.map((x) => [x.label, x.chip, x.celsius])).toEqual([
      ['Thermal zone 0', 'acpi', 27.85],
      ['Thermal zone 1', 'acpi', 35.85],
    ]);
  });

  it('is empty when nothing was read (no sensor module, no admin rights)', () => {
    expect(temperaturesFromSi(fixture<SiCpuTemperature>('none-cpu-temperature.json'), 'darwin')).toEqual([]);
    expect(temperaturesFromSi({ main: -1, cores: [null, -1] }, 'freebsd')).toEqual([]);
  });
});

describe('batteryFromSi', () => {
  it('maps a macOS battery, health above 100 % included', () => {
    expect(batteryFromSi(fixture<SiBattery>('darwin-battery.json'))).toEqual({
      percent: 98,
      charging: false,
      ac_connected: false,
      time_remaining_min: 551,
      cycle_count: 35,
      health_percent: 101.4,
    });
  });

  it('maps a Windows battery with an unknown runtime and no cycle count', () => {
    expect(batteryFromSi(fixture<SiBattery>('win32-battery.json'))).toEqual({
      percent: 75,
      charging: false,
      ac_connected: false,
      time_remaining_min: null,
      cycle_count: null,
      health_percent: 86,
    });
  });

  it('is null on a desktop', () => {
    expect(batteryFromSi(fixture<SiBattery>('win32-no-battery.json'))).toBeNull();
  });
});
