import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/sensors/reader.js';
import { SensorsSection } from '../../../../../shared/snapshot/metrics/sensors.js';
import { testContext } from '../../../../helpers/context.js';

const fixtures = fileURLToPath(new URL('../../../../fixtures/sensors/', import.meta.url));
const linux = (sysRoot: string) => testContext({ platform: 'linux', sysRoot });

describe('sensors reader on sysfs fixture trees', () => {
  it('reads hwmon chips (legacy device/ layout too), fans, and a charging battery beside a mouse', async () => {
    const s = SensorsSection.parse(await reader.collect(linux(join(fixtures, 'laptop')), undefined));
    expect(s.temperatures.map((t) => [t.chip, t.label, t.celsius])).toEqual([
      ['acpitz', 'temp1', 45],
      ['coretemp', 'Package id 0', 52],
      ['coretemp', 'Core 0', 50.5],
      ['coretemp', 'Core 8', 49],
      ['it87', 'temp1', 38],
    ]);
    expect(s.temperatures[0]?.critical_celsius).toBe(98);
    expect(s.fans).toEqual([
      { label: 'CPU fan', rpm: 0 },
      { label: 'thinkpad fan1', rpm: 2345 },
    ]);
    expect(s.battery).toEqual({
      percent: 87,
      charging: true,
      ac_connected: true,
      time_remaining_min: null,
      cycle_count: 123,
      health_percent: 87.7,
    });
  });

  it('falls back to thermal zones when hwmon has no temperature', async () => {
    const s = SensorsSection.parse(await reader.collect(linux(join(fixtures, 'thermal-only')), undefined));
    expect(s.temperatures).toEqual([
      { label: 'x86_pkg_temp', chip: 'thermal_zone0', celsius: 61, high_celsius: 95, critical_celsius: 105 },
      { label: 'acpitz', chip: 'thermal_zone1', celsius: 27.8, high_celsius: null, critical_celsius: null },
    ]);
    expect(s.fans).toEqual([{ label: 'pwmfan fan1', rpm: 1200 }]);
    expect(s.battery).toMatchObject({
      percent: 50,
      charging: false,
      ac_connected: false,
      time_remaining_min: 120,
    });
  });

  const empty = mkdtempSync(join(tmpdir(), 'ais-sensors-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('gives empty lists and no battery on a machine without sensors', async () => {
    expect(await reader.collect(linux(empty), undefined)).toEqual({
      temperatures: [],
      fans: [],
      battery: null,
    });
  });
});

describe.runIf(process.platform === 'linux')('sensors reader on this machine', () => {
  it('returns a valid section from the real /sys', async () => {
    const s = await reader.collect(testContext(), undefined);
    expect(() => SensorsSection.parse(s)).not.toThrow();
  });
});
