import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, xmlEscape } from '../../../shared/check/ci.js';
import { runCheck, type CheckResult } from '../../../shared/check/evaluate.js';
import { renderCheck } from '../../../shared/check/index.js';
import { parseRule } from '../../../shared/check/parse.js';
import { presenceText } from '../../../shared/check/rule.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import { webServer } from './fixtures.js';
import { findAll, parseXml } from './xml.js';

const en = createTranslator('en');
const ko = createTranslator('ko');
const NASTY = 'a&b<c>"d\'e%f\r\ng:h,i\u0001j]]>\uD800k';

function result(rules: string[], strict = false): CheckResult {
  const sourced = rules.map((text, i) => ({
    rule: parseRule(text),
    source: i % 2 ? ('baseline' as const) : ('flag' as const),
  }));
  return runCheck(webServer(), sourced, { strict });
}

const mixed = result([
  'memory.used_percent < 90',
  'port 8080',
  'container web',
  presenceText('process', NASTY),
]);

describe('text', () => {
  it('marks each rule, gives the value or the reason, then the verdict and the snapshot', () => {
    const out = renderCheck(mixed, 'text', { t: en, color: false });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^✔ memory\.used_percent < 90 +25$/);
    expect(lines[1]).toMatch(/^✘ port 8080 +nothing listens on 8080\/tcp \[baseline\]$/);
    expect(out).toContain('2 of 4 rules failed');
    expect(out).toMatch(/snapshot 0196b7c4 of web-1 at Nov 26, 2026/);
    expect(out).not.toContain('\u001b[');
  });

  it('colours marks when asked, and speaks Korean', () => {
    expect(renderCheck(mixed, 'text', { t: en, color: true })).toContain('\u001b[31m✘\u001b[0m');
    const out = renderCheck(mixed, 'text', { t: ko, color: false });
    expect(out).toContain('8080/tcp에서 수신 대기하는 것이 없습니다 [기준선]');
    expect(out).toContain('규칙 4개 중 2개 실패');
  });

  it('says so when every rule passed, and when there was none', () => {
    expect(renderCheck(result(['port 443']), 'text', { t: en, color: false })).toContain('the rule passed');
    expect(renderCheck(result(['port 443', 'port 80']), 'text', { t: en, color: false })).toContain(
      'all 2 rules passed',
    );
    expect(renderCheck(result([]), 'text', { t: en, color: false })).toContain('no rules to check');
  });
});

describe('json', () => {
  it('holds the verdict, counts and each rule with its reason as code and words', () => {
    const doc = JSON.parse(renderCheck(mixed, 'json', { t: en, color: false })) as Record<string, unknown> & {
      rules: Array<Record<string, unknown>>;
    };
    expect(doc).toMatchObject({ kind: 'autoinfrasnap-check', version: 1, ok: false, passed: 2, failed: 2 });
    expect(doc.rules[1]).toEqual({
      rule: 'port 8080',
      source: 'baseline',
      passed: false,
      actual: null,
      reason: 'nothing listens on 8080/tcp',
      reason_code: 'port_missing',
      reason_params: { port: 8080, protocol: 'tcp', where: '' },
    });
  });
});

describe('junit', () => {
  it('is well-formed XML with one suite, one case per rule and a failure per failed rule', () => {
    const xml = renderCheck(mixed, 'junit', { t: en, color: false });
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0]!.attrs).toMatchObject({ tests: '4', failures: '2', errors: '0', hostname: 'web-1' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(
      mixed.rules.map((r) => r.rule.replaceAll('\u0001', '\uFFFD').replaceAll('\uD800', '\uFFFD')),
    );
    const failures = findAll(root, 'failure');
    expect(failures).toHaveLength(2);
    expect(failures[0]!.attrs).toEqual({ message: 'nothing listens on 8080/tcp', type: 'port_missing' });
    expect(cases[3]!.attrs.classname).toBe('autoinfrasnap.check.baseline');
  });

  it('escapes everything XML cares about, and replaces characters XML 1.0 forbids', () => {
    expect(xmlEscape(NASTY)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;e%f&#13;&#10;g:h,i\uFFFDj]]&gt;\uFFFDk');
    expect(xmlEscape('😀')).toBe('😀');
    expect(parseXml(`<a b="${xmlEscape(NASTY)}">${xmlEscape(NASTY)}</a>`).attrs.b).toBe(
      'a&b<c>"d\'e%f\r\ng:h,i\uFFFDj]]>\uFFFDk',
    );
  });
});

describe('github', () => {
  const COMMAND = /^::(error|warning|notice|group|endgroup|debug)( [a-z]+=[^:,]*(,[a-z]+=[^:,]*)*)?::.*$/;

  it('annotates each failed rule and ends with a notice; plain lines sit in a log group', () => {
    const lines = renderCheck(mixed, 'github', { t: en, color: false }).trimEnd().split('\n');
    expect(lines[0]).toBe('::group::autoinfrasnap check: 2 of 4 rules failed');
    const end = lines.indexOf('::endgroup::');
    expect(end).toBe(5);
    for (const l of lines.slice(1, end)) expect(l).toMatch(/^[✔✘] /);
    for (const l of lines.slice(end)) expect(l).toMatch(COMMAND);
    expect(lines.slice(end + 1)).toEqual([
      '::error title=port 8080::nothing listens on 8080/tcp',
      `::error title=process "a&b<c>\\"d'e%25f%0D\\ng%3Ah%2Ci\u0001j]]>\uD800k"::no process named a&b<c>"d'e%25f%0D%0Ag:h,i\u0001j]]>\uD800k among the top 15 by CPU and memory or the port owners`,
      expect.stringMatching(
        /^::notice title=autoinfrasnap check::2 of 4 rules failed · snapshot 0196b7c4 of web-1/,
      ),
    ]);
  });

  it('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});

describe('markdown', () => {
  it('is a heading with the verdict and a table whose cells cannot break out', () => {
    const md = renderCheck(result(['port 8080', 'host.hostname == "a|b"']), 'markdown', {
      t: en,
      color: false,
    });
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('### ❌ autoinfrasnap check: 2 of 2 rules failed');
    expect(lines).toContain('| Result | Rule | Source | Detail |');
    expect(lines.at(-1)).toBe(
      '| ❌ fail | `host.hostname == "a\\|b"` | baseline | is "web-1", expected "a\\|b" |',
    );
    for (const l of lines.filter((x) => x.startsWith('|'))) expect(l.split(/(?<!\\)\|/)).toHaveLength(6);
  });
});

describe('every check report says what redaction did to the snapshot checked', () => {
  it('prints the counts per rule in text and Markdown, and warns when redaction was off', () => {
    const s = webServer();
    s.redactions = { enabled: true, total: 2, by_rule: { 'flag-value': 2 } };
    const on = runCheck(s, [{ rule: parseRule('port 443'), source: 'flag' }], { strict: false });
    for (const format of ['text', 'markdown'] as const)
      expect(renderCheck(on, format, { t: en, color: false }), format).toContain(
        'redacted: 2 values (flag-value 2)',
      );
    s.redactions = { enabled: false, total: 0, by_rule: {} };
    const off = runCheck(s, [{ rule: parseRule('port 443'), source: 'flag' }], { strict: false });
    expect(renderCheck(off, 'text', { t: en, color: false })).toContain(
      'OFF: this snapshot may contain secrets',
    );
  });
});
