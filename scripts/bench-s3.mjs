// `node scripts/bench-s3.mjs`: backup upload speed to a local S3 endpoint (s3rver on 127.0.0.1, in this
// process), with and without client-side encryption. Takes one real snapshot of this machine, makes 100
// copies with fresh ids (gzipped as the store keeps them), then uploads them in interleaved rounds
// (plain, encrypted, plain, …): each upload is what `autoinfrasnap backup` does (HEAD for the checksum,
// then PUT with metadata). Prints the medians: snapshots per second, bytes per second, and the
// encryption overhead (target ≤ 10 %; exit 1 when missed). Not a test: numbers vary with the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';

const N = Number(process.env.BENCH_S3_COUNT ?? 100);
const ROUNDS = Number(process.env.BENCH_S3_ROUNDS ?? 5);
const TARGET_OVERHEAD = 0.1;
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ais-bench-s3-'));
const require = createRequire(import.meta.url);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const entry = `
export { takeSnapshot } from './electron/core/snapshot/build.ts';
export { encodeSnapshot } from './electron/core/store/file.ts';
export { S3Remote } from './electron/core/s3/client.ts';
export { uploadSnapshot } from './electron/core/s3/upload.ts';
export { newKey } from './electron/core/crypto/keyfile.ts';
export { encrypt } from './electron/core/crypto/envelope.ts';
export { Settings } from './shared/settings/schema.ts';
export { v7 } from 'uuid';
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mib = (b) => `${(b / 1024 / 1024).toFixed(2)} MiB`;

let server;
let app;
try {
  const outfile = join(dir, 'bench-entry.mjs');
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['dockerode', 'systeminformation', 'electron'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const m = await import(pathToFileURL(outfile).href);

  // The endpoint: s3rver with its own random key pair.
  const S3rver = require('s3rver');
  const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account');
  const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(30).toString('base64url');
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  app = new S3rver({
    directory: join(dir, 's3'),
    silent: true,
    vhostBuckets: false,
    port: 0,
    address: '127.0.0.1',
  });
  app.reset = () => undefined;
  await app.store.putBucket('bench');
  const { createServer } = await import('node:http');
  server = createServer(app.callback());
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${server.address().port}`;

  const base = await m.takeSnapshot({
    windowMs: 0,
    topN: 15,
    redaction: { enabled: true },
    version: 'bench',
  });
  const t0 = Date.now();
  const copies = [];
  for (let i = 0; i < N; i++) {
    const s = {
      ...base,
      id: m.v7({ msecs: t0 - i * 60_000 }),
      taken_at: new Date(t0 - i * 60_000).toISOString(),
    };
    copies.push({
      meta: {
        id: s.id,
        taken_at: s.taken_at,
        hostname: s.host?.hostname ?? null,
        schema_version: s.schema_version,
      },
      gz: await m.encodeSnapshot(s),
    });
  }
  const avg = copies.reduce((a, c) => a + c.gz.length, 0) / N;
  const key = m.newKey();

  const run = async (prefix, encrypted) => {
    const settings = m.Settings.parse({ s3: { bucket: 'bench', endpoint, forcePathStyle: true, prefix } }).s3;
    const remote = new m.S3Remote(settings, { accessKeyId, secretAccessKey });
    let bytes = 0;
    const start = process.hrtime.bigint();
    for (const c of copies)
      bytes += (await m.uploadSnapshot(remote, c.meta, c.gz, encrypted ? key : undefined)).bytes;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    await remote.close();
    return { ms, bytes };
  };

  await run('warmup', false); // connections, JIT, s3rver's folders
  const plain = [];
  const enc = [];
  // Alternate which goes first, so neither gains from a warmer endpoint or pays for a fuller one.
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2) enc.push(await run(`enc-${r}`, true));
    plain.push(await run(`plain-${r}`, false));
    if (r % 2 === 0) enc.push(await run(`enc-${r}`, true));
  }
  // The cost of encryption alone, per snapshot, without the network.
  const cryptoStart = process.hrtime.bigint();
  for (const c of copies) m.encrypt(c.gz, key);
  const cryptoMs = Number(process.hrtime.bigint() - cryptoStart) / 1e6 / N;

  const report = (label, runs) => {
    const ms = median(runs.map((x) => x.ms));
    const bytes = median(runs.map((x) => x.bytes));
    console.log(
      `${label.padEnd(10)} ${String(N)} uploads in ${ms.toFixed(0)} ms: ${((N * 1000) / ms).toFixed(1)} snapshots/s, ${mib((bytes * 1000) / ms)}/s`,
    );
    return ms;
  };
  console.log(
    `bench-s3: ${N} snapshots of ${(avg / 1024).toFixed(1)} KiB (gzipped) to s3rver on ${endpoint}, median of ${ROUNDS} interleaved rounds`,
  );
  const pMs = report('plain', plain);
  const eMs = report('encrypted', enc);
  // Each round's encrypted run against the same round's plain run: paired, so load elsewhere on the
  // machine (which swings whole rounds) cancels out better than a ratio of medians.
  const overhead = median(enc.map((e, i) => e.ms / plain[i].ms)) - 1;
  const perUpload = pMs / N;
  console.log(
    `AES-256-GCM alone: ${cryptoMs.toFixed(3)} ms per snapshot = ${((cryptoMs / perUpload) * 100).toFixed(2)} % of one plain upload (${perUpload.toFixed(1)} ms)`,
  );
  console.log(
    `encryption overhead: ${(overhead * 100).toFixed(1)} % (median of per-round encrypted/plain; medians ${(eMs / pMs).toFixed(3)}; target ≤ ${TARGET_OVERHEAD * 100} %)`,
  );
  if (overhead > TARGET_OVERHEAD) process.exitCode = 1;
} finally {
  if (server) await new Promise((r) => server.close(r));
  app?.logger?.exceptions?.unhandle?.();
  app?.logger?.close?.();
  rmSync(dir, { recursive: true, force: true });
}
