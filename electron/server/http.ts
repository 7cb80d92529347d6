import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { isUserError } from '../core/errors.js';
import { COMMON_HEADERS, HTML_CSP } from './security.js';

/** Largest request body accepted (1 MiB); more is a 413. */
export const BODY_LIMIT = 1024 * 1024;

/** An error with an HTTP status and a stable code, sent as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Extra response headers (Retry-After of a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const KIND_STATUS: Record<string, [number, string]> = {
  usage: [400, 'bad_request'],
  config: [400, 'bad_setting'],
  not_found: [404, 'not_found'],
  corrupt: [422, 'corrupt'],
  io: [500, 'io'],
};

/** Sends a JSON body with the common security headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Sends an HTML page with the strict CSP. */
export function sendHtml(res: ServerResponse, status: number, html: string, headers = {}): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Security-Policy': HTML_CSP,
    'X-Frame-Options': 'DENY',
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    ...headers,
  });
  res.end(html);
}

/** The status an error is answered with (for the audit log). */
export function errorStatus(e: unknown): number {
  if (e instanceof HttpError) return e.status;
  if (isUserError(e)) return (KIND_STATUS[e.kind] ?? [400])[0];
  return 500;
}

/** Maps any error to a JSON error response: HttpError and UserError as 4xx, the rest a bare 500. */
export function sendError(res: ServerResponse, e: unknown, log: (line: string) => void): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof HttpError) {
    const error: Record<string, string> = { code: e.code, message: e.message };
    if (e.field !== undefined) error.field = e.field;
    sendJson(res, e.status, { error }, e.headers);
    return;
  }
  if (isUserError(e)) {
    const [status, code] = KIND_STATUS[e.kind] ?? [400, 'bad_request'];
    sendJson(res, status, { error: { code, message: e.message.split('\n')[0] } });
    return;
  }
  log(`internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  sendJson(res, 500, { error: { code: 'internal', message: 'internal server error' } });
}

/** Reads a request body up to BODY_LIMIT bytes; a larger one is a 413 (checked before and while reading). */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new HttpError(413, 'payload_too_large', `request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'payload_too_large', `request body over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body (an empty body is `{}`); only application/json is accepted. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, 'bad_json', `the body is not valid JSON: ${(e as Error).message}`);
  }
}

/** Validates `input` with `schema`; the first issue becomes a 400 naming the field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(body)';
  throw new HttpError(400, 'bad_request', `${field}: ${issue.message}`, field);
}
