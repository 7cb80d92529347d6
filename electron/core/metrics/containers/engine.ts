import type { Endpoint } from './endpoint.js';
import type { InspectedContainer, ListedContainer, StatsJson, VersionJson } from './parse.js';
import { tlsFiles } from './ping.js';

/** The engine calls the reader makes, each bounded by the reader's abort signal. */
export interface EngineClient {
  version(): Promise<VersionJson>;
  list(all: boolean): Promise<ListedContainer[]>;
  inspect(id: string): Promise<InspectedContainer>;
  /** One sample without streaming; one-shot so Docker does not wait a second for a second sample. */
  stats(id: string): Promise<StatsJson>;
}

/**
 * Opens a dockerode client for `endpoint`, importing dockerode only now: the CLI's fast path and
 * machines without an engine never load it. Every option is given, because docker-modem would
 * otherwise fill the gaps from process.env rather than the reader's environment.
 */
export async function openEngine(
  endpoint: Endpoint,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
): Promise<EngineClient> {
  const { default: Docker } = await import('dockerode');
  const base = { host: undefined, port: undefined, socketPath: undefined, protocol: undefined } as const;
  const options =
    endpoint.kind === 'socket'
      ? { ...base, socketPath: endpoint.path }
      : endpoint.kind === 'ssh'
        ? {
            ...base,
            host: endpoint.host,
            port: endpoint.port,
            protocol: 'ssh' as const,
            username: endpoint.username ?? undefined,
            sshOptions: { agent: env.SSH_AUTH_SOCK },
          }
        : {
            ...base,
            host: endpoint.host,
            port: endpoint.port,
            protocol: endpoint.protocol,
            ...(endpoint.protocol === 'https' ? await tlsFiles(env) : {}),
          };
  const docker = new Docker(options);
  const opts = { abortSignal: signal };
  return {
    // The typings omit the options argument dockerode accepts here.
    version: () => (docker as unknown as { version(o: typeof opts): Promise<VersionJson> }).version(opts),
    list: async (all) => (await docker.listContainers({ ...opts, all })) as ListedContainer[],
    inspect: async (id) => (await docker.getContainer(id).inspect(opts)) as InspectedContainer,
    stats: async (id) => {
      const statsOpts: { stream: false; 'one-shot': boolean } = { ...opts, stream: false, 'one-shot': true };
      return (await docker.getContainer(id).stats(statsOpts)) as StatsJson;
    },
  };
}
