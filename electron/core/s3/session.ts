import { readFile } from '../os/fs-async.js';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import type { Settings } from '../../../shared/settings/schema.js';
import { SCHEMA_VERSION } from '../../../shared/snapshot/schema.js';
import type { EncryptionKey } from '../crypto/envelope.js';
import { defaultKeyFile, loadKeyFile } from '../crypto/keyfile.js';
import { userDataDir } from '../paths.js';
import type { SnapshotStore } from '../store/store.js';
import { StoreError } from '../store/store-error.js';
import type { Uploader } from '../uploads/queue.js';
import { requireBucket, S3Remote, type RemoteOptions } from './client.js';
import { CHAIN_ONLY, FileCredentialStore, type CredentialStore } from './credentials.js';
import { uploadSnapshot } from './upload.js';

/** Where the process runs: paths of the defaults derive from it. */
export interface HostEnv {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

/** The credential store the settings ask for: a 0600 file, else the app's (if any), else the AWS chain. */
export function credentialStoreFor(settings: Settings, app?: CredentialStore): CredentialStore {
  if (settings.s3.credentialsFile) return new FileCredentialStore(settings.s3.credentialsFile);
  return app ?? CHAIN_ONLY;
}

/** Opens the bucket the settings name, with keys from `creds` (or the AWS default chain). */
export async function openRemote(
  settings: Settings,
  creds: CredentialStore,
  opts: RemoteOptions = {},
): Promise<S3Remote> {
  const target = requireBucket(settings.s3);
  return new S3Remote(target, await creds.get(), opts);
}

/** The backup encryption key, when `backup.encrypt` is on (from backup.keyFile or the default file). */
export async function backupKey(settings: Settings, host: HostEnv): Promise<EncryptionKey | undefined> {
  if (!settings.backup.encrypt) return undefined;
  return loadKeyFile(settings.backup.keyFile ?? defaultKeyFile(host.env, host.platform, host.home));
}

/** The upload queue's folder: `uploads` in the app's data folder (shared by app, server and CLI). */
export function defaultQueueDir(host: HostEnv): string {
  const p = host.platform === 'win32' ? win32 : posix;
  return p.join(userDataDir(host.env, host.platform, host.home), 'uploads');
}

/** An uploader for the queue: reads a stored snapshot's file as is and uploads it (idempotently). */
export function storeUploader(
  store: SnapshotStore,
  remote: S3Remote,
  key: EncryptionKey | undefined,
): Uploader {
  return async (id) => {
    let entry;
    try {
      entry = await store.resolve(id);
    } catch (err) {
      if (err instanceof StoreError && err.code === 'not_found') return { status: 'gone' };
      throw err;
    }
    let gz: Buffer;
    try {
      gz = await readFile(store.filePath(entry));
    } catch {
      return { status: 'gone' };
    }
    // The index has no schema version; the store validates every snapshot it saves against the
    // current model, so the model's constant is exact.
    const meta = {
      id: entry.id,
      taken_at: entry.taken_at,
      hostname: entry.hostname,
      schema_version: SCHEMA_VERSION,
    };
    const r = await uploadSnapshot(remote, meta, gz, key);
    return { status: r.status, key: r.key, sha256: r.sha256 };
  };
}

/** Reads the host environment of a CLI or server process. */
export function hostEnvOf(env: NodeJS.ProcessEnv): HostEnv {
  return { env, platform: process.platform, home: homedir() };
}
