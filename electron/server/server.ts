import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Translator } from '../../shared/i18n/index.js';
import { VERSION } from '../core/version.js';
import { API_PREFIX, findCommand, runCommand } from './api.js';
import { checkKey, type Auth } from './auth.js';
import type { Backend } from './backend.js';
import { HttpError, readBody, sendError, sendHtml, sendJson } from './http.js';
import { LOGIN_CSS, PAGES, loginPage, safeJoin, sendPage, sendStatic } from './pages.js';
import {
  COMMON_HEADERS,
  SESSION_COOKIE,
  bearerToken,
  hostAllowed,
  originAllowed,
  parseCookies,
  sessionCookie,
} from './security.js';
import { EventHub } from './sse.js';

/** What a server is started with. */
export interface ServerOptions {
  host: string;
  port: number;
  backend: Backend;
  auth: Auth;
  /** The built renderer (out/renderer). */
  staticDir: string;
  t: Translator;
  /** Other names the Host header may carry (wildcard binds: the machine's names and addresses). */
  extraHosts?: readonly string[];
  log: (line: string) => void;
  heartbeatMs?: number;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  /** Ends every event stream and open connection and stops listening. */
  close(): Promise<void>;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Starts the HTTP + SSE server; resolves once it listens. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const hub = new EventHub(opts.backend, opts.heartbeatMs);
  let port = opts.port;
  const failures: number[] = [];

  const authed = (req: IncomingMessage): 'bearer' | 'session' | null => {
    if (!opts.auth.enabled) return 'session';
    const token = bearerToken(req.headers.authorization);
    if (token !== undefined) return checkKey(opts.auth, token) ? 'bearer' : null;
    const sid = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    return opts.auth.sessions.valid(sid) ? 'session' : null;
  };

  const login = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const now = Date.now();
    while (failures.length && failures[0]! < now - 60_000) failures.shift();
    if (failures.length >= 20)
      throw new HttpError(429, 'too_many_attempts', 'too many failed logins; wait a minute');
    const text = await readBody(req, 16 * 1024);
    const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    let key: unknown;
    if (form) key = new URLSearchParams(text).get('key') ?? undefined;
    else {
      try {
        key = (JSON.parse(text || '{}') as { key?: unknown }).key;
      } catch {
        throw new HttpError(400, 'bad_json', 'the body is not valid JSON', 'key');
      }
      if (typeof key !== 'string' || key === '')
        throw new HttpError(400, 'bad_request', 'key: expected a string', 'key');
    }
    if (typeof key !== 'string' || !checkKey(opts.auth, key)) {
      failures.push(now);
      if (form) res.writeHead(303, { ...COMMON_HEADERS, Location: '/login?failed=1' }).end();
      else sendJson(res, 401, { error: { code: 'unauthorized', message: 'that key is not valid' } });
      return;
    }
    const cookie = sessionCookie(opts.auth.sessions.create(), opts.auth.sessions.maxAgeS);
    if (form) res.writeHead(303, { ...COMMON_HEADERS, Location: '/', 'Set-Cookie': cookie }).end();
    else sendJson(res, 200, { ok: true }, { 'Set-Cookie': cookie });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    if (!hostAllowed(req.headers.host, opts.host, port, opts.extraHosts))
      throw new HttpError(421, 'misdirected_request', 'this server does not answer to that Host name');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const who = authed(req);
    if (STATE_CHANGING.has(method)) {
      const origin = req.headers.origin;
      const crossSite = req.headers['sec-fetch-site'] === 'cross-site';
      // A form posted from a page whose referrer policy hides the origin arrives with `Origin: null`;
      // the browser's own Sec-Fetch-Site then says whether it came from this origin.
      const sameSite = req.headers['sec-fetch-site'] === 'same-origin';
      const badOrigin =
        origin !== undefined &&
        !(origin === 'null' && sameSite) &&
        !originAllowed(origin, opts.host, port, opts.extraHosts);
      if (badOrigin || crossSite || (origin === undefined && who === 'session' && opts.auth.enabled))
        throw new HttpError(403, 'forbidden_origin', 'cross-origin request refused');
    }
    if (path === `${API_PREFIX}/health` && (method === 'GET' || method === 'HEAD'))
      return sendJson(res, 200, { status: 'ok', version: VERSION });
    if (path === `${API_PREFIX}/login` && method === 'POST') return login(req, res);
    if (path === '/login' && method === 'GET')
      return sendHtml(res, 200, loginPage(opts.t, url.searchParams.has('failed')));
    if (path === '/login.css' && method === 'GET')
      return void res
        .writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/css; charset=utf-8' })
        .end(LOGIN_CSS);
    if (path.startsWith('/assets/') && (method === 'GET' || method === 'HEAD')) {
      const file = safeJoin(opts.staticDir, path);
      if (file && (await sendStatic(res, file, method === 'HEAD'))) return;
      throw new HttpError(404, 'not_found', `no file ${path}`);
    }
    const page = PAGES[path];
    if (page !== undefined && (method === 'GET' || method === 'HEAD')) {
      if (!who) return void res.writeHead(302, { ...COMMON_HEADERS, Location: '/login' }).end();
      return sendPage(res, opts.staticDir, page, opts.t, method === 'HEAD');
    }
    if (!path.startsWith(`${API_PREFIX}/`))
      throw new HttpError(404, 'not_found', `no route ${method} ${path}`);
    if (!who)
      return sendJson(
        res,
        401,
        { error: { code: 'unauthorized', message: 'sign in or send Authorization: Bearer KEY' } },
        { 'WWW-Authenticate': 'Bearer' },
      );
    if (path === `${API_PREFIX}/logout` && method === 'POST') {
      opts.auth.sessions.revoke(parseCookies(req.headers.cookie).get(SESSION_COOKIE));
      return sendJson(res, 200, { ok: true }, { 'Set-Cookie': sessionCookie('', 0) });
    }
    if (path === `${API_PREFIX}/events` && method === 'GET') return hub.open(res);
    const command = findCommand(method, path);
    const body = await runCommand(command, req, url, opts.backend);
    sendJson(res, 200, body ?? null);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => sendError(res, e, opts.log));
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
