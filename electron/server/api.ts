import type { IncomingMessage } from 'node:http';
import { COMMANDS, ROUTES, type CommandName, type CommandResponse } from '../../shared/contract/api.js';
import { FleetCallError } from '../core/fleet/monitor.js';
import type { Backend } from './backend.js';
import { HttpError, readJsonBody, validate } from './http.js';

/** Prefix of every API route. */
export const API_PREFIX = '/api/v1';

/** One command's implementation over a Backend. */
export type Handler<C extends CommandName> = (
  backend: Backend,
  request: (typeof COMMANDS)[C]['request']['_zod']['output'],
) => Promise<CommandResponse<C>> | CommandResponse<C>;

/** Every command over a Backend; the tray app's IPC runs the same table (electron/main/app.ts). */
export const HANDLERS: { [C in CommandName]: Handler<C> } = {
  'metrics:latest': (b) => b.latest(),
  'metrics:history': (b, r) => b.history(r.range),
  'snapshot:take': (b) => b.snapshots.take(),
  'snapshot:list': (b) => b.snapshots.list(),
  'snapshot:get': (b, r) => b.snapshots.get(r.ref),
  'snapshot:diff': (b, r) => b.snapshots.diff(r.a, r.b),
  'snapshot:export': (b, r) => b.snapshots.export(r.ref, r.format, r.lang),
  // Save dialogs and the system clipboard exist only in the tray app; browsers use snapshot:export.
  'snapshot:save': () => desktopOnly('snapshot:save'),
  'snapshot:copy': () => desktopOnly('snapshot:copy'),
  'alerts:list': (b) => b.alerts(),
  'alerts:rules:set': (b, r) => b.setRules(r.rules),
  'delivery:status': (b) => b.delivery.status(),
  'delivery:test': (b, r) => b.delivery.test(r.target, r.lang),
  'settings:get': (b) => b.settings.get(),
  'settings:set': (b, r) => b.settings.set(r.settings),
  'status:get': (b) => b.status(),
  'snapshot:share': (b, r) => b.s3.share(r.ref, r.expires, r.lang),
  's3:test': (b) => b.s3.test(),
  'uploads:list': (b) => b.s3.uploads(),
  's3:credentials:get': (b) => b.s3.credentialsStatus(),
  's3:credentials:set': (b, r) => b.s3.setCredentials(r.keys),
  'fleet:list': (b) => fleetOf(b).list(),
  'fleet:hosts:set': (b, r) => fleetOf(b).setHosts(r.hosts),
  'fleet:call': (b, r) =>
    fleetOf(b)
      .call(r.host, r.command, r.request)
      .catch((e: unknown) => {
        throw e instanceof FleetCallError ? new HttpError(e.status, e.code, e.message) : e;
      }),
};

/** The answer to a desktop-only command over HTTP: a 400 naming the command to use instead. */
function desktopOnly(command: string): never {
  throw new HttpError(
    400,
    'desktop_only',
    `${command} runs only in the tray app; over HTTP, GET ${API_PREFIX}/snapshots/export returns the content`,
  );
}

/** The backend's fleet part; a server without one answers the fleet routes with a 404. */
function fleetOf(b: Backend): NonNullable<Backend['fleet']> {
  if (!b.fleet) throw new HttpError(404, 'not_found', 'this server has no fleet view');
  return b.fleet;
}

/** The command a method and path (under /api/v1) name, or why none does (404 or 405). */
export function findCommand(method: string, path: string): CommandName {
  let pathMatched = false;
  for (const [name, route] of Object.entries(ROUTES) as [CommandName, (typeof ROUTES)[CommandName]][]) {
    if (API_PREFIX + route.path !== path) continue;
    pathMatched = true;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return name;
  }
  if (pathMatched) throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}`);
  throw new HttpError(404, 'not_found', `no route ${method} ${path}`);
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out)) out[k] = v;
  return out;
}

/** Runs one contract command from an HTTP request: query (GET) or JSON body, validated, then dispatched. */
export async function runCommand(
  name: CommandName,
  req: IncomingMessage,
  url: URL,
  backend: Backend,
): Promise<unknown> {
  const input = ROUTES[name].method === 'GET' ? queryObject(url) : await readJsonBody(req);
  const request = validate(COMMANDS[name].request, input);
  const handler = HANDLERS[name] as Handler<CommandName>;
  return handler(backend, request as never);
}
