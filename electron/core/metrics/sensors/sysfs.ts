import { join } from 'node:path';
import type { SensorsSection } from '../../../../shared/snapshot/metrics/sensors.js';
import { listDirSync, readText } from '../../os/files.js';
import { POWER_SUPPLY_FILE, parsePowerSupplies } from './battery.js';
import {
  HWMON_FILE,
  THERMAL_FILE,
  byNumericSuffix,
  parseHwmonChip,
  parseThermalZone,
  type SysfsFiles,
  type Temperature,
} from './parse.js';

/**
 * Reads the files of `dir` whose names match `wanted`, in parallel; unreadable ones are left out. The
 * folder is listed synchronously (sysfs lists from memory), the attributes read on the thread pool.
 */
async function readFiles(dir: string, wanted: RegExp): Promise<SysfsFiles> {
  const names = listDirSync(dir).filter((n) => wanted.test(n));
  const values = await Promise.all(names.map((n) => readText(join(dir, n))));
  const files: Record<string, string> = {};
  names.forEach((n, i) => {
    const v = values[i];
    if (v !== null && v !== undefined) files[n] = v;
  });
  return files;
}

/** A hwmon chip's files; kernels before 3.x kept the attributes in its `device/` subdirectory. */
async function hwmonFiles(dir: string): Promise<SysfsFiles> {
  const top = await readFiles(dir, HWMON_FILE);
  if (Object.keys(top).some((n) => n !== 'name')) return top;
  const legacy = await readFiles(join(dir, 'device'), HWMON_FILE);
  return { ...legacy, ...top };
}

/** Temperatures and fans from hwmon, falling back to thermal zones when hwmon has no temperature. */
async function readThermal(sysRoot: string): Promise<Pick<SensorsSection, 'temperatures' | 'fans'>> {
  const hwmonDir = join(sysRoot, 'class', 'hwmon');
  const chips = listDirSync(hwmonDir)
    .filter((n) => n.startsWith('hwmon'))
    .sort(byNumericSuffix);
  const parsed = await Promise.all(
    chips.map(async (c) => parseHwmonChip(await hwmonFiles(join(hwmonDir, c)))),
  );
  const temperatures = parsed.flatMap((p) => p.temperatures);
  const fans = parsed.flatMap((p) => p.fans);
  if (temperatures.length > 0) return { temperatures, fans };

  // Zones mostly mirror hwmon's acpitz/x86_pkg_temp chips, so they are read only when hwmon is empty.
  const thermalDir = join(sysRoot, 'class', 'thermal');
  const zones = listDirSync(thermalDir)
    .filter((n) => n.startsWith('thermal_zone'))
    .sort(byNumericSuffix);
  const zoneTemps = await Promise.all(
    zones.map(async (z) => parseThermalZone(z, await readFiles(join(thermalDir, z), THERMAL_FILE))),
  );
  return { temperatures: zoneTemps.filter((t): t is Temperature => t !== null), fans };
}

/** The battery from /sys/class/power_supply; null when the machine has none. */
async function readBattery(sysRoot: string): Promise<SensorsSection['battery']> {
  const dir = join(sysRoot, 'class', 'power_supply');
  const names = listDirSync(dir).sort();
  const supplies = await Promise.all(
    names.map(async (name) => ({ name, files: await readFiles(join(dir, name), POWER_SUPPLY_FILE) })),
  );
  return parsePowerSupplies(supplies);
}

/** The sensors section from Linux sysfs under `sysRoot`; plain file reads, no child processes. */
export async function readSysfsSensors(sysRoot: string): Promise<SensorsSection> {
  const [thermal, battery] = await Promise.all([readThermal(sysRoot), readBattery(sysRoot)]);
  return { ...thermal, battery };
}
