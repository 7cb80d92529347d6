// A fixed, rich snapshot for the report goldens: every section filled, a failed service, a disk past the
// warning line, zombies, hostile strings (markup, quotes, pipes, backticks) where a machine could put them.
import type { ProcessInfo } from '../../../shared/snapshot/metrics/processes.js';
import { Snapshot } from '../../../shared/snapshot/schema.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';
import { richContainers, richDisks, richNetwork, richSensors } from './rich-hardware.js';

export { ODD_MOUNT } from './rich-hardware.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

function proc(
  pid: number,
  name: string,
  cpu: number,
  rssMiB: number,
  command: string,
  user = 'www-data',
): ProcessInfo {
  return {
    pid,
    ppid: 1,
    user,
    name,
    command,
    state: 'sleeping',
    cpu_percent: cpu,
    memory_percent: Math.round(((rssMiB * MiB) / (8 * GiB)) * 1000) / 10,
    rss_bytes: rssMiB * MiB,
    threads: 4,
    started_at: '2026-11-25T08:00:00.000Z',
  };
}

/** The hostile process name every report must show as inert text. */
export const XSS_NAME = '<script>alert(1)</script>';

/** Processes for the top lists; more than the fold threshold, one hot, one hostile. */
export function richProcesses(): ProcessInfo[] {
  return [
    proc(4242, 'java', 97.5, 1900, 'java -Xmx2g -jar /opt/app/app.jar --password=[REDACTED]', 'app'),
    proc(1201, 'postgres', 22.1, 640, 'postgres: checkpointer', 'postgres'),
    proc(880, 'nginx', 8.4, 48, 'nginx: worker process'),
    proc(666, XSS_NAME, 5, 12, `sh -c 'echo "${XSS_NAME}" | tee /tmp/x && cat \`ls\`'`, 'mallory'),
    proc(901, 'node', 3.2, 310, 'node /srv/api/server.js --port 8080'),
    proc(1, 'systemd', 0.4, 12, '/sbin/init splash', 'root'),
    proc(512, 'sshd', 0.2, 8, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', 'root'),
    proc(
      733,
      'dockerd',
      0.2,
      96,
      '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
      'root',
    ),
    proc(1500, 'redis-server', 0.1, 24, 'redis-server *:6379', 'redis'),
    proc(1600, 'cron', 0, 3, '/usr/sbin/cron -f', 'root'),
    proc(1700, 'rsyslogd', 0, 6, '/usr/sbin/rsyslogd -n -iNONE', 'root'),
    proc(1800, 'bash', 0, 5, '-bash', 'alice'),
  ];
}

/** The rich snapshot, validated against the schema so the goldens cannot drift from the model. */
export function richSnapshot(over: Partial<Snapshot> = {}): Snapshot {
  const base = sampleSnapshot();
  const procs = richProcesses();
  const s: Snapshot = {
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
      'sensors',
      'services',
      'containers',
    ],
    errors: [
      {
        section: 'sensors',
        code: 'failed',
        message: "EACCES: permission denied, open '/sys/class/hwmon/hwmon3/temp2_input'",
      },
    ],
    redactions: { enabled: true, total: 4, by_rule: { 'flag-value': 3, 'url-credentials': 1 } },
    cpu: {
      ...base.cpu!,
      physical_cores: 4,
      logical_cores: 8,
      usage_percent: 41.3,
      per_core_percent: [97.5, 62, 41, 33.3, 20.5, 12, 8.1, 55],
    },
    memory: { ...base.memory!, used_bytes: 5.5 * GiB, available_bytes: 2.5 * GiB, used_percent: 68.8 },
    swap: { total_bytes: 2 * GiB, used_bytes: 0.5 * GiB, free_bytes: 1.5 * GiB, used_percent: 25 },
    disks: richDisks(base.disks!.filesystems[0]!),
    network: richNetwork(),
    ports: {
      listening: [
        { protocol: 'tcp', family: 'IPv4', address: '0.0.0.0', port: 22, pid: 512, process: 'sshd' },
        { protocol: 'tcp', family: 'IPv4', address: '0.0.0.0', port: 80, pid: 880, process: 'nginx' },
        { protocol: 'tcp', family: 'IPv4', address: '127.0.0.1', port: 5432, pid: 1201, process: 'postgres' },
        { protocol: 'tcp', family: 'IPv6', address: '::', port: 8080, pid: 901, process: 'node' },
        { protocol: 'udp', family: 'IPv4', address: '0.0.0.0', port: 68, pid: null, process: null },
      ],
      owners_visible: false,
    },
    processes: {
      total: 231,
      threads_total: 612,
      by_state: { running: 3, sleeping: 224, disk_sleep: 0, idle: 2, stopped: 0, zombie: 2, other: 0 },
      zombies: [
        { pid: 3001, ppid: 4242, name: 'defunct-worker' },
        { pid: 3002, ppid: 4242, name: 'defunct-worker' },
      ],
      cpu_basis: 'window',
      top_n: 12,
      top_cpu: procs,
      top_memory: [...procs].sort((a, b) => b.rss_bytes - a.rss_bytes),
    },
    users: {
      sessions: [
        {
          user: 'alice',
          terminal: 'pts/0',
          host: '203.0.113.7',
          login_at: '2026-11-26T09:15:00.000Z',
          pid: 1800,
        },
        { user: 'root', terminal: 'tty1', host: null, login_at: null, pid: null },
      ],
    },
    sensors: richSensors(),
    services: {
      manager: 'systemd',
      available: true,
      reason: null,
      total: 14,
      running: 11,
      failed: 1,
      units: [
        ...[
          'ssh',
          'nginx',
          'postgresql',
          'redis-server',
          'cron',
          'rsyslog',
          'docker',
          'containerd',
          'systemd-journald',
          'systemd-logind',
          'dbus',
        ].map((n, i) => ({
          name: `${n}.service`,
          description: `${n} daemon`,
          state: 'running' as const,
          native_state: 'active/running',
          enabled: i % 5 !== 4,
          pid: 100 + i,
        })),
        {
          name: 'backup|nightly.service',
          description: 'Nightly `rsync` <backup>',
          state: 'stopped' as const,
          native_state: 'inactive/dead',
          enabled: false,
          pid: null,
        },
        {
          name: 'certbot.service',
          description: null,
          state: 'starting' as const,
          native_state: 'activating/start',
          enabled: null,
          pid: 2200,
        },
        {
          name: 'app-worker.service',
          description: 'App worker',
          state: 'failed' as const,
          native_state: 'failed/failed',
          enabled: true,
          pid: null,
        },
      ],
    },
    containers: richContainers(),
    ...over,
  };
  return Snapshot.parse(s);
}
