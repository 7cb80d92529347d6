// `autoinfrasnap snap` runs from one CommonJS bundle compiled with a V8 code cache kept in the user's
// cache folder (bin/autoinfrasnap.js). The cache is an accelerator only: these tests check it is
// private, reused, replaced when damaged or untrusted, can be turned off, and that the fast path
// gives what the regular module graph gives. Real processes, the real built CLI.
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
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../helpers/cli.js';

const DIST = new URL('../../../dist/cli/', import.meta.url);
const schema = JSON.parse(
  readFileSync(new URL('../../../shared/snapshot/snapshot.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

let dir: string;
let env: NodeJS.ProcessEnv;
let cacheFile: string;
let bundle: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ais-fast-'));
  env = {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    AUTOINFRASNAP_STORE_DIR: join(dir, 'store'),
    NODE_DISABLE_COMPILE_CACHE: '',
  };
  bundle = (JSON.parse(readFileSync(new URL('fast-path.json', DIST), 'utf8')) as { snap: string }).snap;
  cacheFile = join(
    dir,
    'cache',
    'autoinfrasnap',
    'code-cache',
    `${bundle}.${process.version}.${process.arch}.v8`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SNAP = ['snap', '--window', '0', '--format', 'json', '--no-save'];

function snapshotOf(r: CliResult): Record<string, unknown> {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  return doc;
}

/** The regular module graph (dist/cli/index.js), as every other command runs. */
function runModuleGraph(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL('index.js', DIST).pathname, ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('snap fast path and its code cache', () => {
  it('is built as one bundle without the AWS SDK, the server or React', () => {
    expect(bundle).toMatch(/^snap-[0-9a-f]{16}\.cjs$/);
    const code = readFileSync(new URL(bundle, DIST), 'utf8');
    expect(code).toContain('autoinfrasnap');
    for (const heavy of ['@aws-sdk', 'react-dom', 'nodemailer', 'createServer('])
      expect(code, heavy).not.toContain(heavy);
  });

  it('writes a private cache on the first run and reuses it unchanged on the next', async () => {
    const first = snapshotOf(await runCli(SNAP, env));
    expect(first.errors).toEqual([]);
    const st = statSync(cacheFile);
    expect(st.mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'cache', 'autoinfrasnap', 'code-cache')).mode & 0o777).toBe(0o700);
    snapshotOf(await runCli(SNAP, env));
    const again = statSync(cacheFile);
    // Rewritten only when V8 rejects it: same inode and time mean it was accepted.
    expect([again.ino, again.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
  });

  it('replaces a damaged cache and ignores one others could have written', async () => {
    writeFileSync(cacheFile, Buffer.alloc(4096, 7), { mode: 0o600 });
    snapshotOf(await runCli(SNAP, env));
    expect(readFileSync(cacheFile).equals(Buffer.alloc(4096, 7))).toBe(false);

    chmodSync(cacheFile, 0o666);
    snapshotOf(await runCli(SNAP, env));
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600); // written anew, not read
  });

  it('loads zod only when a setting needs checking, from its own file and cache', async () => {
    const cacheDir = join(dir, 'cache-zod', 'autoinfrasnap', 'code-cache');
    const zodCaches = () =>
      existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => /^zod-[0-9a-f]{16}\.cjs\./.test(f)) : [];
    // No AUTOINFRASNAP_* variable either: any setting to check would need zod.
    const own = { ...env, XDG_CACHE_HOME: join(dir, 'cache-zod'), AUTOINFRASNAP_STORE_DIR: undefined };
    const bare = snapshotOf(await runCli(SNAP, own));
    expect(zodCaches()).toEqual([]); // no settings file: the precomputed defaults, no zod
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(cwd, 'autoinfrasnap.json'), '{"snapshot":{"topN":2}}');
    const configured = snapshotOf(await runCli(SNAP, own, cwd));
    expect(zodCaches()).toHaveLength(1); // the file was checked with zod, loaded on demand
    expect((configured.processes as { top_cpu: unknown[] }).top_cpu.length).toBeLessThanOrEqual(2);
    expect(Object.keys(configured)).toEqual(Object.keys(bare));
  });

  it('writes no cache with NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const off = { ...env, XDG_CACHE_HOME: join(dir, 'cache-off'), NODE_DISABLE_COMPILE_CACHE: '1' };
    snapshotOf(await runCli(SNAP, off));
    expect(existsSync(join(dir, 'cache-off'))).toBe(false);
  });

  it('gives what the module graph gives: the same document shape, errors and exit codes', async () => {
    const args = [...SNAP, '--only', 'host,cpu,memory,disks', '--top', '3'];
    const fast = snapshotOf(await runCli(args, env));
    const graph = snapshotOf(await runModuleGraph(args));
    expect(Object.keys(fast)).toEqual(Object.keys(graph));
    expect(fast.sections).toEqual(graph.sections);
    expect((fast.host as { hostname: string }).hostname).toBe((graph.host as { hostname: string }).hostname);
    expect(fast.tool).toEqual(graph.tool);

    const bad = await runCli(['snap', '--window', 'abc'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe((await runModuleGraph(['snap', '--window', 'abc'])).stderr);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const help = await runCli(['snap', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--window SECONDS');
  });
});
