import type { SensorsSection } from '../../../../shared/snapshot/metrics/sensors.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { defineReader, type ReaderContext } from '../../snapshot/reader.js';
import { readSysfsSensors } from './sysfs.js';
import { batteryFromSi, temperaturesFromSi } from './sysinfo-map.js';

/** macOS, Windows and BSD: systeminformation, which has no fan API, so fans stay empty there. */
async function readViaSysinfo(platform: NodeJS.Platform): Promise<SensorsSection> {
  const si = await loadSystemInformation();
  const [temps, battery] = await Promise.all([si.cpuTemperature(), si.battery()]);
  return { temperatures: temperaturesFromSi(temps, platform), fans: [], battery: batteryFromSi(battery) };
}

/** Temperatures, fans and battery: sysfs on Linux, systeminformation elsewhere. */
export const reader = defineReader({
  section: 'sensors',
  // Windows answers through PowerShell/WMI, which takes seconds on a cold start.
  timeoutMs: 8000,
  async collect(ctx: ReaderContext): Promise<SensorsSection> {
    if (ctx.platform === 'linux') return readSysfsSensors(ctx.sysRoot);
    return readViaSysinfo(ctx.platform);
  },
});
