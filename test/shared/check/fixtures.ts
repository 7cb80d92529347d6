import type { ContainerInfo } from '../../../shared/snapshot/metrics/containers.js';
import type { NetworkInterface } from '../../../shared/snapshot/metrics/network.js';
import type { ListeningPort } from '../../../shared/snapshot/metrics/ports.js';
import type { ProcessInfo } from '../../../shared/snapshot/metrics/processes.js';
import type { ServiceUnit } from '../../../shared/snapshot/metrics/services.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';

/** A listening socket. */
export function listener(port: number, over: Partial<ListeningPort> = {}): ListeningPort {
  return { protocol: 'tcp', family: 'IPv4', address: '0.0.0.0', port, pid: null, process: null, ...over };
}

/** A process as the top lists show it; started two hours before the sample snapshot by default. */
export function proc(name: string, pid: number, over: Partial<ProcessInfo> = {}): ProcessInfo {
  return {
    pid,
    ppid: 1,
    user: 'root',
    name,
    command: `/usr/sbin/${name}`,
    state: 'sleeping',
    cpu_percent: 0.5,
    memory_percent: 1,
    rss_bytes: 50 * 2 ** 20,
    threads: 4,
    started_at: '2026-11-26T10:00:00.000Z',
    ...over,
  };
}

/** A container. */
export function container(name: string, state = 'running'): ContainerInfo {
  return {
    id: '0123456789ab',
    name,
    image: `${name}:latest`,
    state,
    status: state === 'running' ? 'Up 2 hours' : 'Exited (1) 5 minutes ago',
    exit_code: state === 'running' ? null : 1,
    health: 'none',
    restart_count: 0,
    created_at: null,
    started_at: null,
    ports: [],
    cpu_percent: null,
    memory_bytes: null,
    memory_limit_bytes: null,
  };
}

/** A service unit. */
export function unit(
  name: string,
  state: ServiceUnit['state'] = 'running',
  pid: number | null = null,
): ServiceUnit {
  return { name, description: null, state, native_state: `active/${state}`, enabled: true, pid };
}

function iface(name: string, rxErrors: number): NetworkInterface {
  return {
    name,
    type: name === 'lo' ? 'loopback' : 'ethernet',
    virtual: false,
    up: true,
    operstate: 'up',
    mac: null,
    mtu: 1500,
    speed_mbps: null,
    addresses: [
      { address: '10.0.0.5', family: 'IPv4', netmask: '255.255.255.0', cidr: '10.0.0.5/24', scope_id: null },
    ],
    ...{ rx_bytes: 1, tx_bytes: 1, rx_packets: 1, tx_packets: 1, rx_errors: rxErrors, tx_errors: 0 },
    ...{ rx_dropped: 0, tx_dropped: 0, rx_bytes_per_s: null, tx_bytes_per_s: null },
  };
}

/**
 * A web server's snapshot: nginx on 80 and 443, postgres on 5432 (loopback), sshd, chrony's client UDP
 * port, two containers (one exited), systemd units, and processes that make or miss the baseline.
 */
export function webServer(over: Partial<Snapshot> = {}): Snapshot {
  const base = sampleSnapshot();
  return sampleSnapshot({
    sections: [...base.sections, 'network', 'ports', 'containers'],
    network: {
      interfaces: [iface('lo', 0), iface('eth0', 3)],
      default_gateway: null,
      default_interface: 'eth0',
      dns_servers: ['1.1.1.1'],
    },
    ports: {
      owners_visible: true,
      listening: [
        listener(22, { pid: 700, process: 'sshd' }),
        listener(22, { family: 'IPv6', address: '::', pid: 700, process: 'sshd' }),
        listener(80, { pid: 800, process: 'nginx' }),
        listener(443, { pid: 800, process: 'nginx' }),
        listener(5432, { address: '127.0.0.1', pid: 900, process: 'postgres' }),
        listener(53, { protocol: 'udp', address: '127.0.0.53', pid: 600, process: 'systemd-resolve' }),
        listener(41000, { protocol: 'udp', address: '0.0.0.0', pid: 650, process: 'chronyd' }),
      ],
    },
    processes: {
      ...base.processes!,
      top_cpu: [proc('bash', 4000, { ppid: 3999, command: 'bash' }), proc('nginx', 800)],
      top_memory: [
        proc('postgres', 900),
        proc('java', 1200, { ppid: 1100, command: 'java -jar app.jar' }), // not a daemon: its parent is a shell
        proc('redis-server', 1300),
        proc('node', 2000, {
          command: 'node /usr/bin/autoinfrasnap snap',
          started_at: '2026-11-26T09:00:00.000Z',
        }),
        proc('kworker/0:1', 30, { ppid: 2, command: '[kworker/0:1]' }),
        proc('backupd', 1400, { started_at: '2026-11-26T11:58:00.000Z' }), // up for two minutes
        proc('my-very-long-da', 1500), // /proc cuts names to 15 characters
      ],
    },
    services: {
      manager: 'systemd',
      available: true,
      reason: null,
      total: 4,
      running: 3,
      failed: 1,
      units: [
        unit('nginx.service', 'running', 800),
        unit('ssh.service'),
        unit('cron.service'),
        unit('mysql.service', 'failed'),
      ],
    },
    containers: {
      available: true,
      reason: null,
      engine: {
        name: 'Docker Engine',
        version: '27.0',
        api_version: '1.46',
        endpoint: 'unix:///var/run/docker.sock',
      },
      total: 2,
      running: 1,
      items: [container('web'), container('worker', 'exited')],
    },
    ...over,
  });
}
