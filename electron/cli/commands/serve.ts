import { homedir, hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { userError } from '../../core/messages.js';
import { userDataDir } from '../../core/paths.js';
import { Sessions, ensureApiKey } from '../../server/auth.js';
import { createBackend } from '../../server/backend.js';
import { createParts, defaultStaticDir } from '../../server/parts.js';
import { startServer } from '../../server/server.js';
import { cliConfig, cliTranslator } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::']);

function machineNames(): string[] {
  const addrs = Object.values(networkInterfaces())
    .flat()
    .map((a) => a?.address)
    .filter((a): a is string => typeof a === 'string');
  return [hostname(), ...addrs];
}

/**
 * `autoinfrasnap serve`: the live dashboard and the contract over HTTP + SSE, behind an API key.
 * Runs until SIGINT or SIGTERM, then stops the sampler, closes every stream and exits 0.
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8780' },
    'data-dir': { type: 'string' },
    interval: { type: 'string', default: '2' },
    auth: { type: 'boolean', default: true },
    'static-dir': { type: 'string' },
  });
  // The key is the server's, not a setting: keep it out of the settings loader and of child processes.
  const envKey = io.env.AUTOINFRASNAP_API_KEY;
  const env = { ...io.env };
  delete env.AUTOINFRASNAP_API_KEY;
  if (io.env === process.env) delete process.env.AUTOINFRASNAP_API_KEY;
  const cfg = await cliConfig({ ...io, env }, values);
  const t = cliTranslator(cfg, env);
  const host = values.host ?? '127.0.0.1';
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '') || port > 65535)
    throw userError('usage', 'server.port', { value: values.port ?? '' });
  const seconds = Number(values.interval);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 60)
    throw userError('usage', 'server.interval', { value: values.interval ?? '', min: 1, max: 60 });
  if (values.auth === false && !LOOPBACK.has(host))
    throw userError('usage', 'server.no_auth_loopback', { host });
  const dataDir = values['data-dir']
    ? resolve(io.cwd, values['data-dir'])
    : join(userDataDir(env, process.platform, homedir()), 'server');

  // Listen for signals before anything starts: a SIGTERM during start-up still shuts down cleanly.
  const stopSignal = new Promise<string>((done) => {
    const on = (sig: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
  const reload = () => cliConfig({ ...io, env }, values);
  const intervalMs = Math.round(seconds * 1000);
  const log = (line: string): void => io.stderr(`autoinfrasnap: ${line}\n`);
  const parts = await createParts({ cfg, dataDir, intervalMs, log });
  const backend = createBackend(cfg, parts, reload);
  // Nobody watches until a browser opens the event stream: sample at the idle rate meanwhile.
  backend.setVisible(false);
  const key = values.auth === false ? null : await ensureApiKey(dataDir, envKey);
  await backend.start();
  const server = await startServer({
    host,
    port,
    backend,
    auth: { enabled: key !== null, keyHash: key?.hash ?? '', sessions: new Sessions() },
    staticDir: values['static-dir'] ? resolve(io.cwd, values['static-dir']) : defaultStaticDir(),
    t,
    extraHosts: WILDCARD.has(host) ? machineNames() : [],
    log,
  }).catch(async (e: unknown) => {
    await backend.stop();
    throw e;
  });

  if (key?.created)
    io.stderr(`autoinfrasnap: ${t.t('server.key_created', { key: key.created, path: key.path ?? '' })}\n`);
  else if (key?.path) io.stderr(`autoinfrasnap: ${t.t('server.key_file', { path: key.path })}\n`);
  else if (key) io.stderr(`autoinfrasnap: ${t.t('server.key_env')}\n`);
  else io.stderr(`autoinfrasnap: ${t.t('server.auth_off', { url: server.url })}\n`);
  if (WILDCARD.has(host)) io.stderr(`autoinfrasnap: ${t.t('server.wildcard_bind', { host })}\n`);
  io.stdout(`${t.t('server.listening', { url: `${server.url}/` })}\n`);

  const signal = await stopSignal;
  io.stderr(`autoinfrasnap: ${t.t('server.stopping', { signal })}\n`);
  await server.close();
  await backend.stop();
  io.stderr(`autoinfrasnap: ${t.t('server.stopped')}\n`);
  return ExitCode.Ok;
}
