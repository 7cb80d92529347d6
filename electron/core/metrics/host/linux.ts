import { access } from '../../os/fs-async.js';
import os from 'node:os';
import { join } from 'node:path';
import type { HostSection } from '../../../../shared/snapshot/metrics/host.js';
import type { ReaderContext } from '../../snapshot/reader.js';
import { readText } from '../../os/files.js';
import { readCpuinfoOnce, readProcStatAtCollect } from '../cpu/linux.js';
import {
  type ContainerEvidence,
  type VirtEvidence,
  detectContainer,
  detectVirtualization,
} from './detect.js';
import { fqdnOf } from './fqdn.js';
import { localTimezone } from './timezone.js';
import { type OsRelease, osFromRelease, parseBtime, parseUptime, utcOffsetMinutes } from './parse.js';

/** Facts that do not change while the machine runs, gathered once per process and root. */
interface HostEvidence {
  os: OsRelease;
  kernel: string;
  hosts: string | null;
  virtualization: string | null;
  container: Omit<ContainerEvidence, 'env'>;
}

const cache = new Map<string, Promise<HostEvidence>>();

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function readAll<K extends string>(paths: Record<K, string>): Promise<Record<K, string | null>> {
  const keys = Object.keys(paths) as K[];
  const texts = await Promise.all(keys.map((k) => readText(paths[k])));
  return Object.fromEntries(keys.map((k, i) => [k, texts[i] ?? null])) as Record<K, string | null>;
}

async function gather(ctx: ReaderContext, root: string): Promise<HostEvidence> {
  const at = (p: string): string => join(root, p);
  const proc = (p: string): string => join(ctx.procRoot, p);
  const sys = (p: string): string => join(ctx.sysRoot, p);
  const markers = Promise.all([exists(at('.dockerenv')), exists(at('run/.containerenv'))]);
  const cpuinfo = readCpuinfoOnce(ctx);
  const f = await readAll({
    osRelease: at('etc/os-release'),
    osReleaseLib: at('usr/lib/os-release'),
    hosts: at('etc/hosts'),
    kernel: proc('sys/kernel/osrelease'),
    vendor: sys('class/dmi/id/sys_vendor'),
    product: sys('class/dmi/id/product_name'),
    hvType: sys('hypervisor/type'),
    clocks: sys('devices/system/clocksource/clocksource0/available_clocksource'),
    systemdContainer: at('run/systemd/container'),
    pid1Environ: proc('1/environ'),
    pid1Cgroup: proc('1/cgroup'),
  });
  const [dockerenv, containerenv] = await markers;
  const kernel = f.kernel?.trim() || os.release();
  const virt: VirtEvidence = {
    kernelRelease: kernel,
    sysVendor: f.vendor?.trim() ?? null,
    productName: f.product?.trim() ?? null,
    hypervisorType: f.hvType,
    clocksources: f.clocks,
    cpuHypervisorFlag: /^flags\s*:.*\bhypervisor\b/m.test((await cpuinfo) ?? ''),
  };
  return {
    os: osFromRelease(f.osRelease ?? f.osReleaseLib),
    kernel,
    hosts: f.hosts,
    virtualization: detectVirtualization(virt),
    container: {
      dockerenv,
      containerenv,
      systemdContainer: f.systemdContainer,
      pid1Environ: f.pid1Environ,
      pid1Cgroup: f.pid1Cgroup,
    },
  };
}

/** The static facts, read once; `root` is the filesystem root (tests point it at a fixture tree). */
export function hostEvidence(ctx: ReaderContext, root = '/'): Promise<HostEvidence> {
  const key = `${root}\0${ctx.procRoot}\0${ctx.sysRoot}`;
  let p = cache.get(key);
  if (!p) {
    p = gather(ctx, root);
    cache.set(key, p);
  }
  return p;
}

/** Starts the static reads and the fqdn lookup early, so collect finds them done. */
export function warmLinuxHost(ctx: ReaderContext, root = '/'): void {
  hostEvidence(ctx, root)
    .then((ev) => fqdnOf(os.hostname(), ev.hosts))
    .catch(() => undefined);
}

/** The host section from the kernel's files and /etc; no child process. */
export async function collectLinuxHost(ctx: ReaderContext, root = '/'): Promise<HostSection> {
  const hostname = os.hostname();
  const [ev, stat, uptimeText, timezone] = await Promise.all([
    hostEvidence(ctx, root),
    readProcStatAtCollect(ctx),
    readText(join(ctx.procRoot, 'uptime')),
    localTimezone(ctx.env, ctx.platform, root),
  ]);
  const fqdn = await fqdnOf(hostname, ev.hosts);
  const now = Date.now();
  const uptime = (uptimeText === null ? null : parseUptime(uptimeText)) ?? os.uptime();
  const btime = stat === null ? null : parseBtime(stat);
  // Without btime, derive it to whole seconds so successive snapshots agree.
  const bootMs = btime !== null ? btime * 1000 : Math.round((now - uptime * 1000) / 1000) * 1000;
  return {
    hostname,
    fqdn,
    os: { platform: ctx.platform, ...ev.os },
    kernel: ev.kernel,
    arch: os.machine(),
    boot_time: new Date(bootMs).toISOString(),
    uptime_s: uptime,
    virtualization: ev.virtualization,
    container: detectContainer({ ...ev.container, env: ctx.env }),
    timezone,
    utc_offset_min: utcOffsetMinutes(new Date(now)),
  };
}
