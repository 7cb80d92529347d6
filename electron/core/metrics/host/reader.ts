import os from 'node:os';
import type { HostSection } from '../../../../shared/snapshot/metrics/host.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { type ReaderContext, defineReader } from '../../snapshot/reader.js';
import { collectLinuxHost, warmLinuxHost } from './linux.js';
import { utcOffsetMinutes } from './parse.js';
import { localTimezone } from './timezone.js';
import { type SiOsInfo, type SiSystem, hostFromSi } from './si.js';

let siStatic: Promise<[SiOsInfo, SiSystem]> | undefined;

// osInfo() and system() spawn sw_vers/ioreg or several PowerShells; their answers do not change.
function staticSi(): Promise<[SiOsInfo, SiSystem]> {
  siStatic ??= loadSystemInformation()
    .then((si) => Promise.all([si.osInfo(), si.system()]))
    .catch((err: unknown) => {
      siStatic = undefined;
      throw err;
    });
  return siStatic;
}

// Nothing to count here: begin only starts the slow static lookups so they overlap the window.
async function begin(ctx: ReaderContext): Promise<undefined> {
  if (ctx.platform === 'linux') warmLinuxHost(ctx);
  else staticSi().catch(() => undefined);
  return undefined;
}

async function collect(ctx: ReaderContext): Promise<HostSection> {
  if (ctx.platform === 'linux') return collectLinuxHost(ctx);
  const [[osInfo, system], timezone] = await Promise.all([staticSi(), localTimezone(ctx.env, ctx.platform)]);
  const now = new Date();
  // si.time() would spawn `date` on macOS on every call; Node has both numbers.
  return hostFromSi(
    osInfo,
    system,
    { current: now.getTime(), uptime: os.uptime() },
    {
      hostname: os.hostname(),
      platform: ctx.platform,
      arch: os.machine(),
      timezone,
      utcOffsetMin: utcOffsetMinutes(now),
    },
  );
}

/** Identity of the machine: names, OS, kernel, boot time, hypervisor and container. */
export const reader = defineReader({
  section: 'host',
  // The PowerShell calls behind si.osInfo()/system() can take seconds on a cold Windows machine.
  timeoutMs: process.platform === 'win32' ? 10_000 : 3000,
  begin,
  collect,
});
