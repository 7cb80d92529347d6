// Real parts for the fleet tests: in-process `serve` servers (the real HTTP + SSE server and backend
// over a hand-ticked sampler) on loopback, HTTP or HTTPS, and throwaway CAs made with @peculiar/x509.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as x509 from '@peculiar/x509';
import { Settings } from '../../../../shared/settings/schema.js';
import { createTranslator } from '../../../../shared/i18n/index.js';
import { mergeSettings, type LoadedConfig } from '../../../../electron/core/config/load.js';
import { AlertEngine } from '../../../../electron/core/alerts/engine.js';
import { Sessions } from '../../../../electron/server/auth.js';
import { createBackend, type Backend, type BackendParts } from '../../../../electron/server/backend.js';
import { hashKey } from '../../../../electron/server/security.js';
import { startServer, type RunningServer } from '../../../../electron/server/server.js';
import { KEY, ManualSampler } from '../../server/fake.js';

export { KEY, ManualSampler, sample } from '../../server/fake.js';

/** One running in-process host. */
export interface Host {
  server: RunningServer;
  backend: Backend;
  sampler: ManualSampler;
  url: string;
  port: number;
  /** Stops the server and the backend (the host is gone). */
  close(): Promise<void>;
}

/** Options of a test host. */
export interface HostOptions {
  port?: number;
  tls?: { cert: string; key: string };
  dir?: string;
  fleet?: BackendParts['fleet'];
  sampler?: ManualSampler;
  alerts?: AlertEngine;
}

/** Starts the real server over a manual sampler on 127.0.0.1 (a free port unless `port`). */
export async function startHost(opts: HostOptions = {}): Promise<Host> {
  const dir = opts.dir ?? '/nonexistent-ais-fleet';
  const base = { store: { dir: `${dir}/store` }, language: 'en' };
  const cfg = (user: Record<string, unknown> = {}): LoadedConfig => ({
    settings: Settings.parse(mergeSettings(base, user)),
    layers: [],
    userSettingsPath: `${dir}/config.json`,
  });
  // Like the CLI's reload: the user settings file (what settings:set wrote) over the defaults.
  const reload = async (): Promise<LoadedConfig> => {
    const text = await readFile(`${dir}/config.json`, 'utf8').catch(() => '{}');
    return cfg(JSON.parse(text) as Record<string, unknown>);
  };
  const sampler = opts.sampler ?? new ManualSampler();
  const backend = createBackend(
    cfg(),
    { sampler, alerts: opts.alerts ?? new AlertEngine(), ...(opts.fleet && { fleet: opts.fleet }) },
    reload,
  );
  await backend.start();
  const server = await startServer({
    host: '127.0.0.1',
    port: opts.port ?? 0,
    backend,
    auth: { enabled: true, keyHash: hashKey(KEY), sessions: new Sessions() },
    staticDir: `${dir}/no-renderer`,
    t: createTranslator('en'),
    log: () => undefined,
    heartbeatMs: 200,
    ...(opts.tls && { tls: opts.tls }),
  });
  return {
    server,
    backend,
    sampler,
    url: server.url,
    port: server.port,
    async close() {
      await server.close();
      await backend.stop();
    },
  };
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

async function keyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

/** A throwaway CA that issues server certificates for 127.0.0.1. */
export interface TestCa {
  pem: string;
  issue(name?: string): Promise<{ cert: string; key: string }>;
}

/** Makes a new CA (a self-signed certificate and its key, in memory only). */
export async function makeCa(cn: string): Promise<TestCa> {
  const now = Date.now();
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${cn}`,
    notBefore: new Date(now - 3600_000),
    notAfter: new Date(now + 86_400_000),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  let serial = 1;
  return {
    pem: ca.toString('pem'),
    async issue(name = '127.0.0.1') {
      const k = (await webcrypto.subtle.generateKey(ALG, true, [
        'sign',
        'verify',
      ])) as webcrypto.CryptoKeyPair;
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: String(++serial).padStart(2, '0'),
        subject: `CN=${name}`,
        issuer: ca.subject,
        notBefore: new Date(now - 3600_000),
        notAfter: new Date(now + 86_400_000),
        publicKey: k.publicKey,
        signingKey: keys.privateKey,
        signingAlgorithm: ALG,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: name }]),
        ],
      });
      return { cert: cert.toString('pem'), key: await keyPem(k.privateKey) };
    },
  };
}
