// The wire to one remote `serve`: its event stream and JSON calls over node:http or node:https, with a
// Bearer key and, for HTTPS, only the CA the user gave (or the system roots when none): verification is
// never turned off. Errors become a FleetProblem whose text never carries the key.
import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { FleetProblem } from '../../../shared/contract/fleet.js';
import { caTlsOptions } from '../tls/agent.js';
import { SseParser, type SseMessage } from './sse-parse.js';

/** Where and how to reach one host. */
export interface FleetTarget {
  base: URL;
  key: string;
  /** PEM certificates to trust for HTTPS; null = the system's roots. */
  ca: string[] | null;
}

/** A failed call or stream, with the problem to show and the HTTP status when there was one. */
export class FleetFailure extends Error {
  constructor(
    readonly problem: FleetProblem,
    readonly status?: number,
    readonly remoteCode?: string,
  ) {
    super(problem.message);
  }
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|ALTNAME|HOSTNAME_MISMATCH|EPROTO/;

/** What an error of node:http(s) means for the user: a TLS failure, a timeout, or the network. */
export function classifyError(e: unknown): FleetProblem {
  if (e instanceof FleetFailure) return e.problem;
  const err = e as NodeJS.ErrnoException & { reason?: string };
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = (err instanceof Error ? err.message : String(e)).split('\n')[0]!;
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(message))
    return { code: 'tls', message: code ? `${code}: ${message}` : message };
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return { code: 'timeout', message };
  return { code: 'network', message };
}

/** The problem an HTTP error status means (401/403: the key; else the server's own message). */
function statusProblem(status: number, message: string | undefined): FleetProblem {
  const text = message ? `HTTP ${status}: ${message}` : `HTTP ${status}`;
  return { code: status === 401 || status === 403 ? 'auth' : 'http', message: text };
}

/** A keep-alive agent for a host's calls; HTTPS agents trust exactly `ca` (or the system roots). */
export function createAgent(target: FleetTarget): HttpAgent {
  const opts = { keepAlive: true, maxSockets: 4, timeout: 30_000 };
  if (target.base.protocol !== 'https:') return new HttpAgent(opts);
  return new HttpsAgent(
    target.ca ? { ...opts, ...caTlsOptions(target.ca) } : { ...opts, rejectUnauthorized: true },
  );
}

function send(
  target: FleetTarget,
  agent: HttpAgent | false,
  method: string,
  path: string,
  headers: Record<string, string>,
): ClientRequest {
  const url = new URL(target.base.pathname.replace(/\/+$/, '') + path, target.base);
  const options = {
    method,
    headers: { ...headers, authorization: `Bearer ${target.key}` },
    ...(agent ? { agent } : {}),
  };
  if (url.protocol === 'https:') {
    // A stream has its own socket (agent false): give it the same trust as the agent.
    const tls = agent ? {} : target.ca ? caTlsOptions(target.ca) : { rejectUnauthorized: true };
    return httpsRequest(url, { ...options, ...tls });
  }
  return httpRequest(url, options);
}

async function readText(res: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      res.destroy();
      throw new FleetFailure({ code: 'protocol', message: `response larger than ${limit} bytes` });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function errorMessage(text: string): { code?: string; message?: string } {
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return {
      ...(typeof e?.code === 'string' && { code: e.code }),
      ...(typeof e?.message === 'string' && { message: e.message.slice(0, 300) }),
    };
  } catch {
    return {};
  }
}

/** Largest JSON response a forwarded call may return (a full snapshot or an HTML report fits). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** One JSON call; resolves with the parsed body on 2xx, rejects with a FleetFailure otherwise. */
export function requestJson(
  target: FleetTarget,
  agent: HttpAgent,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  timeoutMs = 15_000,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = send(target, agent, method, path, { accept: 'application/json' });
    req.setTimeout(timeoutMs, () =>
      req.destroy(new FleetFailure({ code: 'timeout', message: `no answer within ${timeoutMs} ms` })),
    );
    req.on('error', (e) => reject(e instanceof FleetFailure ? e : new FleetFailure(classifyError(e))));
    req.on('response', (res) => {
      readText(res, MAX_RESPONSE_BYTES).then((text) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299) {
          const err = errorMessage(text);
          reject(new FleetFailure(statusProblem(status, err.message), status, err.code));
          return;
        }
        try {
          resolve(JSON.parse(text) as unknown);
        } catch {
          reject(new FleetFailure({ code: 'protocol', message: 'the response is not JSON' }, status));
        }
      }, reject);
    });
    req.end();
  });
}

/** What a stream reports. */
export interface StreamHandlers {
  onOpen(): void;
  /** Any bytes at all (heartbeat comments included): the stream is alive. */
  onActivity(): void;
  onMessage(m: SseMessage): void;
  /** Called once, when the stream fails or ends. */
  onEnd(problem: FleetProblem): void;
}

/** An open (or opening) event stream. */
export interface StreamHandle {
  close(): void;
}

/**
 * Opens `GET /api/v1/events`. Until the response arrives the socket may stay quiet `connectTimeoutMs`;
 * after that the caller watches liveness (the server's heartbeats) and closes a silent stream.
 */
export function openStream(
  target: FleetTarget,
  handlers: StreamHandlers,
  connectTimeoutMs = 10_000,
): StreamHandle {
  let ended = false;
  const end = (p: FleetProblem): void => {
    if (ended) return;
    ended = true;
    handlers.onEnd(p);
  };
  // `passive=1`: a fleet watcher is not someone looking at the host, so the host may keep sampling at
  // its idle rate (a server that does not know the parameter ignores it; see docs/fleet.md).
  const req = send(target, false, 'GET', '/api/v1/events?passive=1', { accept: 'text/event-stream' });
  req.setTimeout(connectTimeoutMs, () =>
    req.destroy(new FleetFailure({ code: 'timeout', message: `no answer within ${connectTimeoutMs} ms` })),
  );
  req.on('error', (e) => end(classifyError(e)));
  req.on('response', (res) => {
    const status = res.statusCode ?? 0;
    const type = String(res.headers['content-type'] ?? '');
    if (status !== 200 || !type.startsWith('text/event-stream')) {
      readText(res, 64 * 1024).then(
        (text) =>
          end(
            status === 200
              ? { code: 'protocol', message: `not an event stream (${type || 'no content type'})` }
              : statusProblem(status, errorMessage(text).message),
          ),
        (e: unknown) => end(classifyError(e)),
      );
      return;
    }
    req.setTimeout(0);
    const parser = new SseParser();
    res.setEncoding('utf8');
    handlers.onOpen();
    res.on('data', (chunk: string) => {
      if (ended) return;
      handlers.onActivity();
      let messages: SseMessage[];
      try {
        messages = parser.feed(chunk);
      } catch (e) {
        end({ code: 'protocol', message: (e as Error).message });
        req.destroy();
        return;
      }
      for (const m of messages) if (!ended) handlers.onMessage(m);
    });
    res.on('end', () => end({ code: 'network', message: 'the host closed its event stream' }));
    res.on('error', (e) => end(classifyError(e)));
    res.on('close', () => end({ code: 'network', message: 'the host closed its event stream' }));
  });
  req.end();
  return {
    close() {
      ended = true;
      req.destroy();
    },
  };
}
