import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

let dir: string;
let store: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ais-cli-'));
  store = join(dir, 'store');
  // An isolated home: no user settings file, no stray autoinfrasnap.json.
  env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), AUTOINFRASNAP_STORE_DIR: store };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = JSON.parse(
  readFileSync(new URL('../../../shared/snapshot/snapshot.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

function expectOneLineError(
  r: { code: number | null; stderr: string; stdout: string },
  code: number,
  pattern: RegExp,
) {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('autoinfrasnap CLI: usage', () => {
  it('prints help with exit 0, and help with exit 2 when given nothing', async () => {
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: autoinfrasnap <command>');
    expect((await runCli([], env)).code).toBe(2);
    const snapHelp = await runCli(['snap', '--help'], env);
    expect(snapHelp.stdout).toContain('--window SECONDS');
  });

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect((await runCli(['--version'], env)).stdout.trim()).toBe(pkg.version);
  });

  it('rejects bad commands, flags and values with one line and exit 2', async () => {
    expectOneLineError(await runCli(['snapp'], env), 2, /unknown command "snapp"; did you mean "snap"\?/);
    expectOneLineError(
      await runCli(['snap', '--bogus'], env),
      2,
      /^autoinfrasnap: unknown option --bogus \(see --help\)$/m,
    );
    expectOneLineError(
      await runCli(['snap', '--window', 'abc'], env),
      2,
      /--window "abc": expected a number from 0 to 60/,
    );
    expectOneLineError(
      await runCli(['snap', '--top', '2.5'], env),
      2,
      /--top "2.5": expected a whole number/,
    );
    expectOneLineError(
      await runCli(['snap', '--format', 'xml'], env),
      2,
      /--format "xml": expected text, json/,
    );
    expectOneLineError(await runCli(['snap', '--only', 'cpu,gpu'], env), 2, /--only: unknown section "gpu"/);
  });

  it('says the same in Korean with --lang ko or a Korean locale', async () => {
    expectOneLineError(
      await runCli(['snapp', '--lang', 'ko'], env),
      2,
      /알 수 없는 명령 "snapp"; "snap"을\(를\) 뜻했나요\?/,
    );
    expectOneLineError(
      await runCli(['snap', '--window', 'abc'], { ...env, LANG: 'ko_KR.UTF-8' }),
      2,
      /--window "abc": 0에서 60 사이의 숫자여야 합니다/,
    );
    expectOneLineError(
      await runCli(['snap', '--lang', 'ko'], { ...env, AUTOINFRASNAP_SNAPSHOT_TOP_N: '0' }),
      2,
      /환경 변수의 설정 "snapshot.topN" 값이 잘못되었습니다: 1 이상이어야 합니다/,
    );
    expectOneLineError(await runCli(['show', 'deadbeef', '--lang', 'ko'], env), 3, /deadbeef/);
  });

  it('rejects a bad config key or value with one line naming it and exit 2', async () => {
    const cfg = join(dir, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ snapshot: { topn: 3 } }));
    expectOneLineError(
      await runCli(['snap', '--config', cfg], env),
      2,
      /unknown setting "snapshot.topn" in .*bad\.json; did you mean "snapshot.topN"\?/,
    );
    expectOneLineError(
      await runCli(['snap'], { ...env, AUTOINFRASNAP_SNAPSHOT_TOP_N: 'many' }),
      2,
      /AUTOINFRASNAP_SNAPSHOT_TOP_N="many" is not a number/,
    );
  });

  it('reports an unknown snapshot with exit 3 and a non-snapshot file with exit 4', async () => {
    expectOneLineError(await runCli(['show', 'deadbeef'], env), 3, /deadbeef/);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    expectOneLineError(await runCli(['show', junk], env), 4, /junk\.json/);
  });
});

describe('autoinfrasnap CLI: snapshots of this machine', () => {
  it('takes a snapshot that validates against the published JSON Schema, stores it, lists and shows it', async () => {
    const out = join(dir, 'snap.json');
    const r = await runCli(['snap', '--window', '0.2', '--format', 'json', '-o', out], env);
    expect(r.stderr).toMatch(/^autoinfrasnap: saved [0-9a-f-]{36} \(\d+ bytes\)\n$/);
    expect(r.code).toBe(0);
    const snap = JSON.parse(readFileSync(out, 'utf8')) as {
      id: string;
      errors: unknown[];
      host: { hostname: string };
    };
    expect(validate(snap), JSON.stringify(validate.errors)).toBe(true);
    expect(snap.errors).toEqual([]);

    const list = await runCli(['list', '--format', 'json'], env);
    const entries = JSON.parse(list.stdout) as Array<{ id: string }>;
    expect(entries[0]!.id).toBe(snap.id);
    const shown = await runCli(['show', 'latest', '--format', 'json'], env);
    expect(JSON.parse(shown.stdout)).toEqual(snap);
    const fromFile = await runCli(['show', out], env);
    expect(fromFile.stdout.split('\n')[0]).toMatch(/^(OK|WARNING|CRITICAL) /);
    expect(fromFile.stdout).toContain(snap.host.hostname);
  });

  it('prints the summary with the health line first, and honours --only and --no-save', async () => {
    const before = readdirSync(store, { recursive: true }).length;
    const r = await runCli(['snap', '--window', '0', '--only', 'host,memory,disks', '--no-save'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^(OK|WARNING|CRITICAL) {2}/);
    expect(lines.some((l) => l.startsWith('memory'))).toBe(true);
    expect(lines.some((l) => l.startsWith('processes'))).toBe(false);
    expect(readdirSync(store, { recursive: true }).length).toBe(before);
  });

  it('prints the JSON Schema', async () => {
    const r = await runCli(['schema'], env);
    expect(JSON.parse(r.stdout)).toEqual(schema);
  });
});

describe('redaction of a real running process', () => {
  const secrets = ['hunter2-Cli-Secret-91', 'Sup3r$ecretDbPw', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'];
  let child: ChildProcess;
  beforeAll(() => {
    child = spawn(
      process.execPath,
      [
        '-e',
        'setInterval(() => {}, 1000)',
        '--',
        `--password=${secrets[0]}`,
        `DB_PASSWORD=${secrets[1]}`,
        `--token`,
        secrets[2]!,
      ],
      { stdio: 'ignore' },
    );
  });
  afterAll(() => {
    child.kill('SIGKILL');
  });

  it('keeps the planted secrets out of every output, and shows them only with --no-redact', async () => {
    const args = ['snap', '--window', '0', '--top', '500', '--only', 'processes'];
    const json = await runCli([...args, '--format', 'json'], env);
    const text = await runCli(args, env);
    const stored = readdirSync(store, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json.gz'))
      .map((f) => gunzipSync(readFileSync(join(store, f))).toString())
      .join('\n');
    const snap = JSON.parse(json.stdout) as {
      redactions: { total: number };
      processes: { top_memory: Array<{ pid: number; command: string }> };
    };
    const mine = snap.processes.top_memory.find((p) => p.pid === child.pid);
    expect(mine?.command).toContain('--password=[REDACTED]');
    expect(snap.redactions.total).toBeGreaterThanOrEqual(3);
    for (const s of secrets) {
      expect(json.stdout).not.toContain(s);
      expect(text.stdout + text.stderr).not.toContain(s);
      expect(stored).not.toContain(s);
    }
    const raw = await runCli([...args, '--format', 'json', '--no-redact', '--no-save'], env);
    expect(raw.stderr).toContain('warning: redaction is off');
    for (const s of secrets) expect(raw.stdout).toContain(s);
  });
});
