import { join } from 'node:path';
import type { Translator } from '../../shared/i18n/index.js';
import { userError } from '../core/messages.js';
import { writeSecretFile } from '../core/store/atomic.js';
import { loadServerTls, type ServerTlsFiles } from '../core/tls/server-files.js';
import { KEY_NAME, KeyStore, Scope } from './keys.js';
import type { RunningServer } from './server.js';

/** Where a first admin key goes when nobody is at a terminal to see it (a service, a container). */
export const INITIAL_KEY_FILE = 'initial-admin-key';

/** Days before expiry from which `serve` warns about its certificate. */
const EXPIRY_WARNING_DAYS = 14;

/**
 * Opens the keys of `dataDir` for `serve` and says what happened: a first admin key is printed when
 * stderr is a terminal, else written (0600) to `initial-admin-key`, so it never lands in a journal
 * or a container log.
 */
export async function prepareKeys(
  dataDir: string,
  envKey: string | undefined,
  t: Translator,
  interactive: boolean,
): Promise<{ keys: KeyStore; lines: string[] }> {
  const opened = await KeyStore.open(dataDir, { envKey });
  const path = opened.store.path ?? '';
  const lines: string[] = [];
  if (opened.migrated) lines.push(t.t('server.key_migrated', { old: opened.migrated, path }));
  if (opened.created && interactive) lines.push(t.t('server.key_created', { key: opened.created, path }));
  else if (opened.created) {
    const file = join(dataDir, INITIAL_KEY_FILE);
    await writeSecretFile(file, `${opened.created}\n`);
    lines.push(t.t('server.key_saved', { file }));
  }
  if (envKey) lines.push(t.t('server.key_env'));
  if (!opened.created) lines.push(t.t('server.key_file', { count: opened.store.size, path }));
  return { keys: opened.store, lines };
}

/**
 * `serve --new-key NAME [--scope read|admin]`: adds a key to the data folder's keys file and returns
 * it (the caller prints it once, alone on stdout, for `KEY=$(…)`). No first admin key is made here.
 */
export async function addKey(
  dataDir: string,
  name: string,
  scope: string | undefined,
  t: Translator,
): Promise<{ key: string; message: string }> {
  if (!KEY_NAME.test(name)) throw userError('usage', 'server.keys.bad_name', { value: name });
  const s = Scope.safeParse(scope ?? 'read');
  if (!s.success) throw userError('usage', 'server.keys.bad_scope', { value: scope ?? '' });
  const { store } = await KeyStore.open(dataDir, { createInitial: false });
  const { info, key } = await store.create(name, s.data);
  const message = t.t('server.keys.new_key', {
    scope: info.scope,
    name: info.name,
    id: info.id,
    path: store.path ?? '',
  });
  return { key, message };
}

/**
 * Loads `--tls-cert/--tls-key` (both or neither) with the warnings to print: a certificate close to
 * expiry, a key file others can read.
 */
export async function prepareTls(
  certFile: string | undefined,
  keyFile: string | undefined,
  t: Translator,
  now = new Date(),
): Promise<{ files: ServerTlsFiles | null; lines: string[] }> {
  if (certFile === undefined && keyFile === undefined) return { files: null, lines: [] };
  if (certFile === undefined || keyFile === undefined) throw userError('usage', 'server.tls.pair');
  const files = await loadServerTls(certFile, keyFile, now);
  const lines: string[] = [];
  const days = Math.floor((files.notAfter.getTime() - now.getTime()) / 86_400_000);
  const date = files.notAfter.toISOString().slice(0, 10);
  lines.push(t.t('server.tls.https_on', { file: certFile, names: files.names.join(', ') || '-', date }));
  if (days < EXPIRY_WARNING_DAYS) lines.push(t.t('server.tls.expiring', { file: certFile, date, days }));
  if (files.keyExposed) lines.push(t.t('server.tls.key_exposed', { file: keyFile }));
  return { files, lines };
}

/**
 * Re-reads the certificate and key on SIGHUP (a renewed certificate, `systemctl reload`) and swaps
 * them in for new connections; a bad pair is reported and the old one kept. Without TLS, SIGHUP is
 * ignored rather than ending the server. Returns the unsubscriber.
 */
export function reloadTlsOnHangup(
  server: RunningServer,
  files: ServerTlsFiles | null,
  t: Translator,
  log: (line: string) => void,
): () => void {
  const onHup = (): void => {
    if (!files) return;
    loadServerTls(files.certFile, files.keyFile).then(
      (next) => {
        server.setTls({ cert: next.cert, key: next.key });
        log(t.t('server.tls.reloaded', { file: files.certFile }));
      },
      (e: unknown) => log(t.t('server.tls.reload_failed', { detail: (e as Error).message })),
    );
  };
  process.on('SIGHUP', onHup);
  return () => void process.off('SIGHUP', onHup);
}
