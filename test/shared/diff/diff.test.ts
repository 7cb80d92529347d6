import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, diffSnapshots, parseThresholds } from '../../../shared/diff/index.js';
import { SnapshotDiff } from '../../../shared/diff/schema.js';
import { container, fs, port, proc, snap, withProcesses } from './fixtures.js';
import { scenarioA, scenarioB } from './scenario.js';

const keys = (xs: { key: string }[]) => xs.map((x) => x.key);

describe('diffSnapshots: nothing changed', () => {
  it('gives an empty diff for the same snapshot', () => {
    const a = scenarioA();
    const d = diffSnapshots(a, a);
    expect(SnapshotDiff.parse(d)).toEqual(d);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 0, significant_metrics: 0 });
    for (const c of Object.values(d.sections)) expect([c.added, c.removed, c.changed]).toEqual([[], [], []]);
    expect(d.system.changes).toEqual([]);
    expect(d.metrics.every((m) => m.delta === 0 && !m.significant)).toBe(true);
    expect(d.not_compared).toEqual([]);
    expect(d).toMatchObject({
      same_host: true,
      elapsed_s: 0,
      a: { hostname: 'web-1' },
      b: { hostname: 'web-1' },
    });
  });

  it('does not count new pids alone as a change: restarted processes, port owners, sessions', () => {
    const a = withProcesses(snap(), [proc(10, 'nginx', 'nginx: worker'), proc(11, 'nginx', 'nginx: worker')]);
    const b = withProcesses(snap(), [proc(20, 'nginx', 'nginx: worker'), proc(21, 'nginx', 'nginx: worker')]);
    b.ports!.listening = [port('tcp', '0.0.0.0', 22, 'sshd', 999)];
    b.users!.sessions = [{ ...b.users!.sessions[0]!, pid: 12345 }];
    const d = diffSnapshots(a, b);
    expect(d.summary).toMatchObject({ added: 0, removed: 0, changed: 0 });
  });
});

describe('diffSnapshots: each kind of change', () => {
  const d = diffSnapshots(scenarioA(), scenarioB());

  it('has headers, same_host and the time between the two', () => {
    expect(d.a).toEqual({
      id: '0196b7c4-8f3a-7cde-9abc-0123456789ab',
      taken_at: '2026-11-26T12:00:00.000Z',
      hostname: 'web-1',
      redactions: { enabled: true, total: 0, by_rule: {} },
    });
    expect(d.b.taken_at).toBe('2026-11-26T15:20:00.000Z');
    expect(d.same_host).toBe(true);
    expect(d.elapsed_s).toBe(12000);
  });

  it('compares processes by name and redacted command line among both top lists', () => {
    const p = d.sections.processes;
    expect(p.scope).toBe('top_lists');
    expect(keys(p.removed)).toEqual([
      'postgres: /usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main',
    ]);
    expect(keys(p.added)).toContain('node: node server.js --token=[REDACTED]');
    expect(p.added.filter((x) => x.name === 'celery')).toHaveLength(8);
    expect(p.changed).toEqual([
      expect.objectContaining({
        key: 'nginx: nginx: worker process',
        changes: [{ field: 'count', from: 2, to: 4 }],
      }),
    ]);
    // The unredacted password in B is redacted before matching: same key as A, and never in the output.
    expect(JSON.stringify(d)).not.toContain('hunter2');
    expect(JSON.stringify(d)).not.toContain('abc123def456');
    // A kernel worker that switched workqueue is the same thread.
    expect(JSON.stringify(p)).not.toContain('kworker');
  });

  it('reads processes from top_memory as well as top_cpu, and counts a pid in both lists once', () => {
    const a = snap();
    const b = snap();
    const big = proc(50, 'java', 'java -jar big.jar', { rss_bytes: 2 ** 32 });
    b.processes = {
      ...b.processes!,
      top_cpu: [big],
      top_memory: [big, proc(51, 'redis-server', 'redis-server *:6379')],
    };
    const added = diffSnapshots(a, b).sections.processes.added;
    expect(added.map((x) => [x.name, x.count])).toEqual([
      ['java', 1],
      ['redis-server', 1],
    ]);
  });

  it('matches ports by protocol, address and port, and reports a new owner', () => {
    const p = d.sections.ports;
    expect(keys(p.added)).toEqual(['tcp 127.0.0.1:3000', 'tcp [::1]:8080']);
    expect(p.added[0]).toMatchObject({ process: 'node', pid: 700 });
    expect(keys(p.removed)).toEqual(['tcp 0.0.0.0:5432']);
    expect(p.changed).toEqual([
      expect.objectContaining({
        key: 'udp [::]:53',
        changes: [{ field: 'process', from: 'dnsmasq', to: 'systemd-resolve' }],
      }),
    ]);
  });

  it('does not report a port owner becoming invisible as a change', () => {
    const a = snap();
    const b = snap();
    b.ports!.listening = [port('tcp', '0.0.0.0', 22, null, null)];
    expect(diffSnapshots(a, b).sections.ports.changed).toEqual([]);
  });

  it('matches containers by name: image, state, health, restarts and id', () => {
    const c = d.sections.containers;
    expect(keys(c.added)).toEqual(['cache', 'evil<b>|`x`']);
    expect(keys(c.removed)).toEqual(['old-job']);
    const byKey = Object.fromEntries(c.changed.map((x) => [x.key, x.changes]));
    expect(byKey.web).toEqual([
      { field: 'image', from: 'nginx:1.25', to: 'nginx:1.27' },
      { field: 'restart_count', from: 0, to: 2 },
    ]);
    expect(byKey.db).toEqual([
      { field: 'state', from: 'running', to: 'exited' },
      { field: 'health', from: 'healthy', to: 'unhealthy' },
    ]);
    const recreated = diffSnapshots(
      snap({ containers: { ...snap().containers!, items: [container('x', { id: 'aaa' })] } }),
      snap({ containers: { ...snap().containers!, items: [container('x', { id: 'bbb' })] } }),
    );
    expect(recreated.sections.containers.changed[0]?.changes).toEqual([
      { field: 'id', from: 'aaa', to: 'bbb' },
    ]);
  });

  it('matches services by name: state and start at boot', () => {
    const s = d.sections.services;
    expect(keys(s.added)).toEqual(['redis.service']);
    expect(keys(s.removed)).toEqual(['cron.service']);
    expect(s.changed.map((x) => [x.key, x.changes])).toEqual([
      ['postgresql.service', [{ field: 'state', from: 'running', to: 'failed' }]],
      ['ssh.service', [{ field: 'enabled', from: true, to: false }]],
    ]);
  });

  it('matches filesystems by mount point: device, type and size, ignoring size jitter under 1%', () => {
    const f = d.sections.filesystems;
    expect(keys(f.added)).toEqual(['/data']);
    expect(keys(f.removed)).toEqual(['/boot']);
    expect(f.changed[0]).toMatchObject({
      key: '/srv',
      changes: [
        { field: 'device', from: '/dev/vdb1', to: '/dev/vdc1' },
        { field: 'total_bytes', from: 50 * 2 ** 30, to: 100 * 2 ** 30 },
      ],
    });
    const a = snap({ disks: { filesystems: [fs('/tank', 'tank', 1000, 10, { fstype: 'zfs' })], io: [] } });
    const b = snap({
      disks: { filesystems: [fs('/tank', 'tank', 1005, 10, { fstype: 'zfs', read_only: true })], io: [] },
    });
    expect(diffSnapshots(a, b).sections.filesystems.changed[0]?.changes).toEqual([
      { field: 'read_only', from: false, to: true },
    ]);
  });

  it('matches sessions by user, terminal and host', () => {
    expect(keys(d.sections.sessions.added)).toEqual(['bob pts/1 192.168.1.20']);
    expect(keys(d.sections.sessions.removed)).toEqual(['alice pts/0 10.0.0.9']);
    expect(d.sections.sessions.changed).toEqual([]);
  });

  it('matches interfaces by name, with addresses added and removed', () => {
    const n = d.sections.interfaces;
    expect(keys(n.added)).toEqual(['docker0']);
    expect(n.added[0]).toMatchObject({ up: false, addresses: ['172.17.0.1/16'] });
    expect(keys(n.removed)).toEqual(['wg0']);
    expect(n.changed).toEqual([
      expect.objectContaining({
        key: 'eth0',
        changes: [
          { field: 'mtu', from: 1500, to: 9000 },
          { field: 'address', from: null, to: '10.0.0.6/24' },
          { field: 'address', from: '10.0.0.5/24', to: null },
        ],
      }),
    ]);
  });

  it('reports OS version and kernel changes', () => {
    expect(d.system.changes).toEqual([
      { field: 'os_version', from: '12', to: '13' },
      { field: 'kernel', from: '6.1.0-18-amd64', to: '6.12.9-amd64' },
    ]);
    const b = scenarioA();
    b.host = { ...b.host!, os: { ...b.host!.os, name: 'Ubuntu' } };
    expect(diffSnapshots(scenarioA(), b).system.changes).toEqual([
      { field: 'os_name', from: 'Debian GNU/Linux', to: 'Ubuntu' },
    ]);
  });

  it('sums the counts of every kind in the summary', () => {
    const k = d.summary.by_kind;
    expect(k.processes).toEqual({ added: 10, removed: 1, changed: 1 });
    expect(k.system).toEqual({ added: 0, removed: 0, changed: 2 });
    const total = Object.values(k).reduce((n, c) => n + c.added + c.removed + c.changed, 0);
    expect(d.summary.added + d.summary.removed + d.summary.changed).toBe(total);
  });
});

describe('diffSnapshots: metrics and thresholds', () => {
  const d = diffSnapshots(scenarioA(), scenarioB());
  const m = (metric: string, subject: string | null = null) =>
    d.metrics.find((x) => x.metric === metric && x.subject === subject);

  it('flags changes at or over the default thresholds', () => {
    expect(d.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(m('memory_used')).toMatchObject({ a: 25, b: 40, delta: 15, threshold: 10, significant: true });
    expect(m('swap_used')).toMatchObject({ delta: 6.25, significant: false });
    expect(m('disk_used', '/')).toMatchObject({ delta: 7, significant: true });
    expect(m('cpu_usage')).toMatchObject({ delta: 42.5, significant: true });
    // Load thresholds scale with the cores: 2 cores → 2.
    expect(m('load_1')).toMatchObject({ delta: 3.29, threshold: 2, significant: true });
    expect(m('load_5')).toMatchObject({ delta: 0.9, significant: false });
    expect(m('disk_used', '/srv')).toMatchObject({ delta: -5, significant: true });
    expect(d.summary.significant_metrics).toBe(5);
    // A disk mounted in only one snapshot is an added or removed filesystem, not a metric.
    expect(d.metrics.filter((x) => x.metric === 'disk_used').map((x) => x.subject)).toEqual(['/', '/srv']);
  });

  it('counts a change exactly at the threshold, and takes overrides', () => {
    const a = snap();
    const b = snap({ memory: { ...snap().memory!, used_percent: 35 } });
    expect(diffSnapshots(a, b).metrics.find((x) => x.metric === 'memory_used')?.significant).toBe(true);
    const strict = diffSnapshots(a, b, { thresholds: { memory_points: 10.5 } });
    expect(strict.metrics.find((x) => x.metric === 'memory_used')?.significant).toBe(false);
    expect(strict.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, memory_points: 10.5 });
  });

  it('leaves out CPU usage when neither snapshot measured it, and keeps a one-sided figure', () => {
    const a = snap({ cpu: { ...snap().cpu!, usage_percent: null } });
    expect(diffSnapshots(a, a).metrics.some((x) => x.metric === 'cpu_usage')).toBe(false);
    const half = diffSnapshots(a, snap()).metrics.find((x) => x.metric === 'cpu_usage');
    expect(half).toMatchObject({ a: null, b: 12.5, delta: null, significant: false });
  });
});

describe('diffSnapshots: what cannot be compared', () => {
  it('says which kinds are missing, failed or unavailable instead of calling everything removed', () => {
    const a = snap();
    a.containers!.items = [container('web')];
    const b = snap({
      containers: { ...snap().containers!, available: false, reason: 'no engine', engine: null },
    });
    delete b.ports;
    delete b.users;
    b.errors = [{ section: 'users', code: 'timeout', message: 'utmp' }];
    a.services = { ...a.services!, available: false };
    b.services = { ...b.services!, available: false };
    const d = diffSnapshots(a, b);
    expect(d.sections.containers.removed).toEqual([]);
    expect(d.not_compared).toEqual([
      { kind: 'ports', in: 'b', reason: 'not_collected' },
      { kind: 'containers', in: 'b', reason: 'unavailable' },
      { kind: 'services', in: 'both', reason: 'unavailable' },
      { kind: 'sessions', in: 'b', reason: 'failed' },
    ]);
  });

  it('knows two hosts apart', () => {
    const b = snap({ host: { ...snap().host!, hostname: 'db-1' } });
    expect(diffSnapshots(snap(), b)).toMatchObject({ same_host: false, b: { hostname: 'db-1' } });
    const noHost = snap();
    delete noHost.host;
    expect(diffSnapshots(noHost, noHost).same_host).toBe(false);
  });
});

describe('parseThresholds', () => {
  it('reads KEY=N lists and names what it cannot read', () => {
    expect(parseThresholds('memory=5, disk=2,load=0.5')).toEqual({
      ok: true,
      value: { memory_points: 5, disk_points: 2, load_per_core: 0.5 },
    });
    expect(parseThresholds('mem=5')).toMatchObject({ ok: false, error: expect.stringContaining('"mem=5"') });
    expect(parseThresholds('cpu=-1')).toMatchObject({ ok: false, error: expect.stringContaining('≥ 0') });
    expect(parseThresholds('cpu=')).toMatchObject({ ok: false });
  });
});

describe('diffSnapshots: speed', () => {
  it('diffs two snapshots with 500-process top lists in well under 20 ms', () => {
    const many = (offset: number) =>
      Array.from({ length: 500 }, (_, i) => proc(i + offset, `p${i % 50}`, `/usr/bin/p${i} --flag=${i % 7}`));
    const a = withProcesses(scenarioA(), many(1000), 500);
    const b = withProcesses(scenarioB(), many(2000), 500);
    diffSnapshots(a, b);
    const times = Array.from({ length: 20 }, () => {
      const t0 = performance.now();
      diffSnapshots(a, b);
      return performance.now() - t0;
    }).sort((x, y) => x - y);
    expect(times[10]!).toBeLessThan(20);
  });
});
