import type { Systeminformation } from 'systeminformation';
import type { HostSection } from '../../../../shared/snapshot/metrics/host.js';
import { virtFromDmi } from './detect.js';

/** The fields of systeminformation's `osInfo()` the host section uses. */
export type SiOsInfo = Pick<Systeminformation.OsData, 'distro' | 'release' | 'codename' | 'kernel' | 'fqdn'>;

/** The fields of systeminformation's `system()` that reveal a hypervisor. */
export type SiSystem = Pick<
  Systeminformation.SystemData,
  'manufacturer' | 'model' | 'virtual' | 'virtualHost'
>;

/** The fields of systeminformation's `time()` shape the host section uses (epoch ms, seconds). */
export type SiTime = Pick<Systeminformation.TimeData, 'current' | 'uptime'>;

/** Facts Node gives directly on every platform. */
export interface LocalFacts {
  hostname: string;
  platform: NodeJS.Platform;
  arch: string;
  timezone: string;
  utcOffsetMin: number;
}

// si's virtualHost spellings, lower-cased, to the names the Linux path reports.
const VIRTUAL_HOSTS: Readonly<Record<string, string>> = {
  kvm: 'kvm',
  qemu: 'qemu',
  vmware: 'vmware',
  virtualbox: 'virtualbox',
  'hyper-v': 'hyperv',
  xen: 'xen',
  parallels: 'parallels',
  bochs: 'bochs',
  'virtual pc': 'virtualpc',
};

/** Hypervisor from si.system(): its model/vendor strings first (si only sets `virtual` on Windows), then its flag. */
export function virtualizationFromSi(system: SiSystem): string | null {
  const dmi = virtFromDmi(system.manufacturer, system.model);
  if (dmi) return dmi;
  if (!system.virtual) return null;
  return VIRTUAL_HOSTS[(system.virtualHost ?? '').trim().toLowerCase()] ?? 'vm-other';
}

const blank = (s: string | undefined): string | null =>
  s === undefined || s.trim() === '' ? null : s.trim();

/**
 * Maps systeminformation's osInfo/system/time (macOS, Windows, BSD) to the host section. Boot time is
 * rounded to whole seconds so snapshots taken seconds apart agree on it.
 */
export function hostFromSi(osInfo: SiOsInfo, system: SiSystem, time: SiTime, local: LocalFacts): HostSection {
  const distro = blank(osInfo.distro);
  const uptime = Math.max(0, time.uptime);
  const bootMs = Math.round((time.current - uptime * 1000) / 1000) * 1000;
  return {
    hostname: local.hostname,
    fqdn: blank(osInfo.fqdn),
    os: {
      platform: local.platform,
      name: distro && distro !== 'unknown' ? distro : local.platform,
      version: blank(osInfo.release) ?? 'unknown',
      codename: blank(osInfo.codename),
      id: null,
    },
    kernel: blank(osInfo.kernel) ?? 'unknown',
    arch: local.arch,
    boot_time: new Date(bootMs).toISOString(),
    uptime_s: uptime,
    virtualization: virtualizationFromSi(system),
    // Containers with their own kernel view are a Linux thing; Docker Desktop runs them in a Linux VM.
    container: null,
    timezone: local.timezone,
    utc_offset_min: local.utcOffsetMin,
  };
}
