// `autoinfrasnap check` and `baseline create` as a CI job runs them: the built CLI against this machine
// (a real TCP listener the test starts and stops), and against constructed snapshot files where the
// outcome must be exact. Every run has its own HOME, config folder and store.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBaseline } from '../../../shared/check/baseline.js';
import { Snapshot } from '../../../shared/snapshot/schema.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { webServer } from '../../shared/check/fixtures.js';
import { findAll, parseXml } from '../../shared/check/xml.js';

let dir: string;
let env: NodeJS.ProcessEnv;
let snapFile: string;
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/check/${name}`, import.meta.url));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ais-check-'));
  env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), LANG: 'en_US.UTF-8', LC_ALL: '' };
  snapFile = join(dir, 'web.json');
  writeFileSync(snapFile, JSON.stringify(Snapshot.parse(webServer())));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with the test's isolated home and store. */
const ais = (...args: string[]): Promise<CliResult> =>
  runCli([...args, '--store', join(dir, 'store')], env, dir);

function expectOneLine(r: CliResult, code: number, message: string | RegExp) {
  expect(r.code, r.stderr).toBe(code);
  if (typeof message === 'string') expect(r.stderr).toBe(`autoinfrasnap: ${message}\n`);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

/** A TCP listener on 127.0.0.1 on a free port, for as long as the test needs it. */
async function listen(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}
const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));

describe('check against this machine', () => {
  it('exits 0 when every rule passes and 1 when one fails', async () => {
    const ok = await ais('check', '--rule', 'memory.used_percent < 100');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^✔ memory\.used_percent < 100 +\d/);
    expect(ok.stdout).toContain('the rule passed');
    const bad = await ais(
      'check',
      '--rule',
      'memory.used_percent < 100',
      '--rule',
      'memory.used_percent < 0',
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^✘ memory\.used_percent < 0 +[\d.]+ is not < 0$/m);
    expect(bad.stdout).toContain('1 of 2 rules failed');
  });

  it('also evaluates the rules of the check.rules setting', async () => {
    const r = await runCli(['check', '--store', join(dir, 'store')], {
      ...env,
      AUTOINFRASNAP_CHECK_RULES: '["memory.used_percent < 0"]',
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^✘ memory\.used_percent < 0 .*\[settings\]$/m);
  });

  it('sees a port this test listens on, and fails !port while it does', async () => {
    const { port, server } = await listen();
    try {
      const present = await ais('check', '--rule', `port ${port}`);
      expect(present.code, present.stdout).toBe(0);
      expect(present.stdout).toContain('127.0.0.1');
      const forbidden = await ais('check', '--rule', `!port ${port}`);
      expect(forbidden.code).toBe(1);
      expect(forbidden.stdout).toContain(`${port}/tcp is listening on 127.0.0.1`);
    } finally {
      await close(server);
    }
  });

  it('baseline create records a listener; once it stops, check --baseline fails naming the port', async () => {
    const file = join(dir, 'baseline.json');
    const { port, server } = await listen();
    let created: CliResult;
    try {
      created = await ais('baseline', 'create', '-o', file);
    } finally {
      await close(server);
    }
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/^autoinfrasnap: baseline of .+: \d+ rules \(\d+ ports, /);
    const baseline = JSON.parse(readFileSync(file, 'utf8')) as { kind: string; rules: string[] };
    expect(baseline.kind).toBe('autoinfrasnap-baseline');
    expect(baseline.rules).toContain(`port ${port}`);
    const r = await ais('check', '--baseline', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`^✘ port ${port} +nothing listens on ${port}/tcp \\[baseline\\]$`, 'm'),
    );
  });

  it('does not keep a fresh snapshot unless --save', async () => {
    await ais('check', '--rule', 'memory.used_percent < 100');
    expect((await ais('list', '--format', 'json')).stdout.trim()).toBe('[]');
    const saved = await ais('check', '--rule', 'memory.used_percent < 100', '--save');
    expect(saved.stderr).toMatch(/^autoinfrasnap: saved [0-9a-f-]{36}\n$/);
    expect(JSON.parse((await ais('list', '--format', 'json')).stdout)).toHaveLength(1);
  });
});

describe('bad usage exits 2 with one line', () => {
  it.each([
    [
      ['--rule', 'cpu.load_1 < 4', '--rule', 'disks[/].used < 85'],
      'rule 2 "disks[/].used < 85": expected a quoted key after "[" at column 7',
    ],
    [[], 'no rules to check: give --rule RULE (repeatable) or --baseline FILE (see --help)'],
    [['--rule', 'port 1', '--format', 'xml'], '--format "xml": expected text, json, junit, github, markdown'],
    [['--rule', 'port 1', '--window', 'soon'], '--window "soon": expected a number from 0 to 60'],
    [
      ['--baseline', fixture('bad-rules.json')],
      /bad-rules\.json: not a valid baseline: rules\[1\]: Invalid input: expected string/,
    ],
    [
      ['--baseline', fixture('snapshot-not-baseline.json')],
      /not an autoinfrasnap baseline \(expected "kind": "autoinfrasnap-baseline"\)/,
    ],
    [
      ['--baseline', fixture('unparsable-rule.json')],
      /unparsable-rule\.json: rule 2 "port 22\/sctp": expected tcp or udp after "\/" at column 9\n$/,
    ],
  ])('check %j', async (args, message) => {
    expectOneLine(await ais('check', ...(args as string[])), 2, message);
  });

  it('a missing baseline is not found (3); baseline needs create (2)', async () => {
    expectOneLine(await ais('check', '--baseline', 'nope.json'), 3, 'nope.json: no such file');
    expectOneLine(await ais('baseline'), 2, 'baseline needs a subcommand: create (see --help)');
    expectOneLine(await ais('baseline', 'make'), 2, 'baseline needs a subcommand: create (see --help)');
  });

  it('says it in Korean with --lang ko', async () => {
    expectOneLine(
      await ais('check', '--lang', 'ko', '--rule', 'disks[/].used < 85'),
      2,
      '규칙 1 "disks[/].used < 85": 7열: "[" 뒤에 따옴표로 감싼 키가 와야 합니다',
    );
  });
});

describe('check against a snapshot file', () => {
  const rules = [
    '--rule',
    'port 443',
    '--rule',
    'port 8080',
    '--rule',
    'container web',
    '--rule',
    'service mysql',
  ];

  it('writes JUnit XML that parses, with a case per rule and a failure per failed rule', async () => {
    const out = join(dir, 'check.xml');
    const r = await ais('check', '--snapshot', snapFile, ...rules, '--format', 'junit', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('autoinfrasnap: 2 of 4 rules failed\n');
    const root = parseXml(readFileSync(out, 'utf8'));
    expect(findAll(root, 'testsuite')).toHaveLength(1);
    expect(findAll(root, 'testcase')).toHaveLength(4);
    expect(findAll(root, 'failure').map((f) => f.attrs.message)).toEqual([
      'nothing listens on 8080/tcp',
      'service mysql.service is failed',
    ]);
  });

  it('writes GitHub workflow commands', async () => {
    const r = await ais('check', '--snapshot', snapFile, ...rules, '--format', 'github');
    const lines = r.stdout.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    for (const l of commands) expect(l).toMatch(/^::(group|endgroup|error|notice)( title=[^:,]*)?::/);
    expect(commands).toContain('::error title=port 8080::nothing listens on 8080/tcp');
    expect(lines.at(-1)).toMatch(
      /^::notice title=autoinfrasnap check::2 of 4 rules failed · snapshot 0196b7c4 of web-1/,
    );
  });

  it('fails new listening ports with --strict against a baseline of the same machine minus one port', async () => {
    const b = createBaseline(webServer());
    const file = join(dir, 'strict.json');
    writeFileSync(file, JSON.stringify({ ...b, rules: b.rules.filter((x) => x !== 'port 5432') }));
    expect((await ais('check', '--snapshot', snapFile, '--baseline', file)).code).toBe(0);
    const strict = await ais(
      'check',
      '--snapshot',
      snapFile,
      '--baseline',
      file,
      '--strict',
      '--format',
      'json',
    );
    expect(strict.code).toBe(1);
    const doc = JSON.parse(strict.stdout) as {
      failed: number;
      rules: Array<{ rule: string; reason_code: string }>;
    };
    expect(doc.failed).toBe(1);
    expect(doc.rules.at(-1)).toMatchObject({ rule: '!port 5432', reason_code: 'port_new' });
  });

  it('creates a baseline from a snapshot file, as createBaseline does', async () => {
    const file = join(dir, 'from.json');
    const r = await ais('baseline', 'create', '--from', snapFile, '-o', file);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(createBaseline(webServer()));
    expect(r.stderr).toBe(
      'autoinfrasnap: baseline of web-1: 15 rules (5 ports, 1 containers, 3 services, 6 processes)\n',
    );
  });

  it('reports in Korean with --lang ko', async () => {
    const r = await ais('check', '--lang', 'ko', '--snapshot', snapFile, ...rules);
    expect(r.stdout).toContain('8080/tcp에서 수신 대기하는 것이 없습니다');
    expect(r.stdout).toContain('규칙 4개 중 2개 실패');
  });
});
