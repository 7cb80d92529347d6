import type { Systeminformation } from 'systeminformation';
import type { Battery } from './battery.js';
import type { Temperature } from './parse.js';

/** The fields of systeminformation's cpuTemperature() this mapper reads; all may be null off Linux. */
export type SiCpuTemperature = {
  readonly main: number | null;
  readonly cores?: readonly (number | null)[] | null;
  readonly socket?: readonly (number | null)[] | null;
  readonly chipset?: number | null;
};

/** The fields of systeminformation's battery() this mapper reads. */
export type SiBattery = Pick<
  Systeminformation.BatteryData,
  'hasBattery' | 'percent' | 'isCharging' | 'acConnected' | 'cycleCount' | 'designedCapacity' | 'maxCapacity'
> & { readonly timeRemaining: number | null };

/** Windows reports this many minutes (0xFFFFFFFF seconds / 60) when the runtime is unknown, e.g. on AC. */
const WINDOWS_UNKNOWN_RUNTIME_MIN = 71582788;

function reading(v: number | null | undefined): v is number {
  // systeminformation leaves null, -1 or 0 when it read nothing; a working CPU is never at or below 0 °C.
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

function temp(label: string, chip: string | null, celsius: number): Temperature {
  return { label, chip, celsius, high_celsius: null, critical_celsius: null };
}

/**
 * Temperatures from systeminformation (macOS, Windows, BSD). On Windows its "cores" are really ACPI
 * thermal zones and "main" only their average, so the zones are named as such and the average dropped.
 */
export function temperaturesFromSi(t: SiCpuTemperature, platform: NodeJS.Platform): Temperature[] {
  const out: Temperature[] = [];
  const cores = t.cores ?? [];
  const windows = platform === 'win32';
  if (reading(t.main) && !(windows && cores.some(reading))) out.push(temp('CPU', 'cpu', t.main));
  cores.forEach((c, i) => {
    if (reading(c)) out.push(windows ? temp(`Thermal zone ${i}`, 'acpi', c) : temp(`Core ${i}`, 'cpu', c));
  });
  (t.socket ?? []).forEach((s, i) => {
    if (reading(s)) out.push(temp(`Socket ${i}`, 'cpu', s));
  });
  if (reading(t.chipset)) out.push(temp('Chipset', null, t.chipset));
  return out;
}

/** The battery from systeminformation; null when it reports none. */
export function batteryFromSi(b: SiBattery): Battery | null {
  if (!b.hasBattery) return null;
  const remaining = b.timeRemaining;
  const knownRemaining =
    !b.isCharging &&
    typeof remaining === 'number' &&
    remaining >= 0 &&
    remaining < WINDOWS_UNKNOWN_RUNTIME_MIN;
  const health =
    b.designedCapacity > 0 && b.maxCapacity > 0
      ? Math.round((b.maxCapacity / b.designedCapacity) * 1000) / 10
      : null;
  return {
    percent: Math.min(100, Math.max(0, b.percent)),
    charging: b.isCharging,
    ac_connected: typeof b.acConnected === 'boolean' ? b.acConnected : null,
    time_remaining_min: knownRemaining ? Math.round(remaining) : null,
    // 0 is systeminformation's default when the OS gave no count.
    cycle_count: Number.isInteger(b.cycleCount) && b.cycleCount > 0 ? b.cycleCount : null,
    health_percent: health !== null && health <= 200 ? health : null,
  };
}
