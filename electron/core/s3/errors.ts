import type { UserError } from '../errors.js';
import { userError } from '../messages.js';

/** What a failed S3 request means for the user: the classes "Test connection" tells apart. */
export type S3Problem =
  'no_bucket' | 'access_denied' | 'bad_region' | 'unreachable' | 'clock_skew' | 'no_credentials' | 'other';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);

interface SdkLikeError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  errors?: unknown[];
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  Region?: string;
  Endpoint?: string;
  cause?: unknown;
}

function networkCode(e: SdkLikeError | undefined, depth = 0): string | undefined {
  if (!e || depth > 4) return undefined;
  if (e.code && NETWORK_CODES.has(e.code)) return e.code;
  if (e.name === 'TimeoutError') return 'ETIMEDOUT';
  // Node's happy-eyeballs connect wraps per-address failures in an AggregateError.
  for (const inner of e.errors ?? []) {
    const c = networkCode(inner as SdkLikeError, depth + 1);
    if (c) return c;
  }
  return networkCode(e.cause as SdkLikeError | undefined, depth + 1);
}

/** Classifies an AWS SDK (or network) error into one of the problems the user can fix. */
export function classifyS3Error(err: unknown): { problem: S3Problem; region?: string; detail: string } {
  const e = (err ?? {}) as SdkLikeError;
  const name = e.name ?? e.Code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const net = networkCode(e);
  if (net) return { problem: 'unreachable', detail: net };
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e.message ?? ''))
    return { problem: 'no_credentials', detail: name };
  if (name === 'RequestTimeTooSkewed' || name === 'RequestExpired')
    return { problem: 'clock_skew', detail: name };
  const region = e.$response?.headers?.['x-amz-bucket-region'] ?? e.Region;
  if (
    name === 'PermanentRedirect' ||
    name === 'AuthorizationHeaderMalformed' ||
    name === 'IllegalLocationConstraintException' ||
    status === 301
  )
    return { problem: 'bad_region', ...(region ? { region } : {}), detail: name };
  if (name === 'NoSuchBucket') return { problem: 'no_bucket', detail: name };
  if (
    name === 'AccessDenied' ||
    name === 'InvalidAccessKeyId' ||
    name === 'SignatureDoesNotMatch' ||
    name === 'InvalidToken' ||
    name === 'ExpiredToken' ||
    name === 'AllAccessDisabled' ||
    status === 403
  )
    return { problem: 'access_denied', detail: name };
  return {
    problem: 'other',
    detail: oneLine(name && name !== 'Error' ? `${name}: ${e.message ?? ''}` : (e.message ?? String(err))),
  };
}

/** A one-line UserError for a failed S3 request, in the catalog's words (no secrets: none are in it). */
export function s3UserError(err: unknown, ctx: { bucket: string; endpoint: string }): UserError {
  const c = classifyS3Error(err);
  const params = {
    bucket: ctx.bucket,
    endpoint: ctx.endpoint,
    detail: c.detail,
    hint: c.region ? ` (${c.region})` : '',
  };
  const kind = c.problem === 'other' || c.problem === 'unreachable' ? 'io' : 'config';
  return userError(kind, `s3.conn.${c.problem}`, params, err);
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
