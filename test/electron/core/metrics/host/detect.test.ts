import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ContainerEvidence,
  type VirtEvidence,
  detectContainer,
  detectVirtualization,
} from '../../../../../electron/core/metrics/host/detect.js';

const bare: VirtEvidence = {
  kernelRelease: '6.8.0-45-generic',
  sysVendor: 'Dell Inc.',
  productName: 'PowerEdge R650',
  hypervisorType: null,
  clocksources: 'tsc hpet acpi_pm ',
  cpuHypervisorFlag: false,
};

describe('detectVirtualization', () => {
  it('is null on bare metal', () => {
    expect(detectVirtualization(bare)).toBeNull();
  });

  it.each([
    ['QEMU', 'Standard PC (Q35 + ICH9, 2009)', 'qemu'],
    ['QEMU', 'KVM Virtual Machine', 'kvm'],
    ['VMware, Inc.', 'VMware Virtual Platform', 'vmware'],
    ['innotek GmbH', 'VirtualBox', 'virtualbox'],
    ['Microsoft Corporation', 'Virtual Machine', 'hyperv'],
    ['Xen', 'HVM domU', 'xen'],
    ['Amazon EC2', 'm6i.large', 'amazon'],
    ['Google', 'Google Compute Engine', 'google'],
    ['Parallels Software International Inc.', 'Parallels Virtual Platform', 'parallels'],
  ])('names the hypervisor from DMI %s / %s', (sysVendor, productName, want) => {
    expect(detectVirtualization({ ...bare, sysVendor, productName, cpuHypervisorFlag: true })).toBe(want);
  });

  it('does not call an EC2 bare-metal instance virtual', () => {
    expect(detectVirtualization({ ...bare, sysVendor: 'Amazon EC2', productName: 'c5.metal' })).toBeNull();
  });

  it('recognises WSL from the kernel release before anything else', () => {
    const wsl = { ...bare, kernelRelease: '5.15.153.1-microsoft-standard-WSL2', cpuHypervisorFlag: true };
    expect(detectVirtualization(wsl)).toBe('wsl');
  });

  it('falls back to the paravirtual clock when there is no DMI (Firecracker, this machine)', () => {
    const fc = {
      ...bare,
      sysVendor: null,
      productName: null,
      clocksources: 'tsc kvm-clock \n',
      cpuHypervisorFlag: true,
    };
    expect(detectVirtualization(fc)).toBe('kvm');
    expect(detectVirtualization({ ...fc, clocksources: 'hyperv_clocksource_tsc_page' })).toBe('hyperv');
    expect(detectVirtualization({ ...fc, clocksources: null, hypervisorType: 'xen\n' })).toBe('xen');
  });

  it('says vm-other when only the CPUID hypervisor flag gives it away', () => {
    const unknown = {
      ...bare,
      sysVendor: null,
      productName: null,
      clocksources: 'tsc',
      cpuHypervisorFlag: true,
    };
    expect(detectVirtualization(unknown)).toBe('vm-other');
  });
});

const host: ContainerEvidence = {
  dockerenv: false,
  containerenv: false,
  systemdContainer: null,
  pid1Environ: null,
  pid1Cgroup: '0::/init.scope\n',
  env: {},
};

describe('detectContainer', () => {
  it('is null on a plain host', () => {
    expect(detectContainer(host)).toBeNull();
  });

  it('recognises the runtime marker files', () => {
    expect(detectContainer({ ...host, dockerenv: true, pid1Cgroup: '0::/\n' })).toBe('docker');
    expect(detectContainer({ ...host, containerenv: true })).toBe('podman');
  });

  it('prefers what the runtime declares to pid 1 (container= or /run/systemd/container)', () => {
    expect(detectContainer({ ...host, pid1Environ: 'PATH=/bin\0container=lxc\0HOME=/' })).toBe('lxc');
    expect(detectContainer({ ...host, systemdContainer: 'systemd-nspawn\n' })).toBe('systemd-nspawn');
    expect(detectContainer({ ...host, pid1Environ: 'container=oci\0', containerenv: true })).toBe('podman');
  });

  it('says kubernetes inside a pod, whatever the runtime below', () => {
    expect(detectContainer({ ...host, dockerenv: true, env: { KUBERNETES_SERVICE_HOST: '10.96.0.1' } })).toBe(
      'kubernetes',
    );
    const v1 = '11:memory:/kubepods/besteffort/pod3e1c1a2b-.../8f2d5c\n';
    expect(detectContainer({ ...host, pid1Cgroup: v1 })).toBe('kubernetes');
  });

  it('reads the runtime from cgroup v1 paths when nothing else tells', () => {
    const docker = '12:memory:/docker/3601745b3bd54d9780436faa5f0e4f72bb46231663bb99a6bb892764917832c2\n';
    expect(detectContainer({ ...host, pid1Cgroup: docker })).toBe('docker');
    expect(detectContainer({ ...host, pid1Cgroup: '5:cpuset:/lxc/web01\n' })).toBe('lxc');
    expect(
      detectContainer({ ...host, pid1Cgroup: '1:name=systemd:/machine.slice/libpod-4f1a.scope\n' }),
    ).toBe('podman');
  });

  it('cannot tell from cgroup alone when a cgroup namespace shows every hierarchy at / (this machine)', () => {
    const cgroup = readFileSync(
      new URL('../../../../fixtures/host/cgroup-pid1-this-vm.txt', import.meta.url),
      'utf8',
    );
    expect(cgroup).toContain('4:memory:/\n');
    expect(detectContainer({ ...host, pid1Cgroup: cgroup })).toBeNull();
  });
});
