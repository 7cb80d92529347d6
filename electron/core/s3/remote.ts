import type { EncryptionKey } from '../crypto/envelope.js';
import { userError } from '../messages.js';
import type { S3Remote } from './client.js';
import { hostSegment, parseSnapshotKey, REPORT_SUFFIX } from './keys.js';
import { downloadSnapshot } from './upload.js';

/** A backup in the bucket, as `remote list` shows it. */
export interface RemoteSnapshot {
  id: string;
  host: string;
  /** Epoch ms the snapshot was taken (from its UUIDv7 id, which the key carries). */
  takenAt: number;
  key: string;
  size: number;
  encrypted: boolean;
}

/** Milliseconds a UUIDv7 carries in its first 48 bits. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/** The backups under the configured prefix (optionally one host, taken at or after `since`), newest first. */
export async function listRemote(
  remote: S3Remote,
  filter: { host?: string | undefined; since?: number | undefined } = {},
): Promise<RemoteSnapshot[]> {
  const prefix = remote.settings.prefix;
  const head = prefix === '' ? '' : `${prefix}/`;
  const objects = await remote.list(filter.host ? `${head}${hostSegment(filter.host)}/` : head);
  const out: RemoteSnapshot[] = [];
  for (const o of objects) {
    const p = parseSnapshotKey(prefix, o.key);
    if (!p) continue;
    const takenAt = uuidv7Time(p.id);
    if (filter.since !== undefined && takenAt < filter.since) continue;
    out.push({ id: p.id, host: p.host, takenAt, key: o.key, size: o.size, encrypted: p.encrypted });
  }
  return out.sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1));
}

/** The one backup `ref` names: a full id or a unique prefix of 8+ characters. */
export function resolveRemote(list: RemoteSnapshot[], ref: string): RemoteSnapshot {
  const r = ref.toLowerCase();
  const exact = list.filter((s) => s.id === r);
  const hits = exact.length ? exact : r.length >= 8 ? list.filter((s) => s.id.startsWith(r)) : [];
  // The same snapshot may exist plain and encrypted: prefer the plain one, it needs no key.
  const ids = new Set(hits.map((h) => h.id));
  if (ids.size === 0) throw userError('not_found', 's3.remote.not_found', { ref });
  if (ids.size > 1) throw userError('usage', 's3.remote.ambiguous', { ref, count: ids.size });
  return hits.find((h) => !h.encrypted) ?? hits[0]!;
}

/** Downloads a backup's verified .json.gz bytes (decrypted with `key` when it is encrypted). */
export async function getRemote(
  remote: S3Remote,
  ref: string,
  key: EncryptionKey | undefined,
): Promise<{ entry: RemoteSnapshot; gz: Buffer }> {
  const entry = resolveRemote(await listRemote(remote), ref);
  return { entry, gz: await downloadSnapshot(remote, entry.key, key) };
}

/**
 * Deletes the backups (and their shared reports) taken before `now - olderThanMs`. Only keys in this
 * tool's layout under the prefix are considered: nothing else in the bucket is ever touched.
 */
export async function pruneRemote(
  remote: S3Remote,
  olderThanMs: number,
  now = Date.now(),
): Promise<{ removed: number; kept: number }> {
  const prefix = remote.settings.prefix;
  const objects = await remote.list(prefix === '' ? '' : `${prefix}/`);
  const cutoff = now - olderThanMs;
  const doomed: string[] = [];
  let kept = 0;
  for (const o of objects) {
    const p = parseSnapshotKey(prefix, o.key) ?? parseReportKey(prefix, o.key);
    if (!p) continue;
    if (uuidv7Time(p.id) < cutoff) doomed.push(o.key);
    else kept++;
  }
  if (doomed.length) await remote.delete(doomed);
  return { removed: doomed.length, kept };
}

function parseReportKey(prefix: string, key: string): { id: string } | null {
  if (!key.endsWith(REPORT_SUFFIX)) return null;
  return parseSnapshotKey(prefix, `${key.slice(0, -REPORT_SUFFIX.length)}.json.gz`);
}
