import { readFile } from '../os/fs-async.js';
import { promisify } from 'node:util';
import { gunzip, gzip, gzipSync } from 'node:zlib';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { fsError, storeError } from './store-error.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * gzip level for stored snapshots. Measured on a ~300 KB snapshot: level 6 compresses in ~5 ms to
 * ~48 KB; 9 takes twice as long for 5% less; 1 is twice as fast but 25% bigger. 6 is the knee.
 */
export const GZIP_LEVEL = 6;

/** Decompressed size past which a file is refused: a gzip bomb must not exhaust memory. */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

/** True when the bytes start with the gzip magic number (1f 8b), whatever the file is called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Documents up to this size are gzipped on the calling thread. A typical snapshot (20-300 KB of JSON)
 * compresses in 0.7-5 ms that way, while the first asynchronous gzip of a process costs ~6 ms of cold
 * stream machinery before the thread pool even starts on it (measured here; `snap` pays it every run).
 * Larger documents still go to the pool, so a tray app's main thread never stalls on one.
 */
export const SYNC_GZIP_MAX_BYTES = 1024 * 1024;

/** Compact JSON, gzipped (see SYNC_GZIP_MAX_BYTES for where). */
export async function encodeSnapshot(snapshot: Snapshot): Promise<Buffer> {
  const json = Buffer.from(JSON.stringify(snapshot), 'utf8');
  if (json.length <= SYNC_GZIP_MAX_BYTES) return gzipSync(json, { level: GZIP_LEVEL });
  return gzipAsync(json, { level: GZIP_LEVEL });
}

/**
 * Validates a parsed document as a snapshot with the zod model; `label` (usually the file) starts the
 * error message. zod and the snapshot schemas load on the first call, not with this module.
 */
export async function validateSnapshot(doc: unknown, label: string): Promise<Snapshot> {
  return (await import('./schemas.js')).validateSnapshot(doc, label);
}

/** Bytes of a .json or .json.gz file (told apart by content) → the parsed JSON document. */
export async function decodeJson(bytes: Buffer, label: string): Promise<unknown> {
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = await gunzipAsync(bytes, { maxOutputLength: MAX_SNAPSHOT_BYTES });
    } catch (err) {
      throw storeError('corrupt', 'cli.store.damaged_gzip', { label, detail: oneLine(err) }, err);
    }
  }
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (err) {
    // Control bytes or invalid UTF-8 mean the file was never text: say so rather than quote a JSON error.
    if (looksBinary(text)) {
      throw storeError('corrupt', 'cli.store.binary', { label });
    }
    throw storeError('corrupt', 'cli.store.invalid_json', { label, detail: oneLine(err) }, err);
  }
}

/** Decodes and validates snapshot bytes; every failure is a StoreError 'corrupt' naming `label`. */
export async function decodeSnapshot(bytes: Buffer, label: string): Promise<Snapshot> {
  const doc = await decodeJson(bytes, label);
  return validateSnapshot(doc, label);
}

/** Reads a snapshot file the user points at (.json or .json.gz, detected by magic bytes). */
export async function readSnapshotFile(path: string): Promise<Snapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw fsError(err, `cannot read ${path}`);
  }
  return decodeSnapshot(bytes, path);
}

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Tab, LF, CR and form feed occur in text; other C0 controls and U+FFFD (invalid UTF-8) do not.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) return true;
  }
  return false;
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const flat = msg.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
