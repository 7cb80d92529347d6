import type { SensorsSection } from '../../../../shared/snapshot/metrics/sensors.js';

/** One temperature reading as the snapshot records it. */
export type Temperature = SensorsSection['temperatures'][number];

/** One fan reading as the snapshot records it. */
export type Fan = SensorsSection['fans'][number];

/** Attribute files of one sysfs directory by file name, e.g. `temp1_input` → `"45000\n"`. */
export type SysfsFiles = Readonly<Record<string, string | undefined>>;

/** Which hwmon attribute files the parser uses; the I/O layer reads only these. */
export const HWMON_FILE = /^(?:name|(?:temp|fan)\d+_(?:input|label|max|crit))$/;

/** Which thermal-zone files the parser uses. */
export const THERMAL_FILE = /^(?:type|temp|trip_point_\d+_(?:type|temp))$/;

/** A trimmed, non-empty text value; sysfs ends every value with a newline. */
export function text(v: string | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/** An integer value; null when absent or garbled (a driver may leave a file unreadable). */
export function int(v: string | undefined): number | null {
  const t = text(v);
  if (t === null || !/^-?\d+$/.test(t)) return null;
  return Number(t);
}

/** Millidegrees Celsius (the kernel's unit) to degrees. */
function milli(v: string | undefined): number | null {
  const n = int(v);
  return n === null ? null : n / 1000;
}

/** Numeric indexes of `<prefix>N_<suffix>` files, ascending, so temp10 sorts after temp2. */
function indexes(files: SysfsFiles, prefix: string, suffix: string): number[] {
  const re = new RegExp(`^${prefix}(\\d+)_${suffix}$`);
  const out: number[] = [];
  for (const name of Object.keys(files)) {
    const m = re.exec(name);
    if (m?.[1] !== undefined) out.push(Number(m[1]));
  }
  return out.sort((a, b) => a - b);
}

/**
 * Temperatures and fans of one hwmon chip. Inputs that cannot be read are skipped: drivers expose
 * attributes for unconnected probes whose reads fail (ENODATA, EIO).
 */
export function parseHwmonChip(files: SysfsFiles): { temperatures: Temperature[]; fans: Fan[] } {
  const chip = text(files.name);
  const temperatures: Temperature[] = [];
  for (const i of indexes(files, 'temp', 'input')) {
    const celsius = milli(files[`temp${i}_input`]);
    if (celsius === null) continue;
    temperatures.push({
      label: text(files[`temp${i}_label`]) ?? `temp${i}`,
      chip,
      celsius,
      high_celsius: milli(files[`temp${i}_max`]),
      critical_celsius: milli(files[`temp${i}_crit`]),
    });
  }
  const fans: Fan[] = [];
  for (const i of indexes(files, 'fan', 'input')) {
    const rpm = int(files[`fan${i}_input`]);
    if (rpm === null || rpm < 0) continue;
    // Fans carry no chip field, so an unlabelled one is named after its chip to stay distinguishable.
    const label = text(files[`fan${i}_label`]) ?? `${chip ?? 'hwmon'} fan${i}`;
    fans.push({ label, rpm });
  }
  return { temperatures, fans };
}

/**
 * One thermal zone as a temperature. Its trip points stand in for the limits hwmon would give:
 * `critical` is where the kernel shuts down, `hot` (else `passive`, where it starts throttling) is high.
 */
export function parseThermalZone(zone: string, files: SysfsFiles): Temperature | null {
  const celsius = milli(files.temp);
  if (celsius === null) return null;
  const trips = new Map<string, number>();
  for (const i of indexes(files, 'trip_point_', 'type')) {
    const type = text(files[`trip_point_${i}_type`]);
    const temp = milli(files[`trip_point_${i}_temp`]);
    // The first trip of each type wins: zones list them from the most urgent action down.
    if (type !== null && temp !== null && !trips.has(type)) trips.set(type, temp);
  }
  return {
    label: text(files.type) ?? zone,
    chip: zone,
    celsius,
    high_celsius: trips.get('hot') ?? trips.get('passive') ?? null,
    critical_celsius: trips.get('critical') ?? null,
  };
}

/** Sorts sysfs entry names by their numeric suffix (hwmon2 before hwmon10). */
export function byNumericSuffix(a: string, b: string): number {
  const na = Number(/(\d+)$/.exec(a)?.[1] ?? -1);
  const nb = Number(/(\d+)$/.exec(b)?.[1] ?? -1);
  return na - nb || (a < b ? -1 : a > b ? 1 : 0);
}
