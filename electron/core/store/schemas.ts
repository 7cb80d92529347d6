import { z } from 'zod';
import { SCHEMA_VERSION, Snapshot } from '../../../shared/snapshot/schema.js';
import { isSnapshotRelPath } from './paths.js';
import { firstIssue, storeError } from './store-error.js';

// The store's zod schemas, in a module of their own so that zod loads only when a snapshot file is read
// or the index is rebuilt: saving a snapshot that takeSnapshot already validated never needs them.

/** The zod model of an index entry; index-file.ts checks entries without zod (a test keeps both equal). */
export const StoreEntrySchema = z
  .object({
    id: z.string(),
    taken_at: z.iso.datetime({ offset: false }),
    hostname: z.string().nullable(),
    file: z.string().describe('Relative to the store, `/`-separated: YYYY/MM/<id>.json.gz'),
    bytes: z.number().int().nonnegative().describe('Compressed size on disk'),
    sections: z.array(z.string()).describe('Sections with data in the snapshot'),
    errors: z.number().int().nonnegative().describe('Sections that failed'),
  })
  .refine((e) => isSnapshotRelPath(e.file, e.id), { message: 'file does not match id', path: ['file'] });

/**
 * The fields of a snapshot file a rebuild checks. Not the full schema: a stored file was validated
 * before it was written and gzip's CRC catches later damage, and full validation would triple
 * the cost of a rebuild; get() still validates everything it returns.
 */
export const SnapshotSummary = z.looseObject({
  schema_version: z.literal(SCHEMA_VERSION),
  id: Snapshot.shape.id,
  taken_at: Snapshot.shape.taken_at,
  host: z.looseObject({ hostname: z.string() }).optional(),
  errors: z.array(z.unknown()),
});

/** Validates a parsed document as a snapshot; `label` (usually the file) starts the error message. */
export function validateSnapshot(doc: unknown, label: string): Snapshot {
  const result = Snapshot.safeParse(doc, { jitless: true }); // once per document: no point compiling
  if (result.success) return result.data;
  const version =
    typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).schema_version : null;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw storeError('corrupt', 'cli.store.newer', { label, version, supported: SCHEMA_VERSION });
  }
  throw storeError('corrupt', 'cli.store.not_snapshot', { label, detail: firstIssue(result.error, doc) });
}
