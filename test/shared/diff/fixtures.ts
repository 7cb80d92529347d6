// Constructed snapshots for the diff tests: small builders for each kind of item, and one A → B pair
// with every kind of change (the golden files render it), including values that need escaping.
import type { ContainerInfo } from '../../../shared/snapshot/metrics/containers.js';
import type { Filesystem } from '../../../shared/snapshot/metrics/disks.js';
import type { NetworkInterface } from '../../../shared/snapshot/metrics/network.js';
import type { ListeningPort } from '../../../shared/snapshot/metrics/ports.js';
import type { ProcessInfo } from '../../../shared/snapshot/metrics/processes.js';
import type { ServiceUnit } from '../../../shared/snapshot/metrics/services.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';

/** A process as the top lists hold it. */
export function proc(
  pid: number,
  name: string,
  command: string,
  over: Partial<ProcessInfo> = {},
): ProcessInfo {
  return {
    pid,
    ppid: 1,
    user: 'root',
    name,
    command,
    state: 'sleeping',
    cpu_percent: 1,
    memory_percent: 0.5,
    rss_bytes: 10 * 2 ** 20,
    threads: 1,
    started_at: '2026-11-26T08:00:00.000Z',
    ...over,
  };
}

/** A listening socket. */
export function port(
  protocol: 'tcp' | 'udp',
  address: string,
  n: number,
  process: string | null,
  pid: number | null = null,
): ListeningPort {
  return { protocol, family: address.includes(':') ? 'IPv6' : 'IPv4', address, port: n, pid, process };
}

/** A container. */
export function container(name: string, over: Partial<ContainerInfo> = {}): ContainerInfo {
  return {
    id: 'a1b2c3d4e5f6',
    name,
    image: 'busybox:latest',
    state: 'running',
    status: 'Up 2 hours',
    exit_code: null,
    health: 'none',
    restart_count: 0,
    created_at: '2026-11-26T08:00:00.000Z',
    started_at: '2026-11-26T08:00:01.000Z',
    ports: [],
    cpu_percent: 0.1,
    memory_bytes: 2 ** 20,
    memory_limit_bytes: null,
    ...over,
  };
}

/** A service unit. */
export function unit(name: string, state: ServiceUnit['state'], enabled: boolean | null = true): ServiceUnit {
  return {
    name,
    description: null,
    state,
    native_state: state === 'running' ? 'active/running' : state,
    enabled,
    pid: null,
  };
}

/** A filesystem of `totalGiB` with `used` percent used. */
export function fs(
  mountpoint: string,
  device: string,
  totalGiB: number,
  used: number,
  over: Partial<Filesystem> = {},
): Filesystem {
  const total = totalGiB * 2 ** 30;
  const usedBytes = Math.round((total * used) / 100);
  return {
    mountpoint,
    device,
    fstype: 'ext4',
    total_bytes: total,
    used_bytes: usedBytes,
    available_bytes: total - usedBytes,
    used_percent: used,
    inodes_total: null,
    inodes_used: null,
    inodes_used_percent: null,
    read_only: false,
    ...over,
  };
}

/** A network interface with IPv4 addresses given as CIDR. */
export function nic(name: string, cidrs: string[], over: Partial<NetworkInterface> = {}): NetworkInterface {
  return {
    name,
    type: name === 'lo' ? 'loopback' : 'ethernet',
    virtual: false,
    up: true,
    operstate: 'up',
    mac: name === 'lo' ? null : '52:54:00:12:34:56',
    mtu: 1500,
    speed_mbps: null,
    addresses: cidrs.map((c) => ({
      address: c.split('/')[0]!,
      family: 'IPv4',
      netmask: '255.255.255.0',
      cidr: c,
      scope_id: null,
    })),
    rx_bytes: 0,
    tx_bytes: 0,
    rx_packets: 0,
    tx_packets: 0,
    rx_errors: 0,
    tx_errors: 0,
    rx_dropped: 0,
    tx_dropped: 0,
    rx_bytes_per_s: null,
    tx_bytes_per_s: null,
    ...over,
  };
}

/** A snapshot with every section the diff reads, built on sampleSnapshot; override per test. */
export function snap(over: Partial<Snapshot> = {}): Snapshot {
  const base = sampleSnapshot();
  return {
    ...base,
    sections: [
      'host',
      'cpu',
      'memory',
      'swap',
      'disks',
      'network',
      'ports',
      'processes',
      'users',
      'services',
      'containers',
    ],
    network: {
      interfaces: [nic('lo', ['127.0.0.1/8']), nic('eth0', ['10.0.0.5/24'])],
      default_gateway: '10.0.0.1',
      default_interface: 'eth0',
      dns_servers: [],
    },
    ports: { listening: [port('tcp', '0.0.0.0', 22, 'sshd', 100)], owners_visible: true },
    users: {
      sessions: [
        { user: 'root', terminal: 'tty1', host: null, login_at: '2026-11-26T08:00:00.000Z', pid: 500 },
      ],
    },
    containers: {
      available: true,
      reason: null,
      engine: {
        name: 'Docker',
        version: '27.0.0',
        api_version: '1.46',
        endpoint: 'unix:///var/run/docker.sock',
      },
      total: 0,
      running: 0,
      items: [],
    },
    ...over,
  };
}

/** Puts processes in the top lists the way the reader does: one list by CPU, one by memory. */
export function withProcesses(s: Snapshot, list: ProcessInfo[], topN = 20): Snapshot {
  const byCpu = [...list].sort((x, y) => y.cpu_percent - x.cpu_percent);
  const byMem = [...list].sort((x, y) => y.rss_bytes - x.rss_bytes);
  return {
    ...s,
    processes: {
      ...s.processes!,
      total: list.length,
      top_n: topN,
      top_cpu: byCpu.slice(0, topN),
      top_memory: byMem.slice(0, topN),
    },
  };
}
