/** Where the engine listens, decided from DOCKER_HOST before anything heavy is loaded. */
export type Endpoint =
  | { readonly kind: 'socket'; readonly path: string; readonly url: string }
  | {
      readonly kind: 'tcp';
      readonly host: string;
      readonly port: number;
      readonly protocol: 'http' | 'https';
      readonly url: string;
    }
  | {
      readonly kind: 'ssh';
      readonly host: string;
      readonly port: number;
      readonly username: string | null;
      readonly url: string;
    };

/** Connect to this endpoint, or skip the engine with a reason (not an error). */
export type ConnectionPlan =
  | { readonly connect: true; readonly endpoint: Endpoint }
  | { readonly connect: false; readonly reason: string };

/** Docker's default socket on Unix; named in the reason when no engine is found. */
export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';

/** Docker Desktop's / Docker Engine's default named pipe on Windows. */
export const DEFAULT_WINDOWS_PIPE = '//./pipe/docker_engine';

/**
 * Unix sockets tried in order when DOCKER_HOST is unset: the system daemon, then Docker Desktop's
 * per-user socket, rootless Docker and rootless/rootful Podman, so a desktop user needs no setup.
 */
export function defaultSockets(env: NodeJS.ProcessEnv): string[] {
  const out = [DEFAULT_UNIX_SOCKET];
  if (env.HOME) out.push(`${env.HOME}/.docker/run/docker.sock`);
  if (env.XDG_RUNTIME_DIR)
    out.push(`${env.XDG_RUNTIME_DIR}/docker.sock`, `${env.XDG_RUNTIME_DIR}/podman/podman.sock`);
  out.push('/run/podman/podman.sock');
  return out;
}

function socketEndpoint(path: string, scheme: 'unix' | 'npipe'): Endpoint {
  return { kind: 'socket', path, url: `${scheme}://${path}` };
}

/** DOCKER_HOST without any user:password@, for reasons and the snapshot's endpoint field. */
export function withoutUserinfo(address: string): string {
  return address.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

function networkEndpoint(raw: string, env: NodeJS.ProcessEnv): Endpoint | null {
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `tcp://${raw}`);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return null;
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'ssh') {
    const port = url.port ? Number(url.port) : 22;
    const username = url.username ? decodeURIComponent(url.username) : null;
    return { kind: 'ssh', host, port, username, url: `ssh://${url.host}` };
  }
  if (scheme !== 'tcp' && scheme !== 'http' && scheme !== 'https') return null;
  const port = url.port ? Number(url.port) : scheme === 'https' ? 2376 : 2375;
  // The docker CLI's rules: TLS when asked for, or on the port registered for Docker over TLS.
  const tls = scheme === 'https' || env.DOCKER_TLS_VERIFY === '1' || port === 2376;
  return { kind: 'tcp', host, port, protocol: tls ? 'https' : 'http', url: `tcp://${url.host}` };
}

/**
 * The endpoint named by DOCKER_HOST (unix://, npipe://, tcp://, ssh://), or the platform default when
 * it is unset; null when DOCKER_HOST cannot be understood. `present` lists the Unix sockets that exist.
 */
export function planConnection(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  present: ReadonlySet<string>,
): ConnectionPlan {
  const raw = env.DOCKER_HOST?.trim();
  if (!raw) {
    if (platform === 'win32')
      return { connect: true, endpoint: socketEndpoint(DEFAULT_WINDOWS_PIPE, 'npipe') };
    const found = defaultSockets(env).find((p) => present.has(p));
    if (found) return { connect: true, endpoint: socketEndpoint(found, 'unix') };
    return { connect: false, reason: `no container engine at ${DEFAULT_UNIX_SOCKET} (set DOCKER_HOST)` };
  }
  if (raw.startsWith('unix://')) {
    const path = raw.slice('unix://'.length) || DEFAULT_UNIX_SOCKET;
    if (!present.has(path))
      return { connect: false, reason: `no container engine at ${path} (from DOCKER_HOST)` };
    return { connect: true, endpoint: socketEndpoint(path, 'unix') };
  }
  if (raw.startsWith('npipe://')) {
    return {
      connect: true,
      endpoint: socketEndpoint(raw.slice('npipe://'.length) || DEFAULT_WINDOWS_PIPE, 'npipe'),
    };
  }
  const endpoint = networkEndpoint(raw, env);
  if (!endpoint)
    return { connect: false, reason: `DOCKER_HOST is not an engine address: ${withoutUserinfo(raw)}` };
  return { connect: true, endpoint };
}

/** The Unix socket paths whose existence `planConnection` needs to know; none for pipes and networks. */
export function socketsToCheck(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const raw = env.DOCKER_HOST?.trim();
  if (!raw) return platform === 'win32' ? [] : defaultSockets(env);
  if (raw.startsWith('unix://')) return [raw.slice('unix://'.length) || DEFAULT_UNIX_SOCKET];
  return [];
}
