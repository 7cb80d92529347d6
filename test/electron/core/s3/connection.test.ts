// "Test connection" against real endpoints on loopback: s3rver for the bucket, credential and clock
// cases, a closed port for an unreachable endpoint, and a tiny HTTP server answering as S3 does for a
// bucket in another region (s3rver has no regions). Nothing in the SDK is mocked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../../electron/core/s3/connection.js';
import { CHAIN_ONLY, type CredentialStore } from '../../../../electron/core/s3/credentials.js';
import { Settings } from '../../../../shared/settings/schema.js';
import { startS3, type S3Fixture } from '../../../fixtures/s3rver.js';

let s3: S3Fixture;
let creds: CredentialStore;
beforeAll(async () => {
  s3 = await startS3('ais-conn');
  creds = {
    ...CHAIN_ONLY,
    get: async () => ({ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }),
  };
});
afterAll(async () => {
  await s3.close();
});

describe('testConnection', () => {
  it('ok when the bucket is reachable and writable (the probe object is removed)', async () => {
    const r = await testConnection(s3.settings(), creds);
    expect(r).toMatchObject({ ok: true, problem: null });
    expect(r.message).toBe('Connected: bucket ais-conn is reachable and writable');
    const { S3Remote } = await import('../../../../electron/core/s3/client.js');
    const remote = new S3Remote(s3.settings().s3 as never, await creds.get());
    expect(await remote.list('')).toEqual([]);
    await remote.close();
  });

  it('no bucket', async () => {
    const r = await testConnection(s3.settings({ bucket: 'no-such-bucket' }), creds);
    expect(r).toMatchObject({ ok: false, problem: 'no_bucket' });
    expect(r.message).toBe('Bucket no-such-bucket does not exist: create it or fix s3.bucket');
  });

  // s3rver checks the access key id but does not verify SigV4 signatures (its source says
  // "unimplemented"), so an unknown key id stands in for a wrong secret: S3 answers 403 to both.
  it('access denied (an unknown access key), without the secret in the message', async () => {
    const wrong = 'WRONGsecretWRONGsecretWRONGsecret';
    const bad: CredentialStore = {
      ...CHAIN_ONLY,
      get: async () => ({ accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: wrong }),
    };
    const r = await testConnection(s3.settings(), bad);
    expect(r).toMatchObject({ ok: false, problem: 'access_denied' });
    expect(r.message).toMatch(/^Access denied to bucket ais-conn: check the access key/);
    expect(JSON.stringify(r)).not.toContain(wrong);
  });

  it('clock skew (this machine signs 30 minutes behind)', async () => {
    const r = await testConnection(s3.settings(), creds, { clockOffsetMs: -30 * 60_000 });
    expect(r).toMatchObject({ ok: false, problem: 'clock_skew' });
    expect(r.message).toMatch(/clock is off by more than 15 minutes/);
  });

  it('endpoint unreachable (nothing listens on the port)', async () => {
    const closed = createServer();
    await new Promise<void>((res) => closed.listen(0, '127.0.0.1', res));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((res) => closed.close(() => res()));
    const r = await testConnection(s3.settings({ endpoint: `http://127.0.0.1:${port}` }), creds);
    expect(r).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(r.message).toBe(
      `Cannot reach the S3 endpoint http://127.0.0.1:${port} (ECONNREFUSED): check s3.endpoint and the network`,
    );
  });

  describe('bad region', () => {
    let server: Server;
    let endpoint: string;
    beforeAll(async () => {
      // What S3 answers when a bucket lives in another region than the request was signed for.
      server = createServer((req, res) => {
        req.resume();
        res.writeHead(301, { 'content-type': 'application/xml', 'x-amz-bucket-region': 'eu-west-2' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Endpoint>ais-conn.s3.eu-west-2.amazonaws.com</Endpoint><Bucket>ais-conn</Bucket></Error>',
        );
      });
      await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((res) => server.close(() => res())));

    it('names the bucket’s region', async () => {
      const r = await testConnection(s3.settings({ endpoint }), creds);
      expect(r).toMatchObject({ ok: false, problem: 'bad_region' });
      expect(r.message).toBe(
        'Bucket ais-conn is in another region (eu-west-2): set s3.region to the bucket’s region',
      );
    });
  });

  it('not configured without a bucket', async () => {
    const r = await testConnection(Settings.parse({}), creds);
    expect(r).toMatchObject({ ok: false, problem: 'not_configured' });
    expect(r.message).toMatch(/^S3 is not configured: set s3.bucket/);
  });
});
