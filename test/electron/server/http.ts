import { request as httpRequest, type Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What one request got back. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: () => unknown;
}

/**
 * One HTTP(S) request with full control over the headers (Host included); the body is sent as given.
 * HTTPS needs an `agent` that trusts the server's CA (electron/core/tls/agent.ts).
 */
export function http(
  base: string,
  method: string,
  path: string,
  opts: {
    headers?: Record<string, string>;
    body?: string | Buffer;
    agent?: HttpAgent;
    localAddress?: string;
  } = {},
): Promise<Reply> {
  const url = new URL(path, base);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ...(opts.agent && { agent: opts.agent }),
        ...(opts.localAddress && { localAddress: opts.localAddress }),
        headers: {
          ...opts.headers,
          ...(opts.body !== undefined ? { 'content-length': Buffer.byteLength(opts.body) } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body) as unknown,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Bearer auth headers for `key`. */
export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

/**
 * Opens an SSE stream and collects frames until `until` says stop or `ms` pass; returns the events.
 */
export function readEvents(
  base: string,
  headers: Record<string, string>,
  until: (events: { event: string; data: unknown }[], raw: string) => boolean,
  ms = 8000,
  agent?: HttpAgent,
): Promise<{ events: { event: string; data: unknown }[]; raw: string; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const events: { event: string; data: unknown }[] = [];
    let raw = '';
    let done = false;
    const finish = (ended: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ events, raw, ended });
    };
    const timer = setTimeout(() => finish(false), ms);
    const url = new URL('/api/v1/events', base);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, { headers, ...(agent && { agent }) }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        raw += d;
        const frames = raw.split('\n\n');
        events.length = 0;
        for (const f of frames.slice(0, -1)) {
          const ev = /^event: (.+)$/m.exec(f)?.[1];
          const data = /^data: (.+)$/m.exec(f)?.[1];
          if (ev && data) events.push({ event: ev, data: JSON.parse(data) as unknown });
        }
        if (until(events, raw)) finish(false);
      });
      res.on('end', () => finish(true));
    });
    req.on('error', (e) => (done ? undefined : reject(e)));
    req.end();
  });
}
