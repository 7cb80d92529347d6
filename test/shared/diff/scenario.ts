// The A → B pair the golden files render: a web server upgraded and reconfigured between two snapshots,
// with every kind of change once, a long process list (folds in Markdown) and hostile strings to escape.
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { container, fs, nic, port, proc, snap, unit, withProcesses } from './fixtures.js';

const hostile = `sh -c echo "<script>alert('x')</script>" | tee \`a|b\` & [link](http://x) *b* _i_`;

/** Snapshot A: before the change window. */
export function scenarioA(): Snapshot {
  const s = snap({ id: '0196b7c4-8f3a-7cde-9abc-0123456789ab', taken_at: '2026-11-26T12:00:00.000Z' });
  s.cpu = { ...s.cpu!, usage_percent: 12.5, load_1: 0.21, load_5: 0.3, load_15: 0.28 };
  s.memory = { ...s.memory!, used_percent: 25 };
  s.swap = { total_bytes: 2 ** 30, used_bytes: 0, free_bytes: 2 ** 30, used_percent: 0 };
  s.disks = {
    filesystems: [
      fs('/', '/dev/vda1', 100, 40),
      fs('/boot', '/dev/vda2', 1, 30),
      fs('/srv', '/dev/vdb1', 50, 10),
    ],
    io: [],
  };
  s.network!.interfaces = [
    nic('lo', ['127.0.0.1/8']),
    nic('eth0', ['10.0.0.5/24']),
    nic('wg0', ['10.9.0.1/24']),
  ];
  s.ports!.listening = [
    port('tcp', '0.0.0.0', 22, 'sshd', 100),
    port('tcp', '0.0.0.0', 80, 'nginx', 200),
    port('tcp', '0.0.0.0', 5432, 'postgres', 300),
    port('udp', '::', 53, 'dnsmasq', 400),
  ];
  s.users!.sessions.push({
    user: 'alice',
    terminal: 'pts/0',
    host: '10.0.0.9',
    login_at: '2026-11-26T09:30:00.000Z',
    pid: 900,
  });
  s.services = {
    ...s.services!,
    units: [
      unit('cron.service', 'running'),
      unit('nginx.service', 'running'),
      unit('postgresql.service', 'running'),
      unit('ssh.service', 'running', true),
    ],
  };
  s.containers!.items = [
    container('web', { id: '111111111111', image: 'nginx:1.25' }),
    container('db', { id: '222222222222', image: 'postgres:16', health: 'healthy' }),
    container('old-job', { id: '333333333333', state: 'exited', exit_code: 0, status: 'Exited (0)' }),
  ];
  return withProcesses(s, [
    proc(100, 'sshd', 'sshd: /usr/sbin/sshd -D'),
    proc(200, 'nginx', 'nginx: master process /usr/sbin/nginx'),
    proc(201, 'nginx', 'nginx: worker process', { user: 'www-data' }),
    proc(202, 'nginx', 'nginx: worker process', { user: 'www-data' }),
    proc(300, 'postgres', '/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main', {
      user: 'postgres',
    }),
    proc(310, 'python3', 'python3 app.py --password=[REDACTED]', { user: 'app' }),
    proc(320, 'kworker/0:1-events', '[kworker/0:1-events]'),
  ]);
}

/** Snapshot B: three hours later, after the upgrade. */
export function scenarioB(): Snapshot {
  const s = snap({ id: '0196b819-2b80-7cde-9abc-0123456789ab', taken_at: '2026-11-26T15:20:00.000Z' });
  s.host = { ...s.host!, os: { ...s.host!.os, version: '13', codename: 'trixie' }, kernel: '6.12.9-amd64' };
  s.cpu = { ...s.cpu!, usage_percent: 55, load_1: 3.5, load_5: 1.2, load_15: 0.28 };
  s.memory = { ...s.memory!, used_percent: 40 };
  s.swap = { total_bytes: 2 ** 30, used_bytes: 2 ** 26, free_bytes: 2 ** 30 - 2 ** 26, used_percent: 6.25 };
  s.disks = {
    filesystems: [
      fs('/', '/dev/vda1', 100, 47),
      fs('/srv', '/dev/vdc1', 100, 5),
      fs('/data', '/dev/vdd1', 500, 1, { fstype: 'xfs' }),
    ],
    io: [],
  };
  s.network!.interfaces = [
    nic('lo', ['127.0.0.1/8']),
    nic('eth0', ['10.0.0.6/24'], { mtu: 9000 }),
    nic('docker0', ['172.17.0.1/16'], { type: 'bridge', virtual: true, up: false, operstate: 'down' }),
  ];
  s.ports!.listening = [
    port('tcp', '0.0.0.0', 22, 'sshd', 101),
    port('tcp', '0.0.0.0', 80, 'nginx', 250),
    port('tcp', '127.0.0.1', 3000, 'node', 700),
    port('tcp', '::1', 8080, null),
    port('udp', '::', 53, 'systemd-resolve', 410),
  ];
  s.users!.sessions.push({
    user: 'bob',
    terminal: 'pts/1',
    host: '192.168.1.20',
    login_at: '2026-11-26T15:00:00.000Z',
    pid: 950,
  });
  s.services = {
    ...s.services!,
    units: [
      unit('nginx.service', 'running'),
      unit('postgresql.service', 'failed'),
      unit('redis.service', 'running'),
      unit('ssh.service', 'running', false),
    ],
  };
  s.containers!.items = [
    container('web', { id: '111111111111', image: 'nginx:1.27', restart_count: 2 }),
    container('db', {
      id: '222222222222',
      image: 'postgres:16',
      state: 'exited',
      exit_code: 1,
      health: 'unhealthy',
    }),
    container('cache', { id: '444444444444', image: 'redis:7' }),
    container('evil<b>|`x`', { id: '555555555555', image: 'img&co' }),
  ];
  const celery = Array.from({ length: 8 }, (_, i) =>
    proc(800 + i, 'celery', `/usr/bin/python3 -m celery worker -n w${i}@%h`, { user: 'app' }),
  );
  return withProcesses(s, [
    proc(101, 'sshd', 'sshd: /usr/sbin/sshd -D'), // restarted: a new pid is not a change
    proc(250, 'nginx', 'nginx: master process /usr/sbin/nginx'),
    ...[251, 252, 253, 254].map((pid) => proc(pid, 'nginx', 'nginx: worker process', { user: 'www-data' })),
    proc(310, 'python3', 'python3 app.py --password=hunter2', { user: 'app' }), // unredacted: same key
    proc(320, 'kworker/0:1-mm_percpu_wq', '[kworker/0:1-mm_percpu_wq]'), // renamed workqueue: same thread
    proc(700, 'node', 'node server.js --token=abc123def456', { user: 'app', cpu_percent: 35 }),
    proc(710, 'sh', hostile, { user: 'app' }),
    ...celery,
  ]);
}
