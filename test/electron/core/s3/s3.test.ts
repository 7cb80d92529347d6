// Against a real S3 wire endpoint (s3rver on loopback); the AWS SDK speaks HTTP to it, nothing is mocked.
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n/index.js';
import { newKey } from '../../../../electron/core/crypto/keyfile.js';
import { S3Remote, requireBucket } from '../../../../electron/core/s3/client.js';
import { parseSnapshotKey, snapshotKey } from '../../../../electron/core/s3/keys.js';
import { getRemote, listRemote, pruneRemote } from '../../../../electron/core/s3/remote.js';
import { shareSnapshot } from '../../../../electron/core/s3/share.js';
import { sha256Hex, uploadSnapshot } from '../../../../electron/core/s3/upload.js';
import { encodeSnapshot } from '../../../../electron/core/store/file.js';
import { startS3, type S3Fixture } from '../../../fixtures/s3rver.js';
import { snapshotAt } from './helpers.js';

let s3: S3Fixture;
const remotes: S3Remote[] = [];
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3.close();
});
afterEach(async () => {
  for (const r of remotes.splice(0)) await r.close();
});

function remote(over: Record<string, unknown> = {}, opts = {}): S3Remote {
  const r = new S3Remote(
    requireBucket(s3.settings(over).s3),
    { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    { maxAttempts: 1, ...opts },
  );
  remotes.push(r);
  return r;
}

const meta = (s: ReturnType<typeof snapshotAt>) => ({
  id: s.id,
  taken_at: s.taken_at,
  hostname: s.host?.hostname ?? null,
  schema_version: s.schema_version,
});

describe('backup uploads', () => {
  it('puts the snapshot at <prefix>/<host>/<YYYY>/<MM>/<DD>/<id>.json.gz with its metadata and SSE headers', async () => {
    const snap = snapshotAt(Date.UTC(2026, 0, 31, 23, 59, 0), 'db 1');
    const gz = await encodeSnapshot(snap);
    const r = remote({ sse: 'AES256', storageClass: 'STANDARD_IA', prefix: 'team/ais' });
    const res = await uploadSnapshot(r, meta(snap), gz);
    expect(res.key).toBe(`team/ais/db_1/2026/01/31/${snap.id}.json.gz`);
    expect(res.status).toBe('uploaded');
    const put = s3.requests.find((q) => q.method === 'PUT' && q.url.includes(snap.id));
    expect(put?.status).toBe(200);
    expect(put?.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(put?.headers['x-amz-storage-class']).toBe('STANDARD_IA');
    expect(put?.headers['x-amz-meta-host']).toBe('db 1');
    expect(put?.headers['x-amz-meta-taken_at']).toBe(snap.taken_at);
    expect(put?.headers['x-amz-meta-schema_version']).toBe('1');
    expect(put?.headers['x-amz-meta-sha256']).toBe(sha256Hex(gz));
    const got = await r.get(res.key);
    expect(got.body.equals(gz)).toBe(true);
    expect(got.metadata.sha256).toBe(sha256Hex(gz));
  });

  it('sends aws:kms with the key id', async () => {
    const snap = snapshotAt(Date.UTC(2026, 1, 1));
    await uploadSnapshot(
      remote({ sse: 'aws:kms', kmsKeyId: 'alias/ais' }),
      meta(snap),
      await encodeSnapshot(snap),
    );
    const put = s3.requests.find((q) => q.method === 'PUT' && q.url.includes(snap.id));
    expect(put?.headers['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(put?.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe('alias/ais');
  });

  it('is idempotent by checksum: a second upload of the same bytes only HEADs', async () => {
    const snap = snapshotAt(Date.UTC(2026, 1, 2));
    const gz = await encodeSnapshot(snap);
    const r = remote();
    expect((await uploadSnapshot(r, meta(snap), gz)).status).toBe('uploaded');
    expect((await uploadSnapshot(r, meta(snap), gz)).status).toBe('skipped');
    const puts = s3.requests.filter((q) => q.method === 'PUT' && q.url.includes(snap.id));
    expect(puts).toHaveLength(1);
  });

  it('uploads a large object in parts (multipart) and it reads back whole', async () => {
    const r = remote({}, { partSize: 5 * 1024 * 1024 });
    const big = Buffer.alloc(11 * 1024 * 1024, 7);
    await r.put('ais/big.bin', big, {
      contentType: 'application/octet-stream',
      metadata: { sha256: sha256Hex(big) },
    });
    const parts = s3.requests.filter(
      (q) => q.method === 'PUT' && q.url.includes('big.bin') && q.url.includes('partNumber='),
    );
    expect(parts.length).toBe(3);
    expect(sha256Hex((await r.get('ais/big.bin')).body)).toBe(sha256Hex(big));
  });

  it('encrypted backups get .enc, decrypt on get, and the key id is in the metadata', async () => {
    const key = newKey();
    const snap = snapshotAt(Date.UTC(2026, 1, 3));
    const gz = await encodeSnapshot(snap);
    const r = remote({ prefix: 'enc' });
    const res = await uploadSnapshot(r, meta(snap), gz, key);
    expect(res.key.endsWith(`${snap.id}.json.gz.enc`)).toBe(true);
    const raw = await r.get(res.key);
    expect(raw.body.subarray(0, 4).toString()).toBe('AISE');
    expect(raw.body.includes(gz.subarray(10, 40))).toBe(false);
    expect(raw.metadata['key-id']).toBe(key.id);
    const back = await getRemote(r, snap.id, key);
    expect(back.gz.equals(gz)).toBe(true);
    expect(JSON.parse(gunzipSync(back.gz).toString()).id).toBe(snap.id);
    // The wrong key: one line naming the key the object needs.
    await expect(getRemote(r, snap.id, newKey())).rejects.toThrow(new RegExp(`encrypted with key ${key.id}`));
    // Idempotent for encrypted objects too, although every encryption has a fresh nonce.
    expect((await uploadSnapshot(r, meta(snap), gz, key)).status).toBe('skipped');
  });
});

describe('remote list, get, prune', () => {
  it('lists by host and date, detects a corrupted object, prunes only what is old and ours', async () => {
    const r = remote({ prefix: 'rl' });
    const day = 86_400_000;
    const now = Date.UTC(2026, 5, 30, 12);
    const old = snapshotAt(now - 40 * day, 'alpha');
    const mid = snapshotAt(now - 10 * day, 'beta');
    const fresh = snapshotAt(now - 1 * day, 'alpha');
    for (const s of [old, mid, fresh]) await uploadSnapshot(r, meta(s), await encodeSnapshot(s));
    await r.put('rl/README.txt', Buffer.from('not ours'), { contentType: 'text/plain', metadata: {} });
    await r.put('rl-other/x.json.gz', Buffer.from('x'), { contentType: 'text/plain', metadata: {} });

    expect((await listRemote(r)).map((e) => e.id)).toEqual([fresh.id, mid.id, old.id]);
    expect((await listRemote(r, { host: 'alpha' })).map((e) => e.id)).toEqual([fresh.id, old.id]);
    expect((await listRemote(r, { since: now - 20 * day })).map((e) => e.id)).toEqual([fresh.id, mid.id]);

    // Corrupt one object behind our back: same key and metadata, one byte changed.
    const key = snapshotKey('rl', 'beta', mid.taken_at, mid.id, false);
    const { body, metadata } = await r.get(key);
    body[body.length - 5] = body[body.length - 5]! ^ 0xff;
    await r.put(key, body, { contentType: 'application/gzip', metadata });
    await expect(getRemote(r, mid.id.slice(0, 13), undefined)).rejects.toThrow(/is damaged: its SHA-256 is/);

    const res = await pruneRemote(r, 30 * day, now);
    expect(res).toEqual({ removed: 1, kept: 2 });
    const left = (await r.list('rl')).map((o) => o.key).sort();
    expect(left).toContain('rl/README.txt');
    expect(left).toContain('rl-other/x.json.gz');
    expect(left.some((k) => k.includes(old.id))).toBe(false);
    expect(left.filter((k) => parseSnapshotKey('rl', k))).toHaveLength(2);
  });
});

describe('share', () => {
  it('returns a presigned URL a plain HTTP GET downloads, and the report carries the redaction summary', async () => {
    const r = remote({ prefix: 'sh' });
    const snap = snapshotAt(Date.now());
    const res = await shareSnapshot(r, snap, { expiresIn: 3600, t: createTranslator('en') });
    expect(res.reportKey).toMatch(new RegExp(`^sh/web-1/\\d{4}/\\d{2}/\\d{2}/${snap.id}\\.html$`));
    expect(res.jsonKey).toBe(res.reportKey.replace(/\.html$/, '.json.gz'));
    expect(res.url.startsWith(`${s3.endpoint}/${s3.bucket}/${res.reportKey}?`)).toBe(true);
    expect(res.url).toContain('X-Amz-Expires=3600');
    expect(res.url).not.toContain(s3.secretAccessKey);
    const got = await fetch(res.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await got.text();
    expect(html).toContain(snap.host!.hostname);
    expect(html).toContain('Redaction was on; nothing needed redacting.');
    // The report names the SHA-256 of the JSON shared beside it, and that is the JSON's real digest.
    expect(html).toContain(`SHA-256 of the snapshot file: ${res.sha256}`);
    expect(sha256Hex((await r.get(res.jsonKey)).body)).toBe(res.sha256);
    // (s3rver has no ACLs, so an unsigned GET is not refused here as real S3 refuses it: not asserted.)
  });

  it('stops working after expiry (presigned in the past, so no sleeping), and s3rver really refuses it', async () => {
    const r = remote({ prefix: 'sh' });
    const snap = snapshotAt(Date.now());
    const past = new Date(Date.now() - 2 * 3600_000);
    const res = await shareSnapshot(r, snap, {
      expiresIn: 3600,
      t: createTranslator('en'),
      signingDate: past,
    });
    expect(res.expiresAt).toBeLessThan(Date.now());
    const got = await fetch(res.url);
    expect(got.status).toBe(403);
    expect(await got.text()).toMatch(/Request has expired/);
    // Same object, a live link: so the 403 above is the expiry, not a missing object.
    const live = await r.presign(res.reportKey, 60);
    expect((await fetch(live)).status).toBe(200);
  });
});
