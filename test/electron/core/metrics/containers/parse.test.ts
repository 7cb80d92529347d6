// docker-*.json are constructed in the shape of the Docker Engine API's documented responses (API 1.47),
// with round numbers so the expected CPU % can be worked by hand; podman-*.json were recorded from
// Podman 4.3's Docker-compatible API on this machine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  containersSection,
  cpuPercent,
  cpuSample,
  engineOf,
  isoTime,
  memoryUsage,
  noContainers,
  toContainerInfo,
  type InspectedContainer,
  type ListedContainer,
  type StatsJson,
  type VersionJson,
} from '../../../../../electron/core/metrics/containers/parse.js';
import { ContainersSection } from '../../../../../shared/snapshot/metrics/containers.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../../fixtures/containers/${name}`, import.meta.url), 'utf8')) as T;

const dockerList = fixture<ListedContainer[]>('docker-list.json');
const [web, db, migrate] = dockerList as [ListedContainer, ListedContainer, ListedContainer];

describe('cpuPercent', () => {
  it('computes like docker stats: (Δcontainer / Δsystem) × online CPUs × 100', () => {
    // Δcontainer 200 ms of CPU over Δsystem 4 s of host CPU time on 4 CPUs → 20 %.
    const s = fixture<StatsJson>('docker-stats-web.json');
    expect(cpuPercent(cpuSample(s.cpu_stats), cpuSample(s.precpu_stats))).toBe(20);
  });

  it('counts per-CPU entries when online_cpus is missing (older engines)', () => {
    // Δcontainer 50 ms over Δsystem 2 s on 2 CPUs → 5 %.
    const s = fixture<StatsJson>('docker-stats-cgroup-v1.json');
    expect(cpuPercent(cpuSample(s.cpu_stats), cpuSample(s.precpu_stats))).toBe(5);
  });

  it('is null without a previous sample (Podman one-shot) or when counters went back', () => {
    const s = fixture<StatsJson>('podman-stats.json');
    expect(cpuSample(s.precpu_stats)).toBeNull();
    expect(cpuPercent(cpuSample(s.cpu_stats), null)).toBeNull();
    const now = { total: 100, system: 2000, online: 2 };
    expect(cpuPercent(now, { total: 200, system: 1000, online: 2 })).toBeNull();
    expect(cpuPercent(now, { total: 50, system: 2000, online: 2 })).toBeNull();
    expect(cpuPercent(now, { total: 100, system: 1000, online: 2 })).toBe(0);
  });
});

describe('memoryUsage', () => {
  it('subtracts inactive_file (cgroup v2) or total_inactive_file (v1) like docker stats', () => {
    expect(memoryUsage(fixture<StatsJson>('docker-stats-web.json').memory_stats)).toBe(104857600 - 4194304);
    expect(memoryUsage(fixture<StatsJson>('docker-stats-cgroup-v1.json').memory_stats)).toBe(
      52428800 - 10485760,
    );
  });

  it('takes usage as is when the engine gives no breakdown (Podman), and null without usage', () => {
    expect(memoryUsage(fixture<StatsJson>('podman-stats.json').memory_stats)).toBe(
      fixture<StatsJson>('podman-stats.json').memory_stats?.usage,
    );
    expect(memoryUsage({})).toBeNull();
    expect(memoryUsage({ usage: 100, stats: { inactive_file: 400 } })).toBe(100);
  });
});

describe('isoTime', () => {
  it('normalises engine times to millisecond UTC and drops Go zero time', () => {
    expect(isoTime('2026-11-26T13:11:16.380234817Z')).toBe('2026-11-26T13:11:16.380Z');
    expect(isoTime('2024-11-26T11:00:00+01:00')).toBe('2024-11-26T10:00:00.000Z');
    expect(isoTime(1732615200)).toBe('2024-11-26T10:00:00.000Z');
    expect(isoTime('0001-01-01T00:00:00Z')).toBeNull();
    expect(isoTime('')).toBeNull();
    expect(isoTime(undefined)).toBeNull();
  });
});

describe('toContainerInfo on Docker fixtures', () => {
  it('maps a running, healthy container with ports, restarts and stats', () => {
    const info = toContainerInfo(
      web,
      fixture<InspectedContainer>('docker-inspect-web.json'),
      fixture<StatsJson>('docker-stats-web.json'),
      null,
    );
    expect(info).toEqual({
      id: '8dfafdbc3a40',
      name: 'web',
      image: 'nginx:1.27',
      state: 'running',
      status: 'Up 2 hours (healthy)',
      exit_code: null,
      health: 'healthy',
      restart_count: 2,
      created_at: '2024-11-26T10:00:00.000Z',
      started_at: '2024-11-26T10:00:01.987Z',
      ports: [
        { private_port: 80, public_port: 8080, protocol: 'tcp', ip: '0.0.0.0' },
        { private_port: 80, public_port: 8080, protocol: 'tcp', ip: '::' },
        { private_port: 443, public_port: null, protocol: 'tcp', ip: null },
      ],
      cpu_percent: 20,
      memory_bytes: 100663296,
      memory_limit_bytes: 2147483648,
    });
  });

  it('prefers the window-start sample over the engine’s previous read', () => {
    const stats = fixture<StatsJson>('docker-stats-web.json');
    // Δcontainer 400 ms over Δsystem 8 s on 4 CPUs → 20 % again, from a different baseline.
    const before = { total: 800_000_000, system: 20_392_000_000_000, online: 4 };
    expect(toContainerInfo(web, null, stats, before).cpu_percent).toBe(20);
    expect(toContainerInfo(web, null, stats, { ...before, total: 1_000_000_000 }).cpu_percent).toBe(10);
  });

  it('maps an exited container with its exit code and no resource figures', () => {
    const info = toContainerInfo(db, fixture<InspectedContainer>('docker-inspect-db.json'), null, null);
    expect(info).toMatchObject({
      name: 'db',
      state: 'exited',
      exit_code: 1,
      health: 'none',
      started_at: '2024-11-26T09:00:02.000Z',
      cpu_percent: null,
      memory_bytes: null,
      memory_limit_bytes: null,
    });
  });

  it('falls back to the list text when there is no inspect (created, or gone meanwhile)', () => {
    expect(toContainerInfo(migrate, null, null, null)).toMatchObject({
      state: 'created',
      exit_code: null,
      restart_count: 0,
      started_at: null,
    });
    expect(toContainerInfo(db, null, null, null)).toMatchObject({ exit_code: 1 });
    expect(
      toContainerInfo({ ...web, Status: 'Up 1 second (health: starting)' }, null, null, null).health,
    ).toBe('starting');
  });

  it('leaves out a cgroup v1 "unlimited" memory limit', () => {
    const info = toContainerInfo(web, null, fixture<StatsJson>('docker-stats-cgroup-v1.json'), null);
    expect(info.memory_limit_bytes).toBeNull();
    expect(info.memory_bytes).toBe(41943040);
  });

  it('makes a valid section sorted by name', () => {
    const s = containersSection(
      engineOf(fixture<VersionJson>('docker-version.json'), 'unix:///var/run/docker.sock'),
      [
        toContainerInfo(
          web,
          fixture<InspectedContainer>('docker-inspect-web.json'),
          fixture<StatsJson>('docker-stats-web.json'),
          null,
        ),
        toContainerInfo(db, fixture<InspectedContainer>('docker-inspect-db.json'), null, null),
        toContainerInfo(migrate, null, null, null),
      ],
    );
    expect(ContainersSection.parse(s)).toEqual(s);
    expect(s.items.map((c) => c.name)).toEqual(['db', 'migrate', 'web']);
    expect(s).toMatchObject({
      available: true,
      total: 3,
      running: 1,
      engine: { name: 'Docker Engine - Community', version: '27.3.1', api_version: '1.47' },
    });
  });
});

describe('toContainerInfo on recorded Podman responses', () => {
  const list = fixture<ListedContainer[]>('podman-list.json');
  const running = list.find((c) => c.State === 'running') as ListedContainer;
  const exited = list.find((c) => c.State === 'exited') as ListedContainer;

  it('maps the running one with memory but no CPU % from a lone one-shot sample', () => {
    const info = toContainerInfo(
      running,
      fixture<InspectedContainer>('podman-inspect-running.json'),
      fixture<StatsJson>('podman-stats.json'),
      null,
    );
    expect(info).toMatchObject({
      name: 'rec-run',
      state: 'running',
      image: 'localhost/ais-busybox:latest',
      health: 'none',
    });
    expect(info.cpu_percent).toBeNull();
    expect(info.memory_bytes).toBeGreaterThan(0);
    expect(info.started_at).toMatch(/^2026-11-26T13:11:16\.\d{3}Z$/);
  });

  it('maps the exited one with exit code 3', () => {
    const info = toContainerInfo(
      exited,
      fixture<InspectedContainer>('podman-inspect-exited.json'),
      null,
      null,
    );
    expect(info).toMatchObject({
      name: 'rec-exit',
      state: 'exited',
      exit_code: 3,
      status: expect.stringMatching(/^Exited \(3\)/),
    });
  });

  it('names the engine after Podman', () => {
    expect(engineOf(fixture<VersionJson>('podman-version.json'), 'unix:///tmp/x.sock')).toEqual({
      name: 'Podman Engine',
      version: '4.3.1',
      api_version: '1.41',
      endpoint: 'unix:///tmp/x.sock',
    });
  });
});

describe('noContainers', () => {
  it('is a valid, empty section with the reason', () => {
    expect(ContainersSection.parse(noContainers('why'))).toEqual({
      available: false,
      reason: 'why',
      engine: null,
      total: 0,
      running: 0,
      items: [],
    });
  });
});
