import { createHash } from 'node:crypto';
import { decrypt, encrypt, type EncryptionKey } from '../crypto/envelope.js';
import { userError } from '../messages.js';
import type { S3Remote } from './client.js';
import { snapshotKey } from './keys.js';

/** What an upload needs to know of a snapshot besides its bytes (the store's index entry has it all). */
export interface SnapshotMeta {
  id: string;
  taken_at: string;
  hostname: string | null;
  schema_version: number;
}

/** Outcome of one backup upload. */
export interface UploadResult {
  key: string;
  sha256: string;
  /** `skipped`: the bucket already had these exact bytes (same sha256). */
  status: 'uploaded' | 'skipped';
  bytes: number;
}

/** Lowercase hex SHA-256. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The object metadata every snapshot upload carries (S3 sends it as x-amz-meta-* headers). */
export function snapshotMetadata(
  meta: SnapshotMeta,
  sha256: string,
  key?: EncryptionKey,
): Record<string, string> {
  return {
    host: meta.hostname ?? '',
    taken_at: meta.taken_at,
    schema_version: String(meta.schema_version),
    sha256,
    'snapshot-id': meta.id,
    ...(key ? { 'key-id': key.id } : {}),
  };
}

/**
 * Uploads a stored snapshot (its gzipped JSON, as kept locally), encrypted when a key is given.
 * Idempotent by checksum: a HEAD first, and nothing is sent when the object already carries the same
 * sha256 (of the plain .json.gz bytes, so it also holds for encrypted objects whose nonce differs).
 */
export async function uploadSnapshot(
  remote: S3Remote,
  meta: SnapshotMeta,
  gz: Uint8Array,
  key?: EncryptionKey,
): Promise<UploadResult> {
  const s = remote.settings;
  const objectKey = snapshotKey(s.prefix, meta.hostname, meta.taken_at, meta.id, key !== undefined);
  const sha256 = sha256Hex(gz);
  const existing = await remote.head(objectKey);
  if (existing?.sha256 === sha256) return { key: objectKey, sha256, status: 'skipped', bytes: 0 };
  const body = key ? encrypt(gz, key) : gz;
  await remote.put(objectKey, body, {
    contentType: key ? 'application/octet-stream' : 'application/gzip',
    metadata: snapshotMetadata(meta, sha256, key),
  });
  return { key: objectKey, sha256, status: 'uploaded', bytes: body.length };
}

/**
 * Downloads a backup object and returns its plain .json.gz bytes, verified: an encrypted one must
 * decrypt (GCM authenticates it), and the bytes must hash to the sha256 recorded at upload.
 */
export async function downloadSnapshot(
  remote: S3Remote,
  objectKey: string,
  key: EncryptionKey | undefined,
): Promise<Buffer> {
  const { body, metadata } = await remote.get(objectKey);
  const label = `s3://${remote.settings.bucket}/${objectKey}`;
  let plain = body;
  if (objectKey.endsWith('.enc')) {
    if (!key) throw userError('config', 's3.key.missing', { path: '(backup.keyFile)' });
    plain = decrypt(body, key, label);
  }
  const actual = sha256Hex(plain);
  const expected = metadata.sha256;
  if (expected !== actual)
    throw userError('corrupt', 's3.remote.corrupt', { key: label, actual, expected: expected ?? '(none)' });
  return plain;
}
