// The fleet commands of a backend: the host list lives in the settings (`fleet.hosts`, no secrets)
// and the keys in fleet-keys.json; this resolves both (keys, CA files) into the monitor's hosts.
import type {
  FleetHostInput,
  FleetHostState,
  FleetChange,
  FleetEvent,
} from '../../../shared/contract/fleet.js';
import {
  caProblem,
  hostNameProblem,
  hostUrlProblem,
  isPem,
  normalizeHostUrl,
} from '../../../shared/fleet/validate.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { Settings } from '../../../shared/settings/schema.js';
import type { FleetHostSetting } from '../../../shared/settings/fleet.js';
import { readFile } from '../os/fs-async.js';
import { userError } from '../messages.js';
import { parseCaPem, readCaFile } from '../tls/agent.js';
import { FleetKeyStore } from './keys.js';
import { FleetMonitor, type FleetMonitorOptions } from './monitor.js';
import type { ResolvedHost } from './host.js';

/** What the fleet needs of the settings (the server's SettingsOps fits). */
export interface FleetSettingsPort {
  get(): Settings;
  set(patch: Record<string, unknown>): Promise<Settings>;
  onChange(cb: (cfg: { settings: Settings }) => void): () => void;
}

/** The fleet as a backend offers it to the HTTP routes and the event stream. */
export interface FleetOps {
  list(): FleetHostState[];
  setHosts(hosts: FleetHostInput[]): Promise<FleetHostState[]>;
  call(host: string, command: string, request: Record<string, unknown>): Promise<unknown>;
  onChanged(cb: (c: FleetChange) => void): () => void;
  onEvent(cb: (e: FleetEvent) => void): () => void;
  start(): Promise<void>;
  stop(): void;
}

/** Options of the fleet part. */
export interface FleetOpsOptions {
  dataDir: string;
  log: (line: string) => void;
  monitor?: FleetMonitorOptions;
}

async function readKeyFile(path: string): Promise<string> {
  const key = (await readFile(path, 'utf8')).trim();
  if (key === '' || key.length > 1024 || /\s/.test(key)) throw new Error(`${path} does not hold one API key`);
  return key;
}

/** Resolves one host: its key (keyFile, else the stored key) and CA; a failure is the host's problem. */
export async function resolveHost(
  h: FleetHostSetting,
  keys: ReadonlyMap<string, string>,
): Promise<ResolvedHost> {
  const base = { name: h.name, url: normalizeHostUrl(h.url) };
  const caKind = h.ca === null ? 'none' : isPem(h.ca) ? 'pem' : 'file';
  try {
    const key = h.keyFile !== null ? await readKeyFile(h.keyFile) : (keys.get(h.name) ?? null);
    const ca = h.ca === null ? null : isPem(h.ca) ? parseCaPem(h.ca, `${h.name} ca`) : await readCaFile(h.ca);
    const problem =
      key === null
        ? { code: 'config' as const, message: "no API key: add the host's read key in Settings" }
        : null;
    return { ...base, key, ca, caKind, problem };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    return { ...base, key: null, ca: null, caKind, problem: { code: 'config', message } };
  }
}

/** A refused host, counted from 1 as the editor shows them. */
function invalid(key: string, index: number, host: string): Error {
  return userError('usage', `fleet.invalid.${key}` as MessageKey, { index: index + 1, host });
}

/** Checks the hosts editor's list against the current one; returns the settings and the new keys. */
export function checkHosts(
  inputs: readonly FleetHostInput[],
  current: readonly FleetHostSetting[],
  stored: ReadonlyMap<string, string>,
): { hosts: FleetHostSetting[]; keys: Map<string, string> } {
  const seen = new Set<string>();
  const keys = new Map<string, string>();
  const hosts = inputs.map((h, i): FleetHostSetting => {
    const name = h.name.trim();
    const url = normalizeHostUrl(h.url.trim());
    const problem =
      hostNameProblem(name) ??
      hostUrlProblem(url) ??
      (h.ca !== undefined && h.ca !== null && h.ca.trim() !== '' ? caProblem(h.ca.trim()) : null);
    if (problem) throw invalid(problem, i, name);
    if (seen.has(name)) throw invalid('duplicate', i, name);
    seen.add(name);
    const before = current.find((c) => c.name === name);
    const keyFile = h.keyFile?.trim() || null;
    if (h.key !== undefined) keys.set(name, h.key);
    else if (keyFile === null) {
      // A key goes only where it was given for: a host whose address changed needs its key again.
      const sameOrigin = before !== undefined && new URL(before.url).origin === new URL(url).origin;
      const old = stored.get(name);
      if (!sameOrigin || old === undefined) throw invalid('key', i, name);
      keys.set(name, old);
    }
    return { name, url, ca: h.ca?.trim() || null, keyFile };
  });
  return { hosts, keys };
}

/** The fleet part of a backend: the monitor over the settings' hosts, reconfigured when they change. */
export function createFleetOps(settings: FleetSettingsPort, opts: FleetOpsOptions): FleetOps {
  const monitor = new FleetMonitor(opts.monitor);
  const store = new FleetKeyStore(opts.dataDir);
  const states = new Map<string, string>();
  let unsubscribe: (() => void) | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  const apply = async (hosts: readonly FleetHostSetting[]): Promise<void> => {
    const keys = await store.read().catch((e: unknown) => {
      opts.log(`fleet: cannot read ${store.path}: ${(e as Error).message}`);
      return new Map<string, string>();
    });
    monitor.setHosts(await Promise.all(hosts.map((h) => resolveHost(h, keys))));
  };
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const p = tail.then(run, run);
    tail = p.catch(() => undefined);
    return p;
  };
  // One line per reachability change in the log (the reason, never the key), not one per sample.
  monitor.onChanged(({ changed, removed }) => {
    for (const h of changed) {
      const was = states.get(h.name);
      if (h.state === 'unreachable') {
        const why = `${h.problem?.code ?? 'network'}: ${h.problem?.message ?? ''}`;
        if (was !== why) opts.log(`fleet: ${h.name} unreachable (${why})`);
        states.set(h.name, why);
      } else if (h.state !== 'connecting' && was !== 'up') {
        opts.log(`fleet: ${h.name} ${was === undefined ? 'connected' : 'reachable again'} (${h.state})`);
        states.set(h.name, 'up');
      }
    }
    for (const name of removed) states.delete(name);
  });

  return {
    list: () => monitor.list(),
    setHosts: (inputs) =>
      serial(async () => {
        const stored = await store.read();
        const { hosts, keys } = checkHosts(inputs, settings.get().fleet.hosts, stored);
        await store.write(keys);
        await settings.set({ fleet: { hosts } });
        const effective = settings.get().fleet.hosts;
        await apply(effective);
        // A later layer (project file, --config, environment) wins over what Settings writes: say so.
        if (JSON.stringify(effective) !== JSON.stringify(hosts))
          throw userError('config', 'fleet.overridden');
        return monitor.list();
      }),
    call: (host, command, request) => monitor.call(host, command, request),
    onChanged: (cb) => monitor.onChanged(cb),
    onEvent: (cb) => monitor.onEvent(cb),
    async start() {
      await serial(() => apply(settings.get().fleet.hosts));
      unsubscribe = settings.onChange((cfg) => void serial(() => apply(cfg.settings.fleet.hosts)));
      monitor.start();
    },
    stop() {
      unsubscribe?.();
      monitor.stop();
    },
  };
}
