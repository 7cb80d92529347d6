/**
 * Hypervisor and container detection from evidence the readers gathered: pure, so each rule is testable
 * with plain strings. Names follow systemd-detect-virt where it has one (kvm, qemu, vmware, xen, vm-other).
 */

/** What the machine tells about the hypervisor under it. */
export interface VirtEvidence {
  /** Kernel release (uname -r); WSL kernels carry "microsoft". */
  kernelRelease: string;
  /** DMI / SMBIOS system vendor (Linux sys_vendor, si.system().manufacturer). */
  sysVendor: string | null;
  /** DMI / SMBIOS product name (Linux product_name, si.system().model). */
  productName: string | null;
  /** /sys/hypervisor/type (Xen guests). */
  hypervisorType: string | null;
  /** /sys/devices/system/clocksource/clocksource0/available_clocksource. */
  clocksources: string | null;
  /** The `hypervisor` CPUID flag from /proc/cpuinfo. */
  cpuHypervisorFlag: boolean;
}

// Vendor or product substrings (lower case) of the SMBIOS tables hypervisors present, most specific first.
const DMI_RULES: ReadonlyArray<readonly [string, string]> = [
  ['amazon ec2', 'amazon'],
  ['google compute engine', 'google'],
  ['kvm', 'kvm'],
  ['qemu', 'qemu'],
  ['vmware', 'vmware'],
  ['virtualbox', 'virtualbox'],
  ['innotek', 'virtualbox'],
  ['xen', 'xen'],
  ['bochs', 'bochs'],
  ['parallels', 'parallels'],
  ['bhyve', 'bhyve'],
  ['apple virtualization', 'apple'],
  ['virtualmac', 'apple'],
];

/** Hypervisor named by SMBIOS vendor/product strings; null when they name real hardware. */
export function virtFromDmi(vendor: string | null, product: string | null): string | null {
  const v = (vendor ?? '').toLowerCase();
  const p = (product ?? '').toLowerCase();
  // Hyper-V (and Azure) show the generic pair "Microsoft Corporation" / "Virtual Machine".
  if (v.startsWith('microsoft') && p.includes('virtual machine')) return 'hyperv';
  // EC2 bare-metal instances keep the "Amazon EC2" vendor but run on no hypervisor.
  if (p.endsWith('.metal')) return null;
  for (const [needle, name] of DMI_RULES) if (v.includes(needle) || p.includes(needle)) return name;
  return null;
}

/** The hypervisor this machine runs under, or null on bare metal (or when nothing gives it away). */
export function detectVirtualization(e: VirtEvidence): string | null {
  const release = e.kernelRelease.toLowerCase();
  if (release.includes('microsoft') || release.endsWith('-wsl2')) return 'wsl';
  const dmi = virtFromDmi(e.sysVendor, e.productName);
  if (dmi) return dmi;
  if (e.hypervisorType?.trim()) return e.hypervisorType.trim().toLowerCase();
  // Paravirtual clocks register only when the kernel found that hypervisor (firecracker, cloud-hypervisor…).
  const clocks = (e.clocksources ?? '').split(/\s+/);
  if (clocks.includes('kvm-clock')) return 'kvm';
  if (clocks.some((c) => c.startsWith('hyperv'))) return 'hyperv';
  if (clocks.includes('xen')) return 'xen';
  return e.cpuHypervisorFlag ? 'vm-other' : null;
}

/** What the process can see about the container it may run in. */
export interface ContainerEvidence {
  /** /.dockerenv exists. */
  dockerenv: boolean;
  /** /run/.containerenv exists (podman, buildah). */
  containerenv: boolean;
  /** /run/systemd/container, written by systemd-nspawn and most runtimes that boot systemd. */
  systemdContainer: string | null;
  /** /proc/1/environ (NUL-separated); readable only by root or pid 1's owner. */
  pid1Environ: string | null;
  /** /proc/1/cgroup. */
  pid1Cgroup: string | null;
  /** This process's environment (KUBERNETES_SERVICE_HOST is injected into every pod). */
  env: Readonly<Record<string, string | undefined>>;
}

function containerVar(environ: string | null): string | null {
  if (!environ) return null;
  for (const kv of environ.split('\0')) if (kv.startsWith('container=')) return kv.slice(10).trim() || null;
  return null;
}

/** The container runtime this process runs inside, or null on a host. Kubernetes wins over its runtime. */
export function detectContainer(e: ContainerEvidence): string | null {
  const cgroup = e.pid1Cgroup ?? '';
  if (e.env.KUBERNETES_SERVICE_HOST || cgroup.includes('kubepods')) return 'kubernetes';
  const declared = containerVar(e.pid1Environ) ?? (e.systemdContainer?.trim() || null);
  if (declared) return declared === 'oci' ? (e.containerenv ? 'podman' : 'oci') : declared;
  if (e.containerenv) return 'podman';
  if (e.dockerenv) return 'docker';
  // cgroup v1 paths name the runtime; under cgroup v2 a container sees "0::/" and this finds nothing.
  if (/\/docker[/-]|docker-[0-9a-f]{12}/.test(cgroup)) return 'docker';
  if (cgroup.includes('libpod')) return 'podman';
  if (/\/lxc[./]|lxc\.payload/.test(cgroup)) return 'lxc';
  if (cgroup.includes('/ecs/')) return 'ecs';
  if (cgroup.includes('containerd')) return 'containerd';
  return null;
}
