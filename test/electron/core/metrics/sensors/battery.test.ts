import { describe, expect, it } from 'vitest';
import {
  parsePowerSupplies,
  type PowerSupply,
} from '../../../../../electron/core/metrics/sensors/battery.js';

const ac = (online: string): PowerSupply => ({
  name: 'AC',
  files: { type: 'Mains\n', online: `${online}\n` },
});

describe('parsePowerSupplies', () => {
  it('is null without a battery, and ignores peripherals such as a mouse', () => {
    expect(parsePowerSupplies([])).toBeNull();
    expect(parsePowerSupplies([ac('1')])).toBeNull();
    const mouse: PowerSupply = {
      name: 'hidpp_battery_0',
      files: { type: 'Battery', scope: 'Device', capacity: '20', status: 'Discharging' },
    };
    expect(parsePowerSupplies([mouse])).toBeNull();
  });

  it('reads an energy-based battery on AC while charging', () => {
    const bat: PowerSupply = {
      name: 'BAT0',
      files: {
        type: 'Battery\n',
        status: 'Charging\n',
        capacity: '87\n',
        energy_now: '43500000\n',
        energy_full: '50000000\n',
        energy_full_design: '57000000\n',
        power_now: '12000000\n',
        cycle_count: '123\n',
      },
    };
    expect(parsePowerSupplies([ac('1'), bat])).toEqual({
      percent: 87,
      charging: true,
      ac_connected: true,
      time_remaining_min: null,
      cycle_count: 123,
      health_percent: 87.7,
    });
  });

  it('derives percent and time left from charge_* and a signed current_now', () => {
    const bat: PowerSupply = {
      name: 'BAT1',
      files: {
        type: 'Battery',
        status: 'Discharging',
        charge_now: '2000000',
        charge_full: '4000000',
        charge_full_design: '4400000',
        current_now: '-1000000',
        cycle_count: '0',
      },
    };
    expect(parsePowerSupplies([bat])).toEqual({
      percent: 50,
      charging: false,
      ac_connected: false,
      time_remaining_min: 120,
      cycle_count: null,
      health_percent: 90.9,
    });
  });

  it('combines two batteries by their energy, and AC offline means not connected', () => {
    const cell = (name: string, now: number, full: number): PowerSupply => ({
      name,
      files: {
        type: 'Battery',
        status: 'Discharging',
        capacity: String(Math.round((now / full) * 100)),
        energy_now: String(now),
        energy_full: String(full),
        energy_full_design: String(full),
        power_now: '5000000',
        cycle_count: name === 'BAT0' ? '10' : '300',
      },
    });
    const r = parsePowerSupplies([
      ac('0'),
      cell('BAT0', 10_000_000, 20_000_000),
      cell('BAT1', 30_000_000, 60_000_000),
    ]);
    expect(r).toEqual({
      percent: 50,
      charging: false,
      ac_connected: false,
      // 40 Wh left at 10 W total.
      time_remaining_min: 240,
      cycle_count: 300,
      health_percent: 100,
    });
  });

  it('prefers time_to_empty_now, and treats a zero rate as unknown', () => {
    const base = {
      type: 'Battery',
      status: 'Discharging',
      capacity: '60',
      energy_now: '30000000',
      power_now: '0',
    };
    expect(parsePowerSupplies([{ name: 'BAT0', files: base }])?.time_remaining_min).toBeNull();
    const withTte = { ...base, time_to_empty_now: '5430' };
    expect(parsePowerSupplies([{ name: 'BAT0', files: withTte }])?.time_remaining_min).toBe(91);
  });

  it('drops an implausible health and clamps the percent', () => {
    const r = parsePowerSupplies([
      {
        name: 'BAT0',
        files: {
          type: 'Battery',
          status: 'Full',
          capacity: '104',
          energy_full: '50000000',
          energy_full_design: '1000',
        },
      },
    ]);
    expect(r).toMatchObject({ percent: 100, ac_connected: true, health_percent: null });
  });
});
