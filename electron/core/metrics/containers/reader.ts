import { stat } from '../../os/fs-async.js';
import type { ContainerInfo, ContainersSection } from '../../../../shared/snapshot/metrics/containers.js';
import { defineReader, type ReaderContext } from '../../snapshot/reader.js';
import { planConnection, socketsToCheck, type ConnectionPlan } from './endpoint.js';
// Type-only: the module itself (and dockerode with it) is imported inside the reader when needed.
import type { EngineClient } from './engine.js';
import { mapLimit } from './limit.js';
import {
  containersSection,
  cpuSample,
  engineOf,
  noContainers,
  toContainerInfo,
  type CpuSample,
  type ListedContainer,
} from './parse.js';
import { engineFromPing, ping } from './ping.js';

/** The engine block of the section. */
type Engine = NonNullable<ContainersSection['engine']>;

/** Requests per phase in flight at once; enough to hide latency, few enough not to load the engine. */
const CONCURRENCY = 4;

/** What `begin` hands `collect`: each running container's CPU counters at the window's start, by full id. */
export type ContainersStart = ReadonlyMap<string, CpuSample>;

/** Socket errors that mean "no engine answers here" rather than a fault of ours, in plain words. */
const UNREACHABLE: Readonly<Record<string, string>> = {
  ENOENT: 'no such socket',
  ECONNREFUSED: 'connection refused',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTSOCK: 'not a socket',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection closed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
};

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** Why the engine at `url` cannot be reached, or null when `err` is some other failure. */
export function unreachableReason(err: unknown, url: string): string | null {
  const code = errorCode(err);
  const words = code === undefined ? undefined : UNREACHABLE[code];
  return words ? `cannot reach the container engine at ${url}: ${words} (${code})` : null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Decides from DOCKER_HOST and the sockets on disk whether to load dockerode at all. */
export async function connectionPlan(ctx: ReaderContext): Promise<ConnectionPlan> {
  const paths = socketsToCheck(ctx.env, ctx.platform);
  const found = await Promise.all(paths.map(exists));
  return planConnection(ctx.env, ctx.platform, new Set(paths.filter((_, i) => found[i])));
}

/** The engine's answer for one container, or null when it refused (gone, no longer running). */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    // dockerode marks the engine's own HTTP errors with a status; anything else is ours to report.
    if (
      typeof err === 'object' &&
      err !== null &&
      typeof (err as { statusCode?: unknown }).statusCode === 'number'
    ) {
      return null;
    }
    throw err;
  }
}

/** List + inspect + stats of one container. Inspect is skipped for never-started ones (nothing to add). */
async function describeContainer(
  engine: EngineClient,
  c: ListedContainer,
  before: CpuSample | null,
): Promise<ContainerInfo> {
  const state = (c.State ?? '').toLowerCase();
  const [inspected, stats] = await Promise.all([
    state === 'created' ? null : orNull(engine.inspect(c.Id)),
    state === 'running' ? orNull(engine.stats(c.Id)) : null,
  ]);
  return toContainerInfo(c, inspected, stats, before);
}

/**
 * Pings the engine and opens a client; the reason instead when nothing answers. dockerode is
 * imported only after an engine has answered the ping (or for ssh, which cannot be pinged first).
 */
async function connect(
  ctx: ReaderContext,
): Promise<{ client: EngineClient; engine: Engine | null; url: string } | { reason: string }> {
  const plan = await connectionPlan(ctx);
  if (!plan.connect) return { reason: plan.reason };
  const url = plan.endpoint.url;
  try {
    const headers = await ping(plan.endpoint, ctx.env, ctx.signal);
    const { openEngine } = await import('./engine.js');
    const client = await openEngine(plan.endpoint, ctx.env, ctx.signal);
    return { client, engine: headers ? engineFromPing(headers, url) : null, url };
  } catch (err) {
    const reason = ctx.signal.aborted ? null : unreachableReason(err, url);
    if (reason) return { reason };
    throw err;
  }
}

/** Containers of a Docker-compatible engine (Docker, Podman); `available: false` when none answers. */
export const reader = defineReader<'containers', ContainersStart | undefined>({
  section: 'containers',
  timeoutMs: 10_000,

  async begin(ctx: ReaderContext): Promise<ContainersStart | undefined> {
    try {
      const conn = await connect(ctx);
      if ('reason' in conn) return undefined;
      const running = await conn.client.list(false);
      const samples = await mapLimit(running, CONCURRENCY, async (c) => {
        const stats = await orNull(conn.client.stats(c.Id));
        return [c.Id, cpuSample(stats?.cpu_stats)] as const;
      });
      return new Map(samples.filter((s): s is readonly [string, CpuSample] => s[1] !== null));
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      // collect meets the same problem and reports it; the window only loses the CPU figures.
      return undefined;
    }
  },

  async collect(ctx: ReaderContext, start: ContainersStart | undefined): Promise<ContainersSection> {
    const conn = await connect(ctx);
    if ('reason' in conn) return noContainers(conn.reason);
    const { client, url } = conn;
    let engine: Engine;
    let listed: ListedContainer[];
    try {
      [engine, listed] = await Promise.all([
        conn.engine ?? client.version().then((v) => engineOf(v, url)),
        client.list(true),
      ]);
    } catch (err) {
      // Only an ssh endpoint gets here unpinged, so this is where it turns out to be unreachable.
      const reason = ctx.signal.aborted ? null : unreachableReason(err, url);
      if (reason) return noContainers(reason);
      throw err;
    }
    const items = await mapLimit(listed, CONCURRENCY, (c) =>
      describeContainer(client, c, start?.get(c.Id) ?? null),
    );
    return containersSection(engine, items);
  },
});
