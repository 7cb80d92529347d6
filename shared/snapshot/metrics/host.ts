import { z } from 'zod';
import { Timestamp } from './common.js';

/** Identity of the machine and its operating system. */
export const HostSection = z.object({
  hostname: z.string(),
  fqdn: z.string().nullable(),
  os: z.object({
    platform: z.string().describe('Node platform id: linux, darwin, win32, freebsd…'),
    name: z
      .string()
      .describe('Distribution or product name, e.g. "Debian GNU/Linux", "macOS", "Windows 11 Pro"'),
    version: z.string(),
    codename: z.string().nullable(),
    id: z.string().nullable().describe('os-release ID on Linux (debian, ubuntu…), null elsewhere'),
  }),
  kernel: z.string(),
  arch: z.string(),
  boot_time: Timestamp,
  uptime_s: z.number().nonnegative(),
  virtualization: z
    .string()
    .nullable()
    .describe('Hypervisor the machine runs under (kvm, vmware, hyperv, wsl…), null on bare metal or unknown'),
  container: z
    .string()
    .nullable()
    .describe('Container runtime this process runs inside (docker, podman, lxc, kubernetes…), or null'),
  timezone: z.string().describe('IANA time zone, e.g. Europe/Berlin'),
  utc_offset_min: z.number().int(),
});
export type HostSection = z.infer<typeof HostSection>;
