import { randomBytes, webcrypto } from 'node:crypto';
import { chmod, readFile, stat } from '../os/fs-async.js';
import { isIP } from 'node:net';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { userError } from '../messages.js';
import { writeSecretFile } from '../store/atomic.js';

/** The files `autoinfrasnap tls init` writes into its folder. */
export const TLS_FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
} as const;

/** What `tls init` made. */
export interface TlsInitResult {
  dir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  names: string[];
  /** True when an existing CA of the folder signed the new server certificate. */
  reusedCa: boolean;
  notAfter: Date;
}

/** Options of `tls init`. */
export interface TlsInitOptions {
  dir: string;
  /** DNS names and IP addresses the server certificate is valid for (the first is its CN). */
  names: string[];
  /** Validity of the server certificate in days (the CA gets ten years). */
  days: number;
  /** Replace an existing server certificate (the CA is kept and reused). */
  force: boolean;
  now?: Date;
}

// ECDSA P-256: small keys, fast handshakes, accepted by every TLS client we care about (browsers,
// Node, Go's Prometheus).
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DNS_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** Checks each name: an IP address or a DNS name (a leading `*.` allowed); a bad one is a UserError. */
export function checkNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim().replace(/^\[|\]$/g, '');
    if (!(isIP(name) || (name.length <= 253 && DNS_NAME.test(name))))
      throw userError('usage', 'server.tls.bad_name', { name: raw });
    if (!out.includes(name.toLowerCase())) out.push(isIP(name) ? name : name.toLowerCase());
  }
  return out;
}

function serial(): string {
  const b = randomBytes(16);
  b[0] = b[0]! & 0x7f; // a positive INTEGER
  return b.toString('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function keyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function loadCa(dir: string): Promise<{ cert: x509.X509Certificate; key: webcrypto.CryptoKey } | null> {
  const certPath = join(dir, TLS_FILES.caCert);
  const keyPath = join(dir, TLS_FILES.caKey);
  if (!(await exists(certPath)) || !(await exists(keyPath))) return null;
  try {
    const cert = new x509.X509Certificate(await readFile(certPath, 'utf8'));
    const der = x509.PemConverter.decodeFirst(await readFile(keyPath, 'utf8'));
    const key = await webcrypto.subtle.importKey('pkcs8', der, ALG, false, ['sign']);
    return { cert, key };
  } catch (e) {
    throw userError('usage', 'server.tls.ca_reuse', { dir, detail: (e as Error).message }, e);
  }
}

async function newCa(
  now: Date,
  label: string,
): Promise<{ cert: x509.X509Certificate; keys: webcrypto.CryptoKeyPair }> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=AutoInfraSnap local CA (${label}), O=AutoInfraSnap`,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter: new Date(now.getTime() + 3650 * 86_400_000),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys };
}

/**
 * Creates (or reuses) a local CA in `dir` and issues a server certificate for `names`, signed by it.
 * Private keys are written 0600, certificates 0644, each atomically; the folder is 0700. An existing
 * server certificate is replaced only with `force`.
 */
export async function initTls(opts: TlsInitOptions): Promise<TlsInitResult> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const now = opts.now ?? new Date();
  const names = checkNames(opts.names);
  if (names.length === 0) throw userError('usage', 'server.tls.bad_name', { name: '' });
  const path = (f: keyof typeof TLS_FILES): string => join(opts.dir, TLS_FILES[f]);
  if (!opts.force && ((await exists(path('serverCert'))) || (await exists(path('serverKey')))))
    throw userError('usage', 'server.tls.exists', { file: path('serverCert') });

  const loaded = await loadCa(opts.dir);
  let caCert: x509.X509Certificate;
  let caKey: webcrypto.CryptoKey;
  if (loaded) {
    ({ cert: caCert, key: caKey } = loaded);
  } else {
    const made = await newCa(now, names.find((n) => !isIP(n) && n !== 'localhost') ?? names[0]!);
    caCert = made.cert;
    caKey = made.keys.privateKey;
    await writeSecretFile(path('caKey'), await keyPem(made.keys.privateKey));
    await writeSecretFile(path('caCert'), caCert.toString('pem') + '\n');
    await chmod(path('caCert'), 0o644);
  }

  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const notAfter = new Date(now.getTime() + opts.days * 86_400_000);
  const caKeyId = caCert.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names[0]}`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - 3600_000),
    notAfter,
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((n) => ({ type: isIP(n) ? ('ip' as const) : ('dns' as const), value: n })),
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ...(caKeyId ? [new x509.AuthorityKeyIdentifierExtension(caKeyId)] : []),
    ],
  });
  await writeSecretFile(path('serverKey'), await keyPem(keys.privateKey));
  await writeSecretFile(path('serverCert'), cert.toString('pem') + '\n');
  await chmod(path('serverCert'), 0o644);
  return {
    dir: opts.dir,
    caCert: path('caCert'),
    caKey: path('caKey'),
    serverCert: path('serverCert'),
    serverKey: path('serverKey'),
    names,
    reusedCa: loaded !== null,
    notAfter,
  };
}
