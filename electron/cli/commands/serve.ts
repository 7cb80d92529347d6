import { realpathSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir, hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { createFleetOps } from '../../core/fleet/ops.js';
import { userError } from '../../core/messages.js';
import { tuneForAllDay } from '../../core/os/all-day.js';
import { userDataDir } from '../../core/paths.js';
import { AuditLog, AUDIT_FILE } from '../../server/audit.js';
import { Sessions } from '../../server/auth.js';
import { createBackend } from '../../server/backend.js';
import { createParts, defaultStaticDir } from '../../server/parts.js';
import { startServer } from '../../server/server.js';
import { systemdUnit } from '../../server/service.js';
import { addKey, prepareKeys, prepareTls, reloadTlsOnHangup } from '../../server/startup.js';
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
    interval: { type: 'string' },
    auth: { type: 'boolean', default: true },
    'static-dir': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'metrics-public': { type: 'boolean', default: false },
    'allow-host': { type: 'string', multiple: true },
    'print-systemd-unit': { type: 'boolean', default: false },
    'new-key': { type: 'string' },
    scope: { type: 'string' },
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
  // --interval wins; else the monitor.intervalSeconds setting (default 2 s), which also applies live.
  const seconds =
    values.interval === undefined ? cfg.settings.monitor.intervalSeconds : Number(values.interval);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 60)
    throw userError('usage', 'server.interval', { value: values.interval ?? '', min: 1, max: 60 });
  if (values.auth === false && !LOOPBACK.has(host))
    throw userError('usage', 'server.no_auth_loopback', { host });
  const dataDir = values['data-dir']
    ? resolve(io.cwd, values['data-dir'])
    : join(userDataDir(env, process.platform, homedir()), 'server');
  const allowHosts = (values['allow-host'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
  for (const h of allowHosts)
    if (
      !isIP(h.replace(/^\[|\]$/g, '')) &&
      !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(h)
    )
      throw userError('usage', 'server.allow_host', { value: h });
  if (values.scope !== undefined && values['new-key'] === undefined)
    throw userError('usage', 'server.keys.scope_without_key');
  const tlsFiles = [values['tls-cert'], values['tls-key']].map((f) =>
    f === undefined ? f : resolve(io.cwd, f),
  );
  const tls = await prepareTls(tlsFiles[0], tlsFiles[1], t);
  if (values['print-systemd-unit']) {
    const keep = ['--host', host, '--port', String(port), '--interval', String(seconds)];
    for (const h of allowHosts) keep.push('--allow-host', h);
    if (values['metrics-public']) keep.push('--metrics-public');
    const script = realpathSync(process.argv[1] ?? 'autoinfrasnap');
    const files = tls.files ? { cert: tls.files.certFile, key: tls.files.keyFile } : undefined;
    io.stdout(systemdUnit({ node: process.execPath, script, args: keep, ...(files && { tls: files }) }));
    return ExitCode.Ok;
  }
  if (values['new-key'] !== undefined) {
    const made = await addKey(dataDir, values['new-key'], values.scope, t);
    io.stderr(`autoinfrasnap: ${made.message}\n`);
    io.stdout(`${made.key}\n`);
    return ExitCode.Ok;
  }

  // A server samples all day: no TurboFan from here on, so its memory stays flat (core/os/all-day.ts).
  tuneForAllDay();
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
  // The fleet view: one event stream per remote host of `fleet.hosts`, started and stopped with the backend.
  const fleet = (settings: Parameters<typeof createFleetOps>[0]) =>
    createFleetOps(settings, { dataDir, log });
  const backend = createBackend(cfg, { ...parts, fleet }, reload);
  // Nobody watches until a browser opens the event stream: sample at the idle rate meanwhile.
  backend.setVisible(false);
  // A first admin key is shown on a terminal only; a service or container gets it in a 0600 file.
  const interactive = io.isTTY && Boolean(process.stderr.isTTY);
  const keys = values.auth === false ? null : await prepareKeys(dataDir, envKey, t, interactive);
  const audit = new AuditLog(join(dataDir, AUDIT_FILE), { onError: (e) => log(`audit log: ${e.message}`) });
  await backend.start();
  const server = await startServer({
    host,
    port,
    backend,
    auth: { enabled: keys !== null, ...(keys && { keys: keys.keys }), sessions: new Sessions() },
    staticDir: values['static-dir'] ? resolve(io.cwd, values['static-dir']) : defaultStaticDir(),
    t,
    extraHosts: [...(WILDCARD.has(host) ? machineNames() : []), ...allowHosts],
    log,
    ...(tls.files && { tls: { cert: tls.files.cert, key: tls.files.key } }),
    metricsPublic: values['metrics-public'] === true,
    audit,
  }).catch(async (e: unknown) => {
    await backend.stop();
    await audit.close();
    throw e;
  });
  const stopReload = reloadTlsOnHangup(server, tls.files, t, log);

  for (const line of [...(keys?.lines ?? []), ...tls.lines]) io.stderr(`autoinfrasnap: ${line}\n`);
  if (!keys) io.stderr(`autoinfrasnap: ${t.t('server.auth_off', { url: server.url })}\n`);
  if (!LOOPBACK.has(host) && !tls.files) io.stderr(`autoinfrasnap: ${t.t('server.plain_bind', { host })}\n`);
  if (values['metrics-public'])
    io.stderr(`autoinfrasnap: ${t.t('server.metrics_public', { url: server.url })}\n`);
  io.stdout(`${t.t('server.listening', { url: `${server.url}/` })}\n`);

  const signal = await stopSignal;
  io.stderr(`autoinfrasnap: ${t.t('server.stopping', { signal })}\n`);
  stopReload();
  await server.close();
  await backend.stop();
  await keys?.keys.flush();
  await audit.close();
  io.stderr(`autoinfrasnap: ${t.t('server.stopped')}\n`);
  return ExitCode.Ok;
}
