import type { SensorsSection } from '../../../../shared/snapshot/metrics/sensors.js';
import { int, text, type SysfsFiles } from './parse.js';

/** The battery block of the sensors section. */
export type Battery = NonNullable<SensorsSection['battery']>;

/** One /sys/class/power_supply entry: its directory name and attribute files. */
export interface PowerSupply {
  readonly name: string;
  readonly files: SysfsFiles;
}

/** Which power_supply files the parser uses; the I/O layer reads only these. */
export const POWER_SUPPLY_FILE =
  /^(?:type|scope|online|capacity|status|cycle_count|(?:energy|charge)_(?:now|full|full_design)|power_now|current_now|time_to_empty_now)$/;

/** A battery's levels in one unit family: energy (µWh, rate µW) or charge (µAh, rate µA). */
interface Cell {
  readonly unit: 'energy' | 'charge';
  readonly now: number | null;
  readonly full: number | null;
  readonly design: number | null;
  readonly rate: number | null;
  readonly capacity: number | null;
  readonly status: string;
  readonly cycles: number | null;
  readonly toEmptySec: number | null;
}

function cell(f: SysfsFiles): Cell {
  // Drivers expose either energy_* (with power_now) or charge_* (with current_now), rarely both.
  const unit = f.energy_now !== undefined || f.energy_full !== undefined ? 'energy' : 'charge';
  const rate = int(unit === 'energy' ? f.power_now : f.current_now);
  const cycles = int(f.cycle_count);
  return {
    unit,
    now: int(f[`${unit}_now`]),
    full: int(f[`${unit}_full`]),
    design: int(f[`${unit}_full_design`]),
    // current_now is signed on some drivers (negative while discharging).
    rate: rate === null ? null : Math.abs(rate),
    capacity: int(f.capacity),
    status: text(f.status) ?? 'Unknown',
    // ACPI firmware that does not count cycles reports 0; a count of 0 is indistinguishable from that.
    cycles: cycles !== null && cycles > 0 ? cycles : null,
    toEmptySec: int(f.time_to_empty_now),
  };
}

function sum(values: (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

function clampPercent(p: number): number {
  return Math.min(100, Math.max(0, p));
}

function percentOf(cells: Cell[]): number | null {
  const only = cells.length === 1 ? cells[0] : undefined;
  // The driver's own `capacity` is what the desktop shows; prefer it for a single battery.
  if (only && only.capacity !== null) return clampPercent(only.capacity);
  const sameUnit = cells.every((c) => c.unit === cells[0]?.unit);
  const now = sum(cells.map((c) => c.now));
  const full = sum(cells.map((c) => c.full));
  if (sameUnit && now !== null && full !== null && full > 0) return clampPercent((now / full) * 100);
  const caps = cells.map((c) => c.capacity).filter((c): c is number => c !== null);
  if (caps.length === 0) return null;
  return clampPercent(caps.reduce((a, b) => a + b, 0) / caps.length);
}

function minutesLeft(cells: Cell[]): number | null {
  if (!cells.some((c) => c.status === 'Discharging')) return null;
  const toEmpty = sum(cells.map((c) => c.toEmptySec));
  if (toEmpty !== null && cells.length === 1) return Math.round(toEmpty / 60);
  if (!cells.every((c) => c.unit === cells[0]?.unit)) return null;
  const now = sum(cells.map((c) => c.now));
  const rate = cells.reduce((a, c) => a + (c.rate ?? 0), 0);
  // A rate of 0 right after unplugging means the driver has not measured yet, not infinite time.
  if (now === null || rate <= 0) return null;
  return Math.round((now / rate) * 60);
}

function healthOf(cells: Cell[]): number | null {
  if (!cells.every((c) => c.unit === cells[0]?.unit)) return null;
  const full = sum(cells.map((c) => c.full));
  const design = sum(cells.map((c) => c.design));
  if (full === null || design === null || design <= 0) return null;
  const health = Math.round((full / design) * 1000) / 10;
  // Past 200 % the design value is garbage (some firmware reports it in other units).
  return health <= 200 ? health : null;
}

function acConnected(supplies: PowerSupply[], cells: Cell[]): boolean | null {
  const adapters = supplies.filter((s) => {
    const type = text(s.files.type);
    return (type === 'Mains' || type === 'USB') && s.files.online !== undefined;
  });
  if (adapters.length > 0) return adapters.some((s) => int(s.files.online) === 1);
  if (cells.some((c) => c.status === 'Charging' || c.status === 'Full')) return true;
  if (cells.some((c) => c.status === 'Discharging')) return false;
  return null;
}

/**
 * The machine's battery from its power supplies, several batteries (e.g. a ThinkPad's BAT0 + BAT1)
 * combined into one; null when there is none. Peripherals' batteries (`scope` Device, e.g. a mouse)
 * are not the machine's and are left out.
 */
export function parsePowerSupplies(supplies: PowerSupply[]): Battery | null {
  const own = supplies.filter((s) => text(s.files.scope) !== 'Device');
  const cells = own.filter((s) => text(s.files.type) === 'Battery').map((s) => cell(s.files));
  if (cells.length === 0) return null;
  const percent = percentOf(cells);
  if (percent === null) return null;
  const cycles = cells.map((c) => c.cycles).filter((c): c is number => c !== null);
  return {
    percent: Math.round(percent * 10) / 10,
    charging: cells.some((c) => c.status === 'Charging'),
    ac_connected: acConnected(own, cells),
    time_remaining_min: minutesLeft(cells),
    cycle_count: cycles.length > 0 ? Math.max(...cycles) : null,
    health_percent: healthOf(cells),
  };
}
