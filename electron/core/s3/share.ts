import type { Translator } from '../../../shared/i18n/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { encodeSnapshot } from '../store/file.js';
import type { S3Remote } from './client.js';
import { reportKey } from './keys.js';
import { sha256Hex, snapshotMetadata, uploadSnapshot } from './upload.js';

/** What a share produced: the link to hand out, and where the objects are. */
export interface ShareResult {
  url: string;
  /** Epoch ms after which the link stops working. */
  expiresAt: number;
  reportKey: string;
  jsonKey: string;
  /** SHA-256 of the shared snapshot's .json.gz (also in both objects' metadata). */
  sha256: string;
}

/** Options of one share; `signingDate` lets tests presign in the past instead of sleeping. */
export interface ShareOptions {
  expiresIn: number;
  t: Translator;
  signingDate?: Date;
}

/**
 * Shares a snapshot: renders its HTML report (already redacted, as the store keeps it), uploads the
 * report and the JSON (never encrypted: a shared link must open in a browser), and presigns a GET of
 * the report. The same snapshot shared twice uploads its JSON once (idempotent by checksum).
 */
export async function shareSnapshot(
  remote: S3Remote,
  snapshot: Snapshot,
  o: ShareOptions,
): Promise<ShareResult> {
  const { renderSnapshot } = await import('../../../shared/report/index.js');
  const meta = {
    id: snapshot.id,
    taken_at: snapshot.taken_at,
    hostname: snapshot.host?.hostname ?? null,
    schema_version: snapshot.schema_version,
  };
  const gz = await encodeSnapshot(snapshot);
  const json = await uploadSnapshot(remote, meta, gz);
  const html = Buffer.from(
    await renderSnapshot(snapshot, 'html', { t: o.t, color: false, sha256: json.sha256 }),
    'utf8',
  );
  const key = reportKey(remote.settings.prefix, meta.hostname, meta.taken_at, meta.id);
  await remote.put(key, html, {
    contentType: 'text/html; charset=utf-8',
    metadata: { ...snapshotMetadata(meta, json.sha256), 'report-sha256': sha256Hex(html) },
  });
  const signed = o.signingDate ?? new Date();
  const url = await remote.presign(key, o.expiresIn, o.signingDate);
  return {
    url,
    expiresAt: signed.getTime() + o.expiresIn * 1000,
    reportKey: key,
    jsonKey: json.key,
    sha256: json.sha256,
  };
}
