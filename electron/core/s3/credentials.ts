import { readFile, stat } from '../os/fs-async.js';
import { assertPrivate } from '../crypto/keyfile.js';
import { userError } from '../messages.js';
import { writeSecretFile } from '../store/atomic.js';

/** Static S3 keys. Never logged, never in an error message, never sent to the renderer. */
export interface S3Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/**
 * Where typed-in S3 keys are kept: the app implements it with Electron `safeStorage`
 * (electron/main/credentials.ts), the headless CLI with a 0600 file. `null` from `get` means "use the
 * AWS default chain" (env, profile, SSO, instance role).
 */
export interface CredentialStore {
  get(): Promise<S3Keys | null>;
  set(keys: S3Keys): Promise<void>;
  clear(): Promise<void>;
  /** True when the OS keeps the keys only obfuscated (Linux `basic_text`): the UI shows a warning. */
  weak(): Promise<boolean>;
}

/** Validates the shape of stored keys; `label` names the source in the error (never the values). */
export function parseKeys(doc: unknown, path: string): S3Keys {
  const o = (typeof doc === 'object' && doc !== null ? doc : {}) as Record<string, unknown>;
  const id = o.accessKeyId;
  const secret = o.secretAccessKey;
  const token = o.sessionToken;
  if (typeof id !== 'string' || id === '' || typeof secret !== 'string' || secret === '')
    throw userError('config', 's3.credentials.file_invalid', { path });
  if (token !== undefined && typeof token !== 'string')
    throw userError('config', 's3.credentials.file_invalid', { path });
  return { accessKeyId: id, secretAccessKey: secret, sessionToken: token };
}

/**
 * Keys in a private JSON file (mode 0600; a file others can read is refused), for the headless CLI.
 * `optional`: a missing file means "no stored keys" (the AWS chain) rather than a configuration error —
 * for the server's own file of typed-in keys, as opposed to a file the user named in s3.credentialsFile.
 */
export class FileCredentialStore implements CredentialStore {
  constructor(
    readonly path: string,
    private readonly optional = false,
  ) {}

  async get(): Promise<S3Keys | null> {
    if (
      this.optional &&
      !(await stat(this.path).then(
        () => true,
        () => false,
      ))
    )
      return null;
    await assertPrivate(this.path, 's3.credentials.file_mode', 's3.credentials.file_missing');
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      throw userError('config', 's3.credentials.file_invalid', { path: this.path });
    }
    return parseKeys(doc, this.path);
  }

  async set(keys: S3Keys): Promise<void> {
    await writeSecretFile(this.path, `${JSON.stringify(keys)}\n`);
  }

  async clear(): Promise<void> {
    const { removeFile } = await import('../store/atomic.js');
    await removeFile(this.path);
  }

  async weak(): Promise<boolean> {
    return false;
  }
}

/** No stored keys: the AWS default provider chain decides. */
export const CHAIN_ONLY: CredentialStore = {
  get: async () => null,
  set: async () => undefined,
  clear: async () => undefined,
  weak: async () => false,
};

/** Every secret string in `keys`, so output can be checked for (and scrubbed of) them. */
export function secretsOf(keys: S3Keys | null): string[] {
  if (!keys) return [];
  return [keys.secretAccessKey, keys.sessionToken ?? ''].filter((s) => s.length >= 8);
}
