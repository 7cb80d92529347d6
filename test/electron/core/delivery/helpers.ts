// Real parts for the delivery tests: HTTP receivers and an SMTP server on loopback, a throwaway CA,
// and a scheduler the test advances by hand so backoff waits take no wall time.
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { Scheduler } from '../../../../electron/core/delivery/backoff.js';
import { initTls } from '../../../../electron/core/tls/ca.js';
import type { Alert, AlertEvent } from '../../../../shared/contract/alerts.js';

/** One request a receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  json: Record<string, unknown>;
}

/** A webhook receiver on 127.0.0.1 that records every POST and answers with scripted statuses. */
export class Receiver {
  readonly got: Received[] = [];
  private server: Server | null = null;
  private waiters: Array<{ n: number; done: () => void }> = [];
  /** Statuses to answer with, in order; 200 once they run out. */
  statuses: number[] = [];
  url = '';
  port = 0;

  /** Listens on `port` (0 = any free one). */
  async start(port = 0, path = '/hook/T000/SECRETPATH'): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.got.push({ headers: req.headers, raw, json: JSON.parse(raw) as Record<string, unknown> });
        res.writeHead(this.statuses.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok');
        this.waiters = this.waiters.filter((w) => (this.got.length >= w.n ? (w.done(), false) : true));
      });
    });
    await new Promise<void>((ok, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(port, '127.0.0.1', ok);
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}${path}`;
    return this;
  }

  /** Resolves once `n` requests have arrived. */
  received(n: number): Promise<void> {
    if (this.got.length >= n) return Promise.resolve();
    return new Promise((done) => this.waiters.push({ n, done }));
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
  }
}

/** A free loopback port, closed again (for "connection refused"). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** HMAC check written out here rather than imported, so the test does not grade the code by itself. */
export function signatureValid(secret: string, header: string | undefined, raw: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  return createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest('hex') === m[2];
}

/** Timers that fire only when the test says so. */
export class ManualScheduler implements Scheduler {
  t = Date.UTC(2026, 10, 26, 12, 0, 0);
  private seq = 0;
  readonly timers = new Map<number, { at: number; fn: () => void; ms: number }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn, ms });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  /** Jumps to the earliest timer and runs it; returns the wait it asked for, or null when none. */
  fireNext(): number | null {
    const first = [...this.timers].sort((a, b) => a[1].at - b[1].at)[0];
    if (!first) return null;
    this.timers.delete(first[0]);
    this.t = Math.max(this.t, first[1].at);
    first[1].fn();
    return first[1].ms;
  }
}

/** An alert event as the engine emits it. */
export function firingEvent(over: Partial<Alert> = {}): AlertEvent {
  const alert: Alert = {
    rule_id: 'cpu-high',
    subject: 'cpu',
    state: 'firing',
    severity: 'critical',
    value: 97,
    since: Date.UTC(2026, 10, 26, 11, 58),
    fired_at: Date.UTC(2026, 10, 26, 11, 58),
    resolved_at: null,
    message_key: 'alerts.metric.cpu.minutes',
    message_params: { value: 97, minutes: 2 },
    ...over,
  };
  return { alert, previous: 'pending', notify: true };
}

/** A throwaway CA and a server certificate for 127.0.0.1 and localhost, made by `tls init`'s own code. */
export async function makeCertificates(): Promise<{ caPem: string; certPem: string; keyPem: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ais-delivery-ca-'));
  try {
    const made = await initTls({ dir, names: ['localhost', '127.0.0.1'], days: 2, force: false });
    const read = (f: string) => readFile(f, 'utf8');
    return {
      caPem: await read(made.caCert),
      certPem: await read(made.serverCert),
      keyPem: await read(made.serverKey),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One mail the SMTP server accepted, decoded enough to read subject and body. */
export interface Mail {
  from: string;
  to: string[];
  user: string | undefined;
  secure: boolean;
  subject: string;
  text: string;
  headers: string;
}

function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function decodeBody(headers: string, body: string): string {
  const enc = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Parses a single-part message as nodemailer writes a text-only mail. */
export function parseMail(raw: string): { subject: string; text: string; headers: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const subject = decodeWords(/^subject:\s*(.*)$/im.exec(headers)?.[1] ?? '');
  return { subject, text: decodeBody(headers, body).replace(/\r\n/g, '\n'), headers };
}

/** An SMTP server on 127.0.0.1 with STARTTLS (unless `noStartTls`) and one user. */
export class Smtp {
  readonly mails: Mail[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  private waiters: Array<{ n: number; done: () => void }> = [];

  constructor(
    private readonly tls: { certPem: string; keyPem: string },
    private readonly opts: { user: string; pass: string; noStartTls?: boolean },
  ) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      key: this.tls.keyPem,
      cert: this.tls.certPem,
      disabledCommands: this.opts.noStartTls ? ['STARTTLS'] : [],
      authMethods: ['PLAIN', 'LOGIN'],
      // Like a real submission server: no AUTH before TLS.
      allowInsecureAuth: false,
      logger: false,
      onAuth: (auth, _session, cb) => {
        if (auth.username === this.opts.user && auth.password === this.opts.pass)
          cb(null, { user: auth.username });
        else cb(new Error('Invalid username or password'));
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
          this.mails.push({
            ...parsed,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            secure: session.secure,
          });
          cb();
          this.waiters = this.waiters.filter((w) => (this.mails.length >= w.n ? (w.done(), false) : true));
        });
      },
    });
    await new Promise<void>((ok, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(0, '127.0.0.1', () => ok());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Resolves once `n` mails have arrived. */
  received(n: number): Promise<void> {
    if (this.mails.length >= n) return Promise.resolve();
    return new Promise((done) => this.waiters.push({ n, done }));
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((ok) => s.close(() => ok()));
  }
}
