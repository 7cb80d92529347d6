import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ROUTES } from '../../shared/contract/api.js';
import type { Translator } from '../../shared/i18n/index.js';
import { VERSION } from '../core/version.js';
import { Access, clientAddress, commandScope, requireScope, sendUnauthorized } from './access.js';
import { API_PREFIX, findCommand, runCommand } from './api.js';
import type { AuditSink } from './audit.js';
import type { Auth } from './auth.js';
import type { Backend } from './backend.js';
import { HttpError, errorStatus, readBody, sendError, sendHtml, sendJson } from './http.js';
import { handleKeys } from './keys-routes.js';
import { METRICS_CONTENT_TYPE, MetricsExporter } from './metrics.js';
import type { RateLimitOptions } from './rate-limit.js';
import { REPORT_PREFIX, serveReport } from './report-view.js';
import { LOGIN_CSS, PAGES, loginPage, safeJoin, sendPage, sendStatic } from './pages.js';
import {
  COMMON_HEADERS,
  SESSION_COOKIE,
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
  /** Serve HTTPS with this certificate and key (PEM) instead of plain HTTP. */
  tls?: { cert: string; key: string };
  /** Answer GET /metrics without a key (Prometheus on a trusted network). */
  metricsPublic?: boolean;
  /** Where admin actions and failed sign-ins are recorded. */
  audit?: AuditSink;
  /** Failed-authentication limits per client address (default 10 a minute). */
  rateLimit?: RateLimitOptions;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  /** Replaces the TLS certificate and key for new connections (a renewed certificate); HTTPS only. */
  setTls(tls: { cert: string; key: string }): void;
  /** Ends every event stream and open connection and stops listening. */
  close(): Promise<void>;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Starts the HTTP + SSE server; resolves once it listens. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const hub = new EventHub(opts.backend, opts.heartbeatMs);
  let port = opts.port;
  const access = new Access(opts.auth, opts.audit ?? null, opts.rateLimit);
  const exporter = new MetricsExporter(opts.backend, {
    authFailures: () => access.authFailures,
    eventStreams: () => hub.size,
  });
  const secure = opts.tls !== undefined;

  const login = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const addr = clientAddress(req);
    access.checkLimit(addr);
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
    const who = opts.auth.enabled && typeof key === 'string' ? access.verify(key) : null;
    if (!who) {
      access.fail(addr, 'login_failed', `${API_PREFIX}/login`);
      if (form) res.writeHead(303, { ...COMMON_HEADERS, Location: '/login?failed=1' }).end();
      else sendJson(res, 401, { error: { code: 'unauthorized', message: 'that key is not valid' } });
      return;
    }
    const cookie = sessionCookie(opts.auth.sessions.create(who), opts.auth.sessions.maxAgeS, secure);
    access.record(req, who, 'login', 200);
    if (form) res.writeHead(303, { ...COMMON_HEADERS, Location: '/', 'Set-Cookie': cookie }).end();
    else sendJson(res, 200, { ok: true }, { 'Set-Cookie': cookie });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    if (!hostAllowed(req.headers.host, opts.host, port, opts.extraHosts))
      throw new HttpError(421, 'misdirected_request', 'this server does not answer to that Host name');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    // Who the request is, looked up once and only by routes that need it (health and login do not).
    let ident: ReturnType<Access['identify']> | undefined;
    const identify = (): ReturnType<Access['identify']> => (ident ??= access.identify(req));
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
      const viaSession = origin === undefined && opts.auth.enabled && identify().who?.via === 'session';
      if (badOrigin || crossSite || viaSession)
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
    if (path === '/metrics' && (method === 'GET' || method === 'HEAD')) {
      if (!opts.metricsPublic) {
        const { who, bad } = identify();
        if (!who) return sendUnauthorized(res, bad);
        requireScope(who, 'read');
      }
      const text = exporter.text();
      if (text === null)
        throw new HttpError(503, 'no_sample_yet', 'no sample yet; retry after the first interval');
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': METRICS_CONTENT_TYPE,
        'Content-Length': Buffer.byteLength(text),
      });
      return void res.end(method === 'HEAD' ? undefined : text);
    }
    const page = PAGES[path];
    if (page !== undefined && (method === 'GET' || method === 'HEAD')) {
      if (!identify().who) return void res.writeHead(302, { ...COMMON_HEADERS, Location: '/login' }).end();
      return sendPage(res, opts.staticDir, page, opts.t, method === 'HEAD');
    }
    if (path.startsWith(REPORT_PREFIX)) {
      const { who, bad } = identify();
      if (!who) return sendUnauthorized(res, bad);
      requireScope(who, 'read');
      return serveReport(res, method, url, opts.backend);
    }
    if (!path.startsWith(`${API_PREFIX}/`))
      throw new HttpError(404, 'not_found', `no route ${method} ${path}`);
    const { who, bad } = identify();
    if (!who) return sendUnauthorized(res, bad);
    if (path === `${API_PREFIX}/logout` && method === 'POST') {
      opts.auth.sessions.revoke(parseCookies(req.headers.cookie).get(SESSION_COOKIE));
      return sendJson(res, 200, { ok: true }, { 'Set-Cookie': sessionCookie('', 0, secure) });
    }
    if (path === `${API_PREFIX}/events` && method === 'GET') {
      requireScope(who, 'read');
      return hub.open(res, { passive: url.searchParams.get('passive') === '1' });
    }
    if (path === `${API_PREFIX}/keys` || path.startsWith(`${API_PREFIX}/keys/`))
      return handleKeys(req, res, path.slice(`${API_PREFIX}/keys`.length), who, access);
    // What the caller may do, so a UI can hide what a read key cannot change.
    if (path === `${API_PREFIX}/whoami` && method === 'GET')
      return sendJson(res, 200, { key: who.id, name: who.name, scope: who.scope, via: who.via });
    const command = findCommand(method, path);
    // Every command that changes state is audit-logged with its outcome, refusals included.
    const changing = ROUTES[command].method !== 'GET';
    let body: unknown;
    try {
      requireScope(who, commandScope(command));
      body = await runCommand(command, req, url, opts.backend);
    } catch (e) {
      if (changing) access.record(req, who, command, errorStatus(e));
      throw e;
    }
    if (changing) access.record(req, who, command, 200);
    sendJson(res, 200, body ?? null);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((e: unknown) => sendError(res, e, opts.log));
  };
  const server: Server | HttpsServer = opts.tls
    ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, onRequest)
    : createServer(onRequest);
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
    url: `${secure ? 'https' : 'http'}://${shown}:${port}`,
    port,
    setTls(tls) {
      if (!('setSecureContext' in server)) throw new Error('setTls: this server is plain HTTP');
      server.setSecureContext({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        exporter.close();
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
