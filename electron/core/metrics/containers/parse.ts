import type { ContainerInfo, ContainersSection } from '../../../../shared/snapshot/metrics/containers.js';

/** One entry of GET /containers/json, as Docker and Podman send it (fields the mapper reads). */
export interface ListedContainer {
  readonly Id: string;
  readonly Names?: readonly string[] | null;
  readonly Image?: string;
  readonly Created?: number;
  readonly State?: string;
  readonly Status?: string;
  readonly Ports?:
    readonly { IP?: string; PrivatePort?: number; PublicPort?: number; Type?: string }[] | null;
}

/** The fields of GET /containers/{id}/json the list does not give. */
export interface InspectedContainer {
  readonly RestartCount?: number;
  readonly Config?: { readonly Image?: string } | null;
  readonly State?: {
    readonly Status?: string;
    readonly ExitCode?: number;
    readonly StartedAt?: string;
    readonly Health?: { readonly Status?: string } | null;
  } | null;
}

/** CPU counters of one stats sample. */
export interface CpuStatsJson {
  readonly cpu_usage?: { readonly total_usage?: number; readonly percpu_usage?: readonly number[] | null };
  readonly system_cpu_usage?: number;
  readonly online_cpus?: number;
}

/** GET /containers/{id}/stats?stream=false (the fields the mapper reads). */
export interface StatsJson {
  readonly cpu_stats?: CpuStatsJson;
  readonly precpu_stats?: CpuStatsJson;
  readonly memory_stats?: {
    readonly usage?: number;
    readonly limit?: number;
    readonly stats?: Readonly<Record<string, number>> | null;
  };
}

/** GET /version (the fields the mapper reads). */
export interface VersionJson {
  readonly Version?: string;
  readonly ApiVersion?: string;
  readonly Platform?: { readonly Name?: string } | null;
  readonly Components?: readonly { readonly Name?: string; readonly Version?: string }[] | null;
}

/** A container's cumulative CPU time and the host's, both in ns, at one moment. */
export interface CpuSample {
  readonly total: number;
  readonly system: number;
  readonly online: number;
}

/** The CPU counters of a stats block; null when the engine left them empty (a first, one-shot read). */
export function cpuSample(s: CpuStatsJson | undefined): CpuSample | null {
  const total = s?.cpu_usage?.total_usage;
  const system = s?.system_cpu_usage;
  if (typeof total !== 'number' || typeof system !== 'number' || system <= 0) return null;
  // Older engines leave online_cpus out; the docker CLI then counts the per-CPU entries.
  const online = s?.online_cpus || s?.cpu_usage?.percpu_usage?.length || 0;
  return { total, system, online };
}

/**
 * CPU use between two samples the way `docker stats` computes it: the container's share of all host
 * CPU time, times the CPU count, so one busy core is 100 % and the total can exceed 100.
 */
export function cpuPercent(now: CpuSample | null, before: CpuSample | null): number | null {
  if (!now || !before || now.online <= 0) return null;
  const cpuDelta = now.total - before.total;
  const systemDelta = now.system - before.system;
  // No host time passed, or the counters went back (the container restarted): nothing to divide.
  if (systemDelta <= 0 || cpuDelta < 0) return null;
  return Math.round((cpuDelta / systemDelta) * now.online * 100 * 100) / 100;
}

/** Memory in use like `docker stats`: usage less the inactive page cache the kernel can drop at once. */
export function memoryUsage(m: StatsJson['memory_stats']): number | null {
  const usage = m?.usage;
  if (typeof usage !== 'number' || usage < 0) return null;
  // cgroup v1 reports total_inactive_file, v2 inactive_file.
  const inactive = m?.stats?.total_inactive_file ?? m?.stats?.inactive_file;
  return typeof inactive === 'number' && inactive < usage ? usage - inactive : usage;
}

/** An engine timestamp (RFC 3339 with ns, or Unix seconds) in the snapshot's form; Go's zero time is null. */
export function isoTime(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  const ms = typeof v === 'number' ? v * 1000 : Date.parse(v);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null;
}

const HEALTH = new Set(['healthy', 'unhealthy', 'starting']);

function healthOf(listed: ListedContainer, inspected: InspectedContainer | null): ContainerInfo['health'] {
  const status = inspected?.State?.Health?.Status;
  if (status && HEALTH.has(status)) return status as ContainerInfo['health'];
  // Without an inspect (the container vanished meanwhile) the list's status text still says it.
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(listed.Status ?? '');
  if (!m?.[1]) return 'none';
  return m[1] === 'health: starting' ? 'starting' : (m[1] as 'healthy' | 'unhealthy');
}

function exitCodeOf(
  state: string,
  listed: ListedContainer,
  inspected: InspectedContainer | null,
): number | null {
  // A running container's ExitCode is a meaningless 0; only stopped ones have exited with something.
  if (state !== 'exited' && state !== 'dead' && state !== 'restarting') return null;
  const code = inspected?.State?.ExitCode;
  if (typeof code === 'number' && Number.isInteger(code)) return code;
  const m = /^Exited \((-?\d+)\)/.exec(listed.Status ?? '');
  return m?.[1] !== undefined ? Number(m[1]) : null;
}

function portsOf(listed: ListedContainer): ContainerInfo['ports'] {
  const ports = (listed.Ports ?? [])
    .filter((p) => typeof p.PrivatePort === 'number')
    .map((p) => ({
      private_port: p.PrivatePort ?? 0,
      public_port: typeof p.PublicPort === 'number' && p.PublicPort > 0 ? p.PublicPort : null,
      protocol: p.Type || 'tcp',
      ip: p.IP || null,
    }));
  // Engines return ports in map order, which changes between calls; sorted, two snapshots diff cleanly.
  const key = (p: ContainerInfo['ports'][number]) =>
    `${String(p.private_port).padStart(5, '0')}/${p.protocol}/${p.ip ?? ''}/${String(p.public_port ?? 0).padStart(5, '0')}`;
  return ports.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * One container from its list entry, its inspect (null when not needed or gone), its one-shot stats
 * (null unless running) and its CPU sample from the window's start (null without a window).
 */
export function toContainerInfo(
  listed: ListedContainer,
  inspected: InspectedContainer | null,
  stats: StatsJson | null,
  before: CpuSample | null,
): ContainerInfo {
  const state = (listed.State || inspected?.State?.Status || 'unknown').toLowerCase();
  const name = listed.Names?.[0]?.replace(/^\//, '') || listed.Id.slice(0, 12);
  const limit = stats?.memory_stats?.limit;
  const now = cpuSample(stats?.cpu_stats);
  const restarts = inspected?.RestartCount;
  return {
    id: listed.Id.slice(0, 12),
    name,
    image: listed.Image || inspected?.Config?.Image || '',
    state,
    status: listed.Status ?? '',
    exit_code: exitCodeOf(state, listed, inspected),
    health: healthOf(listed, inspected),
    restart_count: typeof restarts === 'number' && restarts >= 0 ? restarts : 0,
    created_at: isoTime(listed.Created),
    started_at: isoTime(inspected?.State?.StartedAt),
    ports: portsOf(listed),
    // The window's start sample when there is one, else the engine's own previous read (Docker
    // without one-shot); Podman's one-shot stats leave it empty, and the result is then null.
    cpu_percent: stats ? cpuPercent(now, before ?? cpuSample(stats.precpu_stats)) : null,
    memory_bytes: stats ? memoryUsage(stats.memory_stats) : null,
    // cgroup v1 reports "no limit" as 2^63 rounded to a page, past what a JSON number holds exactly.
    memory_limit_bytes: typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0 ? limit : null,
  };
}

/** The engine's name and version: Podman says so in its components, Docker in its platform name. */
export function engineOf(v: VersionJson, endpoint: string): NonNullable<ContainersSection['engine']> {
  const podman = v.Components?.find((c) => /podman/i.test(c.Name ?? ''));
  const platform = v.Platform?.Name;
  return {
    name: podman?.Name || (platform && /docker/i.test(platform) ? platform : 'Docker Engine'),
    version: podman?.Version || v.Version || 'unknown',
    api_version: v.ApiVersion || null,
    endpoint,
  };
}

/** The section for an engine that answered; containers by name so two snapshots line up. */
export function containersSection(
  engine: NonNullable<ContainersSection['engine']>,
  items: readonly ContainerInfo[],
): ContainersSection {
  const sorted = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    available: true,
    reason: null,
    engine,
    total: sorted.length,
    running: sorted.filter((c) => c.state === 'running').length,
    items: sorted,
  };
}

/** The section when no engine answers: empty, with the reason; not an error. */
export function noContainers(reason: string): ContainersSection {
  return { available: false, reason, engine: null, total: 0, running: 0, items: [] };
}
