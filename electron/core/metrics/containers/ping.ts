import { readFile } from '../../os/fs-async.js';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { ContainersSection } from '../../../../shared/snapshot/metrics/containers.js';
import type { Endpoint } from './endpoint.js';

/** How long to wait for a network engine to accept the connection before calling it unreachable. */
const CONNECT_TIMEOUT_MS = 3000;

/** TLS material for a tcp endpoint from DOCKER_CERT_PATH, as the docker CLI reads it. */
export async function tlsFiles(
  env: NodeJS.ProcessEnv,
): Promise<{ ca?: Buffer; cert?: Buffer; key?: Buffer }> {
  const dir = env.DOCKER_CERT_PATH;
  if (!dir) return {};
  const [ca, cert, key] = await Promise.all(
    ['ca.pem', 'cert.pem', 'key.pem'].map((f) => readFile(join(dir, f))),
  );
  return { ca, cert, key };
}

/**
 * GET /_ping with plain node:http, before dockerode is loaded: it tells whether an engine answers at
 * all, and its headers name the engine. /version would too, but both Docker and Podman run their
 * runtimes' `--version` for it, ~0.6 s and several processes on every call. Null for ssh endpoints.
 */
export async function ping(
  endpoint: Endpoint,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<IncomingHttpHeaders | null> {
  if (endpoint.kind === 'ssh') return null;
  const tls = endpoint.kind === 'tcp' && endpoint.protocol === 'https' ? await tlsFiles(env) : null;
  const target =
    endpoint.kind === 'socket' ? { socketPath: endpoint.path } : { host: endpoint.host, port: endpoint.port };
  // Loaded here, not at the top: http/https/tls cost start-up time on every run without an engine.
  const request = tls ? (await import('node:https')).request : (await import('node:http')).request;
  return new Promise((resolve, reject) => {
    const req = request(
      { ...target, ...tls, path: '/_ping', method: 'GET', signal, headers: { host: 'docker' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers));
        res.on('error', reject);
      },
    );
    req.setTimeout(CONNECT_TIMEOUT_MS, () =>
      req.destroy(Object.assign(new Error('engine did not answer'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end();
  });
}

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
}

/**
 * The engine named by its /_ping headers: Podman sends Libpod-Api-Version, Docker (and Podman) a
 * `Server: Docker/27.3.1 (linux)` or `Libpod/4.3.1 (linux)`. Null when they do not say.
 */
export function engineFromPing(
  h: IncomingHttpHeaders,
  endpoint: string,
): NonNullable<ContainersSection['engine']> | null {
  const api = header(h, 'api-version') ?? null;
  const libpod = header(h, 'libpod-api-version');
  if (libpod) return { name: 'Podman Engine', version: libpod, api_version: api, endpoint };
  const server = /^(Docker|Libpod)\/([^\s(]+)/i.exec(header(h, 'server') ?? '');
  if (!server?.[1] || !server[2]) return null;
  const name = server[1].toLowerCase() === 'libpod' ? 'Podman Engine' : 'Docker Engine';
  return { name, version: server[2], api_version: api, endpoint };
}
