import { z } from 'zod';

/** Server-side encryption S3 applies at rest (`none` leaves it to the bucket's default). */
export const SSE_MODES = ['none', 'AES256', 'aws:kms'] as const;

/** Storage classes S3 accepts on upload. */
export const STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
] as const;

/**
 * The `s3` settings: where shares and backups go. Credentials are never settings: they come from the
 * AWS default chain, the app's keychain, or `credentialsFile` (a 0600 file) for the headless CLI.
 * Every leaf has an `AUTOINFRASNAP_S3_*` variable (`s3.forcePathStyle` → `AUTOINFRASNAP_S3_FORCE_PATH_STYLE`).
 */
export const S3Settings = z
  .strictObject({
    bucket: z.string().min(3).max(63).nullable().default(null).describe('Bucket (null = S3 off)'),
    prefix: z
      .string()
      .regex(/^[^/].*[^/]$|^[^/]?$/, 'no leading or trailing "/"')
      .default('autoinfrasnap')
      .describe('Key prefix: <prefix>/<host>/<YYYY>/<MM>/<DD>/<id>.json.gz'),
    region: z.string().min(1).default('us-east-1').describe('AWS region'),
    endpoint: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null)
      .describe('S3-compatible endpoint URL (MinIO, R2…); null = AWS'),
    forcePathStyle: z.boolean().default(false).describe('Path-style URLs (most S3-compatible stores)'),
    sse: z.enum(SSE_MODES).default('none').describe('Server-side encryption: none, AES256 or aws:kms'),
    kmsKeyId: z.string().min(1).nullable().default(null).describe('KMS key for sse = aws:kms'),
    storageClass: z.enum(STORAGE_CLASSES).default('STANDARD').describe('Storage class of uploads'),
    credentialsFile: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('A 0600 JSON file with accessKeyId/secretAccessKey (else the AWS default chain)'),
    shareExpiresHours: z
      .number()
      .min(1 / 60)
      .max(168)
      .default(24)
      .describe('Lifetime of share links, in hours (max 168 = 7 days)'),
  })
  .prefault({});

/** Resolved `s3` settings. */
export type S3Settings = z.infer<typeof S3Settings>;

/** The `backup` settings: automatic uploads of snapshots to the `s3` bucket. */
export const BackupSettings = z
  .strictObject({
    everyHours: z
      .number()
      .min(0)
      .max(24 * 30)
      .default(0)
      .describe('Take and upload a snapshot every N hours (0 = off)'),
    onAlert: z.boolean().default(false).describe('Take and upload a snapshot whenever an alert fires'),
    encrypt: z.boolean().default(false).describe('Encrypt backups client-side (AES-256-GCM)'),
    keyFile: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('Encryption key file (autoinfrasnap key generate; default <data folder>/backup.key)'),
  })
  .prefault({});

/** Resolved `backup` settings. */
export type BackupSettings = z.infer<typeof BackupSettings>;

// Shapes the contract (shared/contract/api.ts) uses for S3: secrets go in, never come out.

/** What `snapshot:share` returns: the presigned link to the report and when it stops working. */
export const ShareResponse = z.object({
  url: z.string(),
  expires_at: z.number().int(),
  report_key: z.string(),
  sha256: z.string(),
});

/** What "Test connection" (`s3:test`) answers: ok, or the problem, its catalog key and the English line. */
export const ConnectionResponse = z.object({
  ok: z.boolean(),
  problem: z.string().nullable(),
  key: z.string(),
  params: z.record(z.string(), z.string()),
  message: z.string(),
});

/** One pending upload, as the app lists it. */
export const PendingUpload = z.object({
  id: z.string(),
  reason: z.enum(['backup', 'schedule', 'alert']),
  enqueued_at: z.number(),
  attempts: z.number().int(),
  next_at: z.number(),
  last_error: z.string().nullable(),
});

/** What `uploads:list` returns. */
export const UploadsResponse = z.object({ configured: z.boolean(), pending: z.array(PendingUpload) });

/** Where S3 keys come from, and whether they are only weakly protected (never the keys themselves). */
export const CredentialsStatus = z.object({
  source: z.enum(['keychain', 'file', 'chain']),
  stored: z.boolean(),
  /** Linux without a keyring: safeStorage fell back to `basic_text`; the UI shows a warning. */
  weak: z.boolean(),
  /** The access key id (not secret; helps tell keys apart), or null. */
  access_key_id: z.string().nullable(),
});

/** Keys typed into Settings (`s3:credentials:set`); null clears them (back to the AWS chain). */
export const CredentialsInput = z
  .object({
    accessKeyId: z.string().min(1).max(128),
    secretAccessKey: z.string().min(1).max(256),
    sessionToken: z.string().min(1).max(4096).optional(),
  })
  .nullable();
