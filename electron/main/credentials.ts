// S3 keys typed into Settings, kept with Electron's safeStorage (async API): encrypted by the OS
// keychain (macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux) into a 0600 file in the app's data
// folder. On Linux without a keyring Chromium falls back to `basic_text` (a fixed key: obfuscation, not
// protection); `weak()` says so and the settings view shows the warning. safeStorage is passed in, so
// this file loads no Electron at run time and tests use a fake.
import type { SafeStorage } from 'electron';
import { readFile } from 'node:fs/promises';
import { hasErrno } from '../core/store/store-error.js';
import { removeFile, writeSecretFile } from '../core/store/atomic.js';
import { userError } from '../core/messages.js';
import { parseKeys, type CredentialStore, type S3Keys } from '../core/s3/credentials.js';

/** The safeStorage members used here. */
export type SafeStorageLike = Pick<
  SafeStorage,
  'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend'
>;

/** A CredentialStore over safeStorage and one private file (`<userData>/s3-credentials.bin`). */
export class SafeStorageCredentialStore implements CredentialStore {
  constructor(
    private readonly safe: SafeStorageLike,
    readonly path: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async get(): Promise<S3Keys | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (err) {
      if (hasErrno(err, 'ENOENT')) return null;
      throw err;
    }
    let text: string;
    let again: boolean;
    try {
      const r = await this.safe.decryptStringAsync(bytes);
      text = r.result;
      again = r.shouldReEncrypt;
    } catch (err) {
      throw userError('config', 's3.credentials.damaged', {}, err);
    }
    let keys: S3Keys;
    try {
      keys = parseKeys(JSON.parse(text), this.path);
    } catch (err) {
      throw userError('config', 's3.credentials.damaged', {}, err);
    }
    // The keychain rotated its key or offers a stronger one: store under the new one.
    if (again) await this.set(keys);
    return keys;
  }

  async set(keys: S3Keys): Promise<void> {
    if (!(await this.safe.isAsyncEncryptionAvailable()))
      throw userError('config', 's3.credentials.unavailable');
    const clean = parseKeys(keys, this.path);
    const sealed = await this.safe.encryptStringAsync(JSON.stringify(clean));
    await writeSecretFile(this.path, sealed);
  }

  async clear(): Promise<void> {
    await removeFile(this.path);
  }

  /** True on Linux when Chromium fell back to `basic_text`: the UI must warn (s3.credentials.basic_text). */
  async weak(): Promise<boolean> {
    return this.platform === 'linux' && this.safe.getSelectedStorageBackend() === 'basic_text';
  }
}
