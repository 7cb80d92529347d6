import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from '../os/fs-async.js';
import { posix, win32 } from 'node:path';
import { userDataDir } from '../paths.js';
import { userError } from '../messages.js';
import { writeSecretFile } from '../store/atomic.js';
import { hasErrno } from '../store/store-error.js';
import type { EncryptionKey } from './envelope.js';

/** What a key file holds (JSON, mode 0600). */
interface KeyFileJson {
  kind: 'autoinfrasnap-key';
  version: 1;
  id: string;
  algorithm: 'aes-256-gcm';
  key: string;
  created_at: string;
}

/** The key's public id: the first 8 bytes of SHA-256 over the key, in hex (reveals nothing usable). */
export function keyId(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** A new random 256-bit key. */
export function newKey(): EncryptionKey {
  const key = randomBytes(32);
  return { id: keyId(key), key };
}

/** The default key file: `backup.key` in the app's data folder. */
export function defaultKeyFile(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  const p = platform === 'win32' ? win32 : posix;
  return p.join(userDataDir(env, platform, home), 'backup.key');
}

/** Serialises a key as the key file's JSON (for the file, or the app's keychain). */
export function serializeKey(k: EncryptionKey, now = new Date()): string {
  const doc: KeyFileJson = {
    kind: 'autoinfrasnap-key',
    version: 1,
    id: k.id,
    algorithm: 'aes-256-gcm',
    key: k.key.toString('base64'),
    created_at: now.toISOString(),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Parses key JSON; `path` names it in the error. The id is recomputed, never trusted. */
export function parseKey(text: string, path: string): EncryptionKey {
  let doc: Partial<KeyFileJson>;
  try {
    doc = JSON.parse(text) as Partial<KeyFileJson>;
  } catch {
    throw userError('config', 's3.key.invalid', { path });
  }
  const key = typeof doc.key === 'string' ? Buffer.from(doc.key, 'base64') : Buffer.alloc(0);
  if (doc.kind !== 'autoinfrasnap-key' || key.length !== 32)
    throw userError('config', 's3.key.invalid', { path });
  return { id: keyId(key), key };
}

/** Writes a new key file (mode 0600, atomically); refuses to replace one unless `force`. */
export async function generateKeyFile(path: string, force = false): Promise<EncryptionKey> {
  if (
    !force &&
    (await stat(path).then(
      () => true,
      () => false,
    ))
  )
    throw userError('usage', 's3.key.exists', { path });
  const k = newKey();
  await writeSecretFile(path, serializeKey(k));
  return k;
}

/**
 * Loads a key file. On POSIX a file other users can read is refused (like ssh does with keys): the
 * key protects every backup.
 */
export async function loadKeyFile(path: string): Promise<EncryptionKey> {
  await assertPrivate(path, 's3.key.file_mode', 's3.key.missing');
  return parseKey(await readFile(path, 'utf8'), path);
}

/** Throws a one-line error when `path` is missing or readable by group or others (POSIX only). */
export async function assertPrivate(
  path: string,
  modeKey: 's3.key.file_mode' | 's3.credentials.file_mode',
  missingKey: 's3.key.missing' | 's3.credentials.file_missing',
): Promise<void> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (err) {
    if (hasErrno(err, 'ENOENT', 'ENOTDIR')) throw userError('config', missingKey, { path });
    throw err;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw userError('config', modeKey, { path, mode: (mode & 0o777).toString(8).padStart(4, '0') });
}
