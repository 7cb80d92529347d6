import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../../shared/settings/s3.js';
import { isUserError } from '../errors.js';
import { userError } from '../messages.js';
import type { S3Keys } from './credentials.js';
import { s3UserError } from './errors.js';

/** One object in a listing. */
export interface RemoteObject {
  key: string;
  size: number;
  lastModified: number;
}

/** What an upload sends besides the bytes. */
export interface PutOptions {
  contentType: string;
  contentEncoding?: string;
  metadata: Record<string, string>;
}

/** Client options tests and the connection test tune. */
export interface RemoteOptions {
  /** Attempts per request, with the SDK's exponential backoff between them (default 3). */
  maxAttempts?: number;
  /** Milliseconds added to this machine's clock when signing (the SDK's systemClockOffset). */
  clockOffsetMs?: number;
  /** Multipart part size; objects larger than one part are uploaded in parts (default 8 MiB). */
  partSize?: number;
}

/** S3 settings with a bucket (checked by {@link requireBucket}). */
export type S3Target = S3Settings & { bucket: string };

/** Throws the "S3 is not configured" user error unless a bucket is set. */
export function requireBucket(s: S3Settings): S3Target {
  if (!s.bucket) throw userError('config', 's3.not_configured');
  return s as S3Target;
}

/**
 * The S3 operations AutoInfraSnap uses, over the AWS SDK, which is imported on first use only: taking
 * a snapshot or printing help never loads it. Every failure becomes a one-line UserError (see errors.ts).
 */
export class S3Remote {
  private client: Promise<S3Client> | undefined;
  readonly endpointLabel: string;

  constructor(
    readonly settings: S3Target,
    private readonly keys: S3Keys | null,
    private readonly opts: RemoteOptions = {},
  ) {
    this.endpointLabel = settings.endpoint ?? `s3.${settings.region}.amazonaws.com`;
  }

  /** The SDK client, created once. */
  sdk(): Promise<S3Client> {
    this.client ??= (async () => {
      // The SDK's multi-line notice about its future Node requirement is for developers; a user of
      // this tool can do nothing about it, and it would break the one-line output. Unless set otherwise.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
      const { S3Client } = await import('@aws-sdk/client-s3');
      const s = this.settings;
      return new S3Client({
        region: s.region,
        ...(s.endpoint ? { endpoint: s.endpoint } : {}),
        forcePathStyle: s.forcePathStyle,
        ...(this.keys ? { credentials: { ...this.keys } } : {}),
        maxAttempts: this.opts.maxAttempts ?? 3,
        ...(this.opts.clockOffsetMs ? { systemClockOffset: this.opts.clockOffsetMs } : {}),
        // Many S3-compatible stores reject the SDK's default CRC trailers; integrity is ours anyway
        // (the sha256 in each object's metadata, checked on download).
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { connectionTimeout: 5000, requestTimeout: 60_000 },
      });
    })();
    return this.client;
  }

  /** Runs one SDK call, turning its failure into the user's one-line error. */
  private async run<T>(fn: (c: S3Client, sdk: typeof S3Sdk) => Promise<T>): Promise<T> {
    try {
      const [c, sdk] = await Promise.all([this.sdk(), import('@aws-sdk/client-s3')]);
      return await fn(c, sdk);
    } catch (err) {
      if (isUserError(err)) throw err;
      throw s3UserError(err, { bucket: this.settings.bucket, endpoint: this.endpointLabel });
    }
  }

  /** Uploads one object (multipart when larger than a part), with the configured SSE and storage class. */
  async put(key: string, body: Uint8Array, o: PutOptions): Promise<void> {
    const s = this.settings;
    await this.run(async (client) => {
      const { Upload } = await import('@aws-sdk/lib-storage');
      const up = new Upload({
        client,
        partSize: this.opts.partSize ?? 8 * 1024 * 1024,
        queueSize: 2,
        leavePartsOnError: false,
        params: {
          Bucket: s.bucket,
          Key: key,
          Body: body,
          ContentType: o.contentType,
          ...(o.contentEncoding ? { ContentEncoding: o.contentEncoding } : {}),
          Metadata: o.metadata,
          ...(s.storageClass !== 'STANDARD' ? { StorageClass: s.storageClass } : {}),
          ...(s.sse === 'none' ? {} : { ServerSideEncryption: s.sse }),
          ...(s.sse === 'aws:kms' && s.kmsKeyId ? { SSEKMSKeyId: s.kmsKeyId } : {}),
        },
      });
      await up.done();
    });
  }

  /** The user metadata of an object, or null when there is none under `key`. */
  async head(key: string): Promise<Record<string, string> | null> {
    return this.run(async (c, sdk) => {
      try {
        const r = await c.send(new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
        return r.Metadata ?? {};
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === 'NotFound' || e.name === 'NoSuchKey') return null;
        // HEAD has no body: a 404 on a missing bucket looks the same; ListObjects tells them apart.
        throw err;
      }
    });
  }

  /** Downloads an object: its bytes and user metadata. */
  async get(key: string): Promise<{ body: Buffer; metadata: Record<string, string> }> {
    return this.run(async (c, sdk) => {
      const r = await c.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      const bytes = await r.Body!.transformToByteArray();
      return { body: Buffer.from(bytes), metadata: r.Metadata ?? {} };
    });
  }

  /** Every object under a key prefix (all pages). */
  async list(prefix: string): Promise<RemoteObject[]> {
    return this.run(async (c, sdk) => {
      const out: RemoteObject[] = [];
      let token: string | undefined;
      do {
        const r = await c.send(
          new sdk.ListObjectsV2Command({
            Bucket: this.settings.bucket,
            Prefix: prefix,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const o of r.Contents ?? [])
          if (o.Key)
            out.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified?.getTime() ?? 0 });
        token = r.IsTruncated ? r.NextContinuationToken : undefined;
      } while (token);
      return out;
    });
  }

  /** Deletes objects, a thousand per request. */
  async delete(keys: string[]): Promise<void> {
    await this.run(async (c, sdk) => {
      for (let i = 0; i < keys.length; i += 1000) {
        const chunk = keys.slice(i, i + 1000);
        const r = await c.send(
          new sdk.DeleteObjectsCommand({
            Bucket: this.settings.bucket,
            Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = r.Errors?.[0];
        if (failed)
          throw Object.assign(new Error(failed.Message ?? 'delete failed'), { name: failed.Code ?? 'Error' });
      }
    });
  }

  /** A presigned GET URL valid for `expiresIn` seconds from `signingDate` (default now). */
  async presign(key: string, expiresIn: number, signingDate?: Date): Promise<string> {
    return this.run(async (c, sdk) => {
      const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
      return getSignedUrl(c, new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }), {
        expiresIn,
        ...(signingDate ? { signingDate } : {}),
      });
    });
  }

  /** Lists one key (checks bucket, region, credentials and clock), then writes and deletes a probe. */
  async probe(): Promise<void> {
    await this.run(async (c, sdk) => {
      const s = this.settings;
      await c.send(new sdk.ListObjectsV2Command({ Bucket: s.bucket, Prefix: `${s.prefix}/`, MaxKeys: 1 }));
      const key = `${s.prefix ? `${s.prefix}/` : ''}.autoinfrasnap-probe`;
      await c.send(new sdk.PutObjectCommand({ Bucket: s.bucket, Key: key, Body: 'ok' }));
      await c.send(new sdk.DeleteObjectCommand({ Bucket: s.bucket, Key: key }));
    });
  }

  /** Closes the SDK's sockets. */
  async close(): Promise<void> {
    if (this.client) (await this.client.catch(() => undefined))?.destroy();
    this.client = undefined;
  }
}
