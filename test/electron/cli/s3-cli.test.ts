// The S3 commands as a user runs them: the built CLI as a real process, against s3rver on loopback.
// Every line any command prints is kept, and the last test asserts no credential ever appeared in one.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Remote, requireBucket } from '../../../electron/core/s3/client.js';
import { SnapshotStore } from '../../../electron/core/store/store.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { startS3, type S3Fixture } from '../../fixtures/s3rver.js';
import { snapshotAt } from '../core/s3/helpers.js';

let s3: S3Fixture;
let dir: string;
let store: SnapshotStore;
let env: NodeJS.ProcessEnv;
const ids: string[] = [];
const seen: string[] = [];
const day = 86_400_000;

async function cli(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const r = await runCli(args, { ...env, ...extra }, dir);
  seen.push(r.stdout, r.stderr);
  return r;
}

function expectOneLineError(r: CliResult, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  s3 = await startS3('ais-cli');
  dir = mkdtempSync(join(tmpdir(), 'ais-s3cli-'));
  store = new SnapshotStore(join(dir, 'store'), { retention: { maxCount: 1000, maxAgeDays: 0 } });
  const now = Date.now();
  for (const [age, host] of [
    [45, 'alpha'],
    [5, 'beta'],
    [1, 'alpha'],
  ] as const)
    ids.push((await store.save(snapshotAt(now - age * day, host))).id);
  env = {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    AUTOINFRASNAP_STORE_DIR: join(dir, 'store'),
    AUTOINFRASNAP_S3_BUCKET: s3.bucket,
    AUTOINFRASNAP_S3_ENDPOINT: s3.endpoint,
    AUTOINFRASNAP_S3_FORCE_PATH_STYLE: 'true',
    AUTOINFRASNAP_S3_PREFIX: 'cli',
    AUTOINFRASNAP_S3_SSE: 'AES256',
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bad input', () => {
  it('--expires: one line naming the value and the fix, exit 2', async () => {
    expectOneLineError(
      await cli(['share', '--expires', '8d']),
      2,
      /--expires "8d": a shared link can live at most 7 days/,
    );
    expectOneLineError(
      await cli(['share', '--expires', 'soon']),
      2,
      /--expires "soon": expected a duration such as 30m, 24h or 7d/,
    );
    expectOneLineError(await cli(['share', '--expires', '10s']), 2, /at least 1 minute/);
  });

  it('S3 not configured, in English and Korean', async () => {
    const off = { AUTOINFRASNAP_S3_BUCKET: undefined };
    expectOneLineError(await cli(['backup'], off), 2, /S3 is not configured: set s3.bucket/);
    expectOneLineError(await cli(['share', '--lang', 'ko'], off), 2, /S3 가 설정되지 않았습니다/);
  });

  it('remote usage errors', async () => {
    expectOneLineError(await cli(['remote']), 2, /remote needs a subcommand: list, get or prune/);
    expectOneLineError(await cli(['remote', 'prune']), 2, /needs --older-than/);
    expectOneLineError(
      await cli(['remote', 'prune', '--older-than', 'old']),
      2,
      /--older-than "old": expected a duration/,
    );
    expectOneLineError(
      await cli(['remote', 'list', '--since', 'yesterday']),
      2,
      /--since "yesterday": expected a date/,
    );
    expectOneLineError(await cli(['key']), 2, /key generate/);
  });
});

describe('share', () => {
  it('prints a presigned link to the HTML report that a plain GET downloads', async () => {
    const r = await cli(['share', 'latest', '--expires', '2h']);
    expect(r.code, r.stderr).toBe(0);
    const url = r.stdout.trim();
    expect(url.split('\n')).toHaveLength(1);
    expect(url).toContain(`/cli/alpha/`);
    expect(url).toContain(`${ids[2]}.html?`);
    expect(url).toContain('X-Amz-Expires=7200');
    expect(r.stderr).toMatch(new RegExp(`Shared snapshot ${ids[2]}; link valid until \\d{4}-`));
    expect(r.stderr).toMatch(/sha256 [0-9a-f]{64}/);
    const got = await fetch(url);
    expect(got.status).toBe(200);
    expect(await got.text()).toContain('alpha');
  });
});

describe('key, backup, remote', () => {
  it('key generate writes a 0600 key and prints its id; a second one needs --force', async () => {
    const r = await cli(['key', 'generate']);
    expect(r.code, r.stderr).toBe(0);
    const path = join(dir, 'config', 'AutoInfraSnap', 'backup.key');
    expect(r.stdout.trim()).toMatch(/^[0-9a-f]{16}$/);
    expect(r.stderr).toContain(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expectOneLineError(await cli(['key', 'generate']), 2, /already exists: pass --force/);
  });

  it('backup uploads every snapshot once, encrypted, with plain progress lines off a terminal', async () => {
    const r = await cli(['backup'], { AUTOINFRASNAP_BACKUP_ENCRYPT: 'true' });
    expect(r.stderr).toMatch(/Uploading 1\/3 /);
    expect(r.stderr).toMatch(/Uploaded 3 snapshot\(s\), 0 already there, 0 failed/);
    expect(r.code, r.stderr).toBe(0);
    const again = await cli(['backup'], { AUTOINFRASNAP_BACKUP_ENCRYPT: 'true' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Every local snapshot is already uploaded/);
    const puts = s3.requests.filter(
      (q) => q.method === 'PUT' && q.url.includes('.json.gz.enc') && q.status === 200,
    );
    expect(puts).toHaveLength(3);
    for (const p of puts) expect(p.headers['x-amz-server-side-encryption']).toBe('AES256');
  });

  it('remote list filters by host and date; JSON too', async () => {
    const all = await cli(['remote', 'list']);
    expect(all.code, all.stderr).toBe(0);
    // Three encrypted backups, and the plain JSON the share above uploaded beside its report.
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(ids[2]);
    const alpha = JSON.parse((await cli(['remote', 'list', '--host', 'alpha', '--format', 'json'])).stdout);
    expect([...new Set(alpha.map((e: { id: string }) => e.id))]).toEqual([ids[2], ids[0]]);
    expect(alpha.filter((e: { encrypted: boolean }) => !e.encrypted)).toHaveLength(1);
    const since = new Date(Date.now() - 10 * day).toISOString().slice(0, 10);
    const recent = JSON.parse((await cli(['remote', 'list', '--since', since, '--format', 'json'])).stdout);
    expect([...new Set(recent.map((e: { id: string }) => e.id))]).toEqual([ids[2], ids[1]]);
  });

  it('remote get decrypts and verifies; show and diff read the file', async () => {
    const r = await cli(['remote', 'get', ids[1]!.slice(0, 13), '-o', 'beta.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'beta.json'), 'utf8')).id).toBe(ids[1]);
    const gz = await cli(['remote', 'get', ids[0]!, '-o', 'alpha.json.gz']);
    expect(gz.code, gz.stderr).toBe(0);
    expect(readFileSync(join(dir, 'alpha.json.gz')).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const show = await cli(['show', 'beta.json', '--format', 'json']);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout).id).toBe(ids[1]);
    expect(await cli(['diff', 'alpha.json.gz', 'beta.json'])).toMatchObject({ code: 0 });
  });

  it('remote get with another key: one line naming the key id the backup needs', async () => {
    const keyPath = join(dir, 'config', 'AutoInfraSnap', 'backup.key');
    const wanted = JSON.parse(readFileSync(keyPath, 'utf8')).id as string;
    const other = join(dir, 'other.key');
    expect(await cli(['key', 'generate', '-o', other])).toMatchObject({ code: 0 });
    const r = await cli(['remote', 'get', ids[1]!], { AUTOINFRASNAP_BACKUP_KEY_FILE: other });
    expectOneLineError(
      r,
      2,
      new RegExp(`encrypted with key ${wanted}, but the key file has key [0-9a-f]{16}`),
    );
  });

  it('a corrupted object is detected on remote get (exit 4), never written out', async () => {
    const remote = new S3Remote(requireBucket(s3.settings({ prefix: 'cli' }).s3), {
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });
    const key = (await remote.list('cli/')).find(
      (o) => o.key.includes(ids[0]!) && o.key.endsWith('.enc'),
    )!.key;
    const { body, metadata } = await remote.get(key);
    body[60] = body[60]! ^ 0x01;
    await remote.put(key, body, { contentType: 'application/octet-stream', metadata });
    await remote.close();
    const r = await cli(['remote', 'get', ids[0]!, '-o', 'bad.json']);
    expectOneLineError(
      r,
      4,
      /Integrity check failed for s3:\/\/ais-cli\/cli\/alpha\/.*: the encrypted object was changed or damaged/,
    );
    expect(existsSync(join(dir, 'bad.json'))).toBe(false);
  });

  it('remote prune --older-than 30d removes only the old backup', async () => {
    const r = await cli(['remote', 'prune', '--older-than', '30d']);
    expect(r.code, r.stderr).toBe(0);
    // Kept: two encrypted backups, the shared report and its JSON.
    expect(r.stderr).toMatch(/Removed 1 object\(s\) older than 30 days \(4 kept\)/);
    const left = JSON.parse((await cli(['remote', 'list', '--format', 'json'])).stdout);
    expect([...new Set(left.map((e: { id: string }) => e.id))]).toEqual([ids[2], ids[1]]);
  });

  it('the endpoint down: backup exits 1, keeps the upload queued, and a later run uploads it', async () => {
    await store.save(snapshotAt(Date.now(), 'gamma'));
    await s3.pause();
    let down: CliResult;
    try {
      down = await cli(['backup']);
    } finally {
      await s3.resume();
    }
    expect(down.code, down.stderr).toBe(1);
    expect(down.stderr).toMatch(/Upload of .* failed \(Cannot reach the S3 endpoint .*\): it stays queued/);
    expect(down.stderr).toMatch(/Uploaded 0 snapshot\(s\), 0 already there, 1 failed/);
    const up = await cli(['backup']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toMatch(/Uploaded 1 snapshot\(s\)/);
  });

  it('backup killed (SIGKILL) mid-run: only confirmed uploads are marked, the rerun uploads the rest exactly once', async () => {
    const home = join(dir, 'crash-home');
    const crashStore = new SnapshotStore(join(home, 'store'), {
      retention: { maxCount: 1000, maxAgeDays: 0 },
    });
    for (let i = 0; i < 40; i++) await crashStore.save(snapshotAt(Date.now() - i * 60_000, 'crash'));
    const crashEnv = {
      ...env,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      AUTOINFRASNAP_STORE_DIR: join(home, 'store'),
      AUTOINFRASNAP_S3_PREFIX: 'crash',
      NO_COLOR: '1',
    };
    const okPuts = () =>
      s3.requests.filter(
        (q) => q.method === 'PUT' && q.url.startsWith(`/${s3.bucket}/crash/`) && q.status === 200,
      );
    const bin = fileURLToPath(new URL('../../../bin/autoinfrasnap.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'backup'], {
      cwd: dir,
      env: { ...process.env, ...crashEnv },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, sig) => resolve(sig)),
    );
    // Kill it as soon as a few uploads went through: the next one is in flight or about to be.
    const watcher = setInterval(() => okPuts().length >= 3 && child.kill('SIGKILL'), 2);
    const signal = await exited;
    clearInterval(watcher);
    expect(signal).toBe('SIGKILL');
    // The upload in flight when the client died may still be stored by the endpoint: wait until it has
    // been (or dropped), as a rerun minutes later would. A rerun racing it would upload it again.
    await s3.idle();

    const queue = join(home, 'config', 'AutoInfraSnap', 'uploads');
    // As the queue reads its folders: a killed atomic write leaves a dot-named .tmp file, never a record.
    const records = (sub: string) =>
      readdirSync(join(queue, sub))
        .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
        .map((n) => n.slice(0, -5));
    const done = records('done');
    const pending = records('pending');
    expect(done.length).toBeLessThan(40);
    // Every snapshot is accounted for. One may be both: killed between writing its done record and
    // removing its pending job (the rerun then only tidies it up).
    expect(new Set([...done, ...pending]).size).toBe(40);
    expect(done.filter((id) => pending.includes(id)).length).toBeLessThanOrEqual(1);
    // Every snapshot marked uploaded really is in the bucket.
    const uploadedIds = new Set(okPuts().map((q) => /([0-9a-f-]{36})\.json\.gz/.exec(q.url)![1]));
    for (const id of done) expect(uploadedIds.has(id)).toBe(true);

    const rerun = await cli(['backup'], crashEnv);
    expect(rerun.code, rerun.stderr).toBe(0);
    const puts = okPuts();
    expect(puts).toHaveLength(40);
    expect(new Set(puts.map((q) => q.url)).size).toBe(40);
    expect(records('pending')).toEqual([]);
  });

  // A terminal needs a pseudo-terminal: util-linux `script` gives the CLI one (skipped where it is missing).
  it.skipIf(!existsSync('/usr/bin/script'))('backup draws a progress bar on a terminal', async () => {
    await store.save(snapshotAt(Date.now(), 'delta'));
    const bin = fileURLToPath(new URL('../../../bin/autoinfrasnap.js', import.meta.url));
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('/usr/bin/script', ['-qec', `"${process.execPath}" "${bin}" backup`, '/dev/null'], {
        cwd: dir,
        env: { ...process.env, ...env, NO_COLOR: '1', TERM: 'xterm' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.stderr.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(text));
    });
    seen.push(out);
    expect(out).toContain('\r\x1b[K[########################] 1/1');
    expect(out).not.toMatch(/Uploading 1\/1/);
    expect(out).toMatch(/Uploaded 1 snapshot\(s\)/);
  });

  it('credentials from a 0600 file (s3.credentialsFile); a file others can read is refused', async () => {
    const file = join(dir, 's3-keys.json');
    writeFileSync(
      file,
      JSON.stringify({ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }),
      { mode: 0o600 },
    );
    const noChain = {
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AUTOINFRASNAP_S3_CREDENTIALS_FILE: file,
    };
    expect(await cli(['remote', 'list'], noChain)).toMatchObject({ code: 0 });
    chmodSync(file, 0o644);
    expectOneLineError(
      await cli(['remote', 'list'], noChain),
      2,
      /is readable by other users \(mode 0644\): run chmod 600/,
    );
  });
});

describe('lazy loading', () => {
  it('snap and --help never load the AWS SDK; share does', async () => {
    const log = join(dir, 'loads.log');
    const hook = join(dir, 'hook.mjs');
    // Records every @aws-sdk module resolved, through ES module hooks and CommonJS require alike.
    writeFileSync(
      hook,
      `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
const src = 'import { appendFileSync } from "node:fs"; export async function resolve(s, c, n) { if (s.startsWith("@aws-sdk/")) appendFileSync(process.env.AIS_LOADS, s + "\\\\n"); return n(s, c); }';
register('data:text/javascript,' + encodeURIComponent(src));
const Module = createRequire(import.meta.url)('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (String(request).startsWith('@aws-sdk/')) appendFileSync(process.env.AIS_LOADS, request + '\\n');
  return load.call(this, request, ...rest);
};
`,
    );
    const withHook = { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}`, AIS_LOADS: log };
    writeFileSync(log, '');
    expect(await cli(['--help'], withHook)).toMatchObject({ code: 0 });
    expect(
      (await cli(['snap', '--window', '0', '--only', 'cpu', '--no-save', '--format', 'json'], withHook)).code,
    ).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(await cli(['share', 'latest'], withHook)).toMatchObject({ code: 0 });
    expect(readFileSync(log, 'utf8')).toMatch(/@aws-sdk\/client-s3/);
  });
});

describe('secrets', () => {
  it('no credential appears in any line any command printed', () => {
    expect(seen.length).toBeGreaterThan(40);
    const all = seen.join('\n');
    expect(all).not.toContain(s3.secretAccessKey);
    const keyFile = JSON.parse(readFileSync(join(dir, 'config', 'AutoInfraSnap', 'backup.key'), 'utf8'))
      .key as string;
    expect(all).not.toContain(keyFile);
  });
});
