import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile, stat } from '../os/fs-async.js';
import { createSecureContext } from 'node:tls';
import { userError } from '../messages.js';

/** A server certificate and its private key, checked to belong together. */
export interface ServerTlsFiles {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
  /** When the certificate stops being valid. */
  notAfter: Date;
  /** The names (DNS and IP subject alternative names) the certificate is valid for. */
  names: string[];
  /** True when the key file can be read by the group or others (POSIX): the caller warns. */
  keyExposed: boolean;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw userError('usage', 'server.tls.unreadable', { file, code }, e);
  }
}

/** The DNS names and IP addresses of a certificate's subjectAltName. */
export function certNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(/,\s*/)
    .map((s) => /^(?:DNS|IP Address):(.+)$/.exec(s.trim())?.[1])
    .filter((s): s is string => s !== undefined);
}

/**
 * Reads and checks `serve --tls-cert/--tls-key`: both readable, a PEM certificate and a PEM private
 * key (not encrypted), the key matching the certificate, the certificate not expired. Each problem is
 * a one-line UserError naming the file and the fix.
 */
export async function loadServerTls(
  certFile: string,
  keyFile: string,
  now = new Date(),
): Promise<ServerTlsFiles> {
  const [cert, key] = await Promise.all([readText(certFile), readText(keyFile)]);
  let x509: X509Certificate;
  try {
    if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no BEGIN CERTIFICATE block');
    x509 = new X509Certificate(cert);
  } catch (e) {
    throw userError('usage', 'server.tls.cert_bad', { file: certFile, detail: (e as Error).message }, e);
  }
  let privateKey: KeyObject;
  try {
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw new Error('no BEGIN PRIVATE KEY block');
    privateKey = createPrivateKey({ key, format: 'pem' });
  } catch (e) {
    const detail = /passphrase|encrypted/i.test((e as Error).message)
      ? 'the key is encrypted; give an unencrypted key file (mode 0600)'
      : (e as Error).message;
    throw userError('usage', 'server.tls.key_bad', { file: keyFile, detail }, e);
  }
  if (!x509.checkPrivateKey(privateKey))
    throw userError('usage', 'server.tls.mismatch', { cert: certFile, key: keyFile });
  const notAfter = new Date(x509.validTo);
  if (notAfter.getTime() <= now.getTime())
    throw userError('usage', 'server.tls.expired', { file: certFile, date: notAfter.toISOString() });
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    throw userError('usage', 'server.tls.cert_bad', { file: certFile, detail: (e as Error).message }, e);
  }
  let keyExposed = false;
  if (process.platform !== 'win32') keyExposed = ((await stat(keyFile)).mode & 0o077) !== 0;
  return { cert, key, certFile, keyFile, notAfter, names: certNames(x509), keyExposed };
}
