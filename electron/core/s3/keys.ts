/** File names of backup objects: the snapshot's gzipped JSON, `.enc` appended when encrypted. */
export const SNAPSHOT_SUFFIX = '.json.gz';
/** Appended to the key of a client-side encrypted object. */
export const ENCRYPTED_SUFFIX = '.enc';
/** The shared HTML report of a snapshot. */
export const REPORT_SUFFIX = '.html';

/** A host name made safe as one key segment (S3 keys are any UTF-8, but URLs and shells prefer this). */
export function hostSegment(hostname: string | null | undefined): string {
  const s = (hostname ?? '')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^\.+/, '_');
  return s === '' ? 'unknown-host' : s.slice(0, 128);
}

/** `<prefix>/<host>/<YYYY>/<MM>/<DD>/`: the folder of a snapshot's objects, from its UTC taken_at. */
export function snapshotFolder(prefix: string, hostname: string | null | undefined, takenAt: string): string {
  const head = prefix === '' ? '' : `${prefix}/`;
  return `${head}${hostSegment(hostname)}/${takenAt.slice(0, 4)}/${takenAt.slice(5, 7)}/${takenAt.slice(8, 10)}/`;
}

/** The key of a snapshot's backup object. */
export function snapshotKey(
  prefix: string,
  hostname: string | null | undefined,
  takenAt: string,
  id: string,
  encrypted: boolean,
): string {
  return `${snapshotFolder(prefix, hostname, takenAt)}${id}${SNAPSHOT_SUFFIX}${encrypted ? ENCRYPTED_SUFFIX : ''}`;
}

/** The key of a snapshot's shared HTML report, beside its JSON. */
export function reportKey(
  prefix: string,
  hostname: string | null | undefined,
  takenAt: string,
  id: string,
): string {
  return `${snapshotFolder(prefix, hostname, takenAt)}${id}${REPORT_SUFFIX}`;
}

/** What a backup object's key says about it. */
export interface ParsedKey {
  key: string;
  host: string;
  /** `YYYY-MM-DD` of the snapshot (UTC). */
  date: string;
  id: string;
  encrypted: boolean;
}

const KEY_RE =
  /(?:^|\/)([^/]+)\/(\d{4})\/(\d{2})\/(\d{2})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json\.gz(\.enc)?$/;

/** Parses a backup object's key under `prefix`; null for anything else (reports, probes, strangers). */
export function parseSnapshotKey(prefix: string, key: string): ParsedKey | null {
  const head = prefix === '' ? '' : `${prefix}/`;
  if (!key.startsWith(head)) return null;
  const rest = key.slice(head.length);
  const m = KEY_RE.exec(rest);
  if (!m || m.index !== 0) return null;
  return { key, host: m[1]!, date: `${m[2]}-${m[3]}-${m[4]}`, id: m[5]!, encrypted: m[6] !== undefined };
}
