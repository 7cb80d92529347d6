import { readFile } from '../os/fs-async.js';
import { isAbsolute, resolve } from 'node:path';
import type { DeliveryTarget } from '../../../shared/settings/delivery.js';
import { userError } from '../messages.js';
import { DeliveryError, networkReason } from './transport.js';

type EmailTarget = Extract<DeliveryTarget, { kind: 'email' }>;

/** One email to send. */
export interface EmailRequest {
  target: EmailTarget;
  /** The resolved SMTP password, when the target has one. */
  password: string | undefined;
  subject: string;
  text: string;
  deliveryId: string;
  lang: string;
  timeoutMs: number;
  cwd: string;
}

/**
 * Sends one email with nodemailer, imported only here, so hosts without email targets never load
 * it. STARTTLS is required by default (`requireTLS`: a server that does not offer it fails the send
 * rather than receiving the password in clear); certificates are always verified, against `caFile`
 * when given, else the system's roots.
 */
export async function sendEmail(r: EmailRequest): Promise<void> {
  const t = r.target;
  let ca: string | undefined;
  if (t.caFile) {
    const path = isAbsolute(t.caFile) ? t.caFile : resolve(r.cwd, t.caFile);
    try {
      ca = await readFile(path, 'utf8');
    } catch (e) {
      throw userError('config', 'delivery.error.ca_file', {
        id: t.id,
        path,
        detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      });
    }
  }
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: t.host,
    port: t.port,
    secure: t.security === 'tls',
    requireTLS: t.security === 'starttls',
    ignoreTLS: t.security === 'none',
    auth: t.user ? { user: t.user, pass: r.password ?? '' } : undefined,
    tls: { ca, minVersion: 'TLSv1.2' },
    connectionTimeout: r.timeoutMs,
    greetingTimeout: r.timeoutMs,
    socketTimeout: r.timeoutMs,
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({
      from: t.from,
      to: t.to,
      subject: r.subject,
      text: r.text,
      headers: { 'X-AutoInfraSnap-Delivery': r.deliveryId, 'Content-Language': r.lang },
    });
  } catch (e) {
    const err = e as { responseCode?: number; code?: string; message?: string };
    // 5xx SMTP replies (bad recipient, auth refused) will not heal; 4xx and network problems may.
    const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500;
    // Refused credentials and a server without STARTTLS (ETLS) stay so until someone reconfigures.
    const auth = err.code === 'EAUTH' || err.code === 'ETLS';
    // nodemailer's text is the server's reply or the TLS error ("self-signed certificate…"), never
    // the credentials; one line of it says more than the code alone.
    const text = (err.message ?? '').split('\n')[0]!.slice(0, 200);
    const detail = text || (err.responseCode ? `SMTP ${err.responseCode}` : networkReason(e));
    const why = err.code ? `${err.code}: ${detail}` : detail;
    throw new DeliveryError(`${t.host}:${t.port}: ${why}`, !(permanent || auth), { cause: e });
  } finally {
    transport.close();
  }
}
