// The hardware half of the rich report snapshot: disks (one nearly full, one with a hostile mountpoint),
// network, sensors past their high mark and containers in every state worth a colour.
import type { Snapshot } from '../../../shared/snapshot/schema.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

/** The hostile mountpoint: quotes and an ampersand. */
export const ODD_MOUNT = '/mnt/"backup" & co';

type Section<K extends keyof Snapshot> = NonNullable<Snapshot[K]>;

/** Filesystems after the sample's root: one past the warning line, one hostile, one read-only and full. */
export function richDisks(root: Section<'disks'>['filesystems'][number]): Section<'disks'> {
  return {
    filesystems: [
      { ...root },
      {
        mountpoint: '/var',
        device: '/dev/vdb1',
        fstype: 'xfs',
        total_bytes: 200 * GiB,
        used_bytes: 186 * GiB,
        available_bytes: 14 * GiB,
        used_percent: 93,
        inodes_total: 5000,
        inodes_used: 4000,
        inodes_used_percent: 80,
        read_only: false,
      },
      {
        mountpoint: ODD_MOUNT,
        device: '//nas/share|x',
        fstype: 'cifs',
        total_bytes: 4096 * GiB,
        used_bytes: 1024 * GiB,
        available_bytes: 3072 * GiB,
        used_percent: 25,
        inodes_total: null,
        inodes_used: null,
        inodes_used_percent: null,
        read_only: false,
      },
      {
        mountpoint: '/snap/core/1',
        device: '/dev/loop0',
        fstype: 'squashfs',
        total_bytes: 64 * MiB,
        used_bytes: 64 * MiB,
        available_bytes: 0,
        used_percent: 100,
        inodes_total: 100,
        inodes_used: 100,
        inodes_used_percent: 100,
        read_only: true,
      },
    ],
    io: [
      {
        device: 'vda',
        reads: 1000,
        writes: 2000,
        read_bytes: 40 * MiB,
        write_bytes: 80 * MiB,
        io_time_ms: 5000,
        reads_per_s: 12.5,
        writes_per_s: 40,
        read_bytes_per_s: 512 * 1024,
        write_bytes_per_s: 2 * MiB,
        busy_percent: 7.5,
      },
    ],
  };
}

/** Loopback, a busy ethernet link and a bridge that is down. */
export function richNetwork(): Section<'network'> {
  return {
    interfaces: [
      {
        name: 'lo',
        type: 'loopback',
        virtual: true,
        up: true,
        operstate: 'unknown',
        mac: null,
        mtu: 65536,
        speed_mbps: null,
        addresses: [
          {
            address: '127.0.0.1',
            family: 'IPv4',
            netmask: '255.0.0.0',
            cidr: '127.0.0.1/8',
            scope_id: null,
          },
        ],
        rx_bytes: 1000,
        tx_bytes: 1000,
        rx_packets: 10,
        tx_packets: 10,
        rx_errors: 0,
        tx_errors: 0,
        rx_dropped: 0,
        tx_dropped: 0,
        rx_bytes_per_s: 0,
        tx_bytes_per_s: 0,
      },
      {
        name: 'eth0',
        type: 'ethernet',
        virtual: false,
        up: true,
        operstate: 'up',
        mac: '52:54:00:12:34:56',
        mtu: 1500,
        speed_mbps: 1000,
        addresses: [
          {
            address: '10.0.0.5',
            family: 'IPv4',
            netmask: '255.255.255.0',
            cidr: '10.0.0.5/24',
            scope_id: null,
          },
          {
            address: 'fe80::5054:ff:fe12:3456',
            family: 'IPv6',
            netmask: 'ffff:ffff:ffff:ffff::',
            cidr: 'fe80::5054:ff:fe12:3456/64',
            scope_id: 2,
          },
        ],
        rx_bytes: 52 * GiB,
        tx_bytes: 8 * GiB,
        rx_packets: 1e6,
        tx_packets: 5e5,
        rx_errors: 0,
        tx_errors: 0,
        rx_dropped: 12,
        tx_dropped: 0,
        rx_bytes_per_s: 1.5 * MiB,
        tx_bytes_per_s: 256 * 1024,
      },
      {
        name: 'docker0',
        type: 'bridge',
        virtual: true,
        up: false,
        operstate: 'down',
        mac: '02:42:ac:11:00:01',
        mtu: 1500,
        speed_mbps: null,
        addresses: [],
        rx_bytes: 0,
        tx_bytes: 0,
        rx_packets: 0,
        tx_packets: 0,
        rx_errors: 0,
        tx_errors: 0,
        rx_dropped: 0,
        tx_dropped: 0,
        rx_bytes_per_s: 0,
        tx_bytes_per_s: 0,
      },
    ],
    default_gateway: '10.0.0.1',
    default_interface: 'eth0',
    dns_servers: ['10.0.0.2', '1.1.1.1'],
  };
}

/** One temperature near critical, a fan, a battery. */
export function richSensors(): Section<'sensors'> {
  return {
    temperatures: [
      { label: 'Package id 0', chip: 'coretemp', celsius: 71.5, high_celsius: 80, critical_celsius: 100 },
      { label: 'nvme Composite', chip: 'nvme', celsius: 84.9, high_celsius: 80, critical_celsius: 85 },
    ],
    fans: [{ label: 'fan1', rpm: 2400 }],
    battery: {
      percent: 87,
      charging: false,
      ac_connected: false,
      time_remaining_min: 190,
      cycle_count: 312,
      health_percent: 91,
    },
  };
}

/** Healthy, unhealthy and failed-exit containers. */
export function richContainers(): Section<'containers'> {
  return {
    available: true,
    reason: null,
    engine: {
      name: 'Docker',
      version: '27.3.1',
      api_version: '1.47',
      endpoint: 'unix:///var/run/docker.sock',
    },
    total: 3,
    running: 2,
    items: [
      {
        id: '0123456789ab',
        name: 'web',
        image: 'nginx:1.27',
        state: 'running',
        status: 'Up 3 hours',
        exit_code: null,
        health: 'healthy',
        restart_count: 0,
        created_at: '2026-11-26T08:00:00.000Z',
        started_at: '2026-11-26T09:00:00.000Z',
        ports: [{ private_port: 80, public_port: 8081, protocol: 'tcp', ip: '0.0.0.0' }],
        cpu_percent: 1.2,
        memory_bytes: 32 * MiB,
        memory_limit_bytes: 512 * MiB,
      },
      {
        id: 'abcdef012345',
        name: 'queue',
        image: 'rabbitmq:3-management',
        state: 'running',
        status: 'Up 2 minutes (unhealthy)',
        exit_code: null,
        health: 'unhealthy',
        restart_count: 4,
        created_at: null,
        started_at: null,
        ports: [{ private_port: 5672, public_port: null, protocol: 'tcp', ip: null }],
        cpu_percent: 12.5,
        memory_bytes: 180 * MiB,
        memory_limit_bytes: null,
      },
      {
        id: 'fedcba987654',
        name: 'migrate',
        image: 'app:latest',
        state: 'exited',
        status: 'Exited (1) 5 minutes ago',
        exit_code: 1,
        health: 'none',
        restart_count: 0,
        created_at: null,
        started_at: null,
        ports: [],
        cpu_percent: null,
        memory_bytes: null,
        memory_limit_bytes: null,
      },
    ],
  };
}
