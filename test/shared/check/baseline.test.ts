import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Baseline,
  countBaselineRules,
  createBaseline,
  parseBaseline,
  processesWorthWatching,
} from '../../../shared/check/baseline.js';
import { BaselineError, describeBaselineError } from '../../../shared/check/errors.js';
import { runCheck } from '../../../shared/check/evaluate.js';
import { parseRule } from '../../../shared/check/parse.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { container, listener, webServer } from './fixtures.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/check/${name}`, import.meta.url), 'utf8'));

function checkAgainst(b: Baseline, s: Snapshot, strict = false) {
  return runCheck(
    s,
    b.rules.map((text) => ({ rule: parseRule(text), source: 'baseline' as const })),
    { strict, baseline: b.created_from },
  );
}

describe('createBaseline', () => {
  const s = webServer();
  const b = createBaseline(s);

  it('lists listening ports, running containers and services, and processes worth watching', () => {
    expect(b).toEqual({
      kind: 'autoinfrasnap-baseline',
      version: 1,
      created_from: { id: s.id, taken_at: s.taken_at, hostname: 'web-1' },
      rules: [
        'port 22',
        'port 53/udp', // 41000/udp is chrony's client port: left out
        'port 80',
        'port 443',
        'port 5432',
        'container web', // worker has exited
        'service cron.service',
        'service nginx.service',
        'service ssh.service', // mysql has failed
        'process my-very-long-da',
        'process nginx',
        'process postgres',
        'process redis-server',
        'process sshd',
        'process systemd-resolve',
      ],
    });
    expect(Baseline.safeParse(b).success).toBe(true);
    expect(countBaselineRules(b)).toEqual({ ports: 5, containers: 1, services: 3, processes: 6 });
  });

  it('leaves out shells, this tool, kernel threads, children of shells and processes younger than ten minutes', () => {
    const names = processesWorthWatching(s);
    for (const n of ['bash', 'node', 'kworker/0:1', 'java', 'backupd', 'chronyd'])
      expect(names).not.toContain(n);
  });

  it('quotes names a bare word cannot hold, and they parse back', () => {
    const odd = webServer({ containers: { ...webServer().containers!, items: [container('my app')] } });
    const rules = createBaseline(odd).rules.filter((r) => r.startsWith('container'));
    expect(rules).toEqual(['container "my app"']);
    expect(parseRule(rules[0]!)).toMatchObject({ kind: 'container', name: 'my app' });
  });
});

describe('baseline → check roundtrip', () => {
  const before = webServer();
  const b = createBaseline(before);

  it('passes on the machine it was made from, strict or not', () => {
    const r = checkAgainst(b, before, true);
    expect(r.failed).toBe(0);
    expect(r.rules.length).toBe(b.rules.length);
    expect(r.baseline).toEqual(b.created_from);
  });

  it('fails what went missing and, when strict, what is new', () => {
    const after = webServer({
      ports: {
        owners_visible: true,
        listening: before
          .ports!.listening.filter((l) => l.port !== 443)
          .concat(listener(8080, { process: 'node', pid: 77 })),
      },
      containers: { ...before.containers!, items: [container('web', 'exited')] },
    });
    const lenient = checkAgainst(b, after);
    expect(lenient.rules.filter((x) => !x.passed).map((x) => x.rule)).toEqual(['port 443', 'container web']);
    const strict = checkAgainst(b, after, true);
    expect(strict.rules.filter((x) => !x.passed).map((x) => x.rule)).toEqual([
      'port 443',
      'container web',
      '!port 8080',
    ]);
    expect(strict.strict).toBe(true);
  });
});

describe('parseBaseline', () => {
  const en = createTranslator('en');
  const ko = createTranslator('ko');
  const message = (doc: unknown, t = en): string => {
    try {
      parseBaseline(doc);
    } catch (e) {
      if (e instanceof BaselineError) return describeBaselineError(e, t, 'b.json');
      throw e;
    }
    return 'parsed';
  };

  it('reads a baseline file as written by hand', () => {
    expect(parseBaseline(fixture('baseline.json')).rules).toContain('memory.used_percent < 90');
  });

  it.each([
    [
      fixture('snapshot-not-baseline.json'),
      'b.json: not an autoinfrasnap baseline (expected "kind": "autoinfrasnap-baseline")',
    ],
    [[], 'b.json: not an autoinfrasnap baseline (expected "kind": "autoinfrasnap-baseline")'],
    [
      { ...createBaseline(webServer()), version: 2 },
      'b.json: written by a newer AutoInfraSnap (baseline version 2; this reads 1)',
    ],
    [
      fixture('bad-rules.json'),
      'b.json: not a valid baseline: rules[1]: Invalid input: expected string, received number',
    ],
    [
      { ...createBaseline(webServer()), rule: [] },
      'b.json: not a valid baseline: (root): Unrecognized key: "rule"',
    ],
    [
      { ...createBaseline(webServer()), created_from: { id: 'x' } },
      'b.json: not a valid baseline: created_from.taken_at: Invalid input: expected string, received undefined',
    ],
  ])('refuses %j in one line', (doc, line) => {
    expect(message(doc)).toBe(line);
    expect(line).not.toContain('\n');
  });

  it('refuses in Korean too', () => {
    expect(message([], ko)).toBe(
      'b.json: autoinfrasnap 기준선이 아닙니다 ("kind": "autoinfrasnap-baseline"이 필요합니다)',
    );
  });
});
