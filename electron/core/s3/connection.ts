import type { Settings } from '../../../shared/settings/schema.js';
import { isUserError } from '../errors.js';
import { englishMessage } from '../messages.js';
import type { RemoteOptions } from './client.js';
import type { CredentialStore } from './credentials.js';
import { classifyS3Error, type S3Problem } from './errors.js';
import { openRemote } from './session.js';

/** The answer of "Test connection": ok, or the one problem found and its one-line message (en + key). */
export interface ConnectionResult {
  ok: boolean;
  problem: S3Problem | 'not_configured' | 'config' | null;
  /** Catalog key and parameters, so each front end shows it in its language. */
  key: string;
  params: Record<string, string>;
  /** The English line (logs, CLI). */
  message: string;
}

/**
 * Lists, writes and deletes a probe object in the bucket, one attempt each (no retries: a retry would
 * hide a skewed clock, which the SDK silently corrects), and says exactly what is wrong: no bucket,
 * access denied, bad region, endpoint unreachable, clock skew, or missing credentials.
 */
export async function testConnection(
  settings: Settings,
  creds: CredentialStore,
  opts: RemoteOptions = {},
): Promise<ConnectionResult> {
  let remote;
  try {
    remote = await openRemote(settings, creds, { maxAttempts: 1, ...opts });
    await remote.probe();
    const params = { bucket: remote.settings.bucket };
    return {
      ok: true,
      problem: null,
      key: 's3.conn.ok',
      params,
      message: englishMessage('s3.conn.ok', params),
    };
  } catch (err) {
    if (isUserError(err) && err.key) {
      const params = Object.fromEntries(Object.entries(err.params ?? {}).map(([k, v]) => [k, String(v)]));
      const problem = err.key.startsWith('s3.conn.')
        ? (err.key.slice('s3.conn.'.length) as S3Problem)
        : err.key === 's3.not_configured'
          ? 'not_configured'
          : 'config';
      return { ok: false, problem, key: err.key, params, message: err.message };
    }
    const c = classifyS3Error(err);
    const params = {
      bucket: settings.s3.bucket ?? '',
      endpoint: settings.s3.endpoint ?? '',
      detail: c.detail,
      hint: '',
    };
    const key = `s3.conn.${c.problem}`;
    return { ok: false, problem: c.problem, key, params, message: englishMessage(key as never, params) };
  } finally {
    await remote?.close();
  }
}
