import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleSyntaxError, describeSyntaxError } from '../../../shared/check/errors.js';
import { parseRule } from '../../../shared/check/parse.js';
import { PRESENCE_KINDS, pathText, presenceText } from '../../../shared/check/rule.js';
import { createTranslator } from '../../../shared/i18n/index.js';

const en = createTranslator('en');
const ko = createTranslator('ko');

function syntaxError(rule: string): RuleSyntaxError {
  try {
    parseRule(rule);
  } catch (e) {
    if (e instanceof RuleSyntaxError) return e;
    throw e;
  }
  throw new Error(`"${rule}" parsed`);
}

describe('parseRule: comparisons', () => {
  it.each([
    ['memory.used_percent < 90', ['memory', 'used_percent'], '<', 90],
    ['cpu.load_1<=4', ['cpu', 'load_1'], '<=', 4],
    ['swap.used_percent > -1.5', ['swap', 'used_percent'], '>', -1.5],
    ['memory.total_bytes >= 1e9', ['memory', 'total_bytes'], '>=', 1e9],
    ['network["eth0"].rx_errors == 0', ['network', '"eth0"', 'rx_errors'], '==', 0],
    ["containers['web'].state != 'exited'", ['containers', '"web"', 'state'], '!=', 'exited'],
    [
      'services["nginx.service"].state == "running"',
      ['services', '"nginx.service"', 'state'],
      '==',
      'running',
    ],
    ['cpu.per_core_percent[0] < 95', ['cpu', 'per_core_percent', 0], '<', 95],
    ['disks[ "/" ].read_only == false', ['disks', '"/"', 'read_only'], '==', false],
    ['host.fqdn != null', ['host', 'fqdn'], '!=', null],
    ['sensors.battery.charging == true', ['sensors', 'battery', 'charging'], '==', true],
    ['processes.zombies.length == 0', ['processes', 'zombies', 'length'], '==', 0],
  ])('%s', (text, path, op, value) => {
    const r = parseRule(text);
    expect(r).toMatchObject({ type: 'compare', text, op, value });
    if (r.type !== 'compare') throw new Error('not a comparison');
    expect(
      r.path.map((s) => (s.kind === 'field' ? s.name : s.kind === 'key' ? `"${s.key}"` : s.index)),
    ).toEqual(path);
  });

  it('reads units, escapes and keeps the trimmed text', () => {
    expect(parseRule('disks["/"].used_percent < 85%')).toMatchObject({ value: 85 });
    expect(parseRule('memory.available_bytes > 512MiB')).toMatchObject({ value: 512 * 2 ** 20 });
    expect(parseRule('memory.available_bytes > 2GB')).toMatchObject({ value: 2e9 });
    expect(parseRule('host.hostname == "a\\"b\\\\c"')).toMatchObject({ value: 'a"b\\c' });
    expect(parseRule('  cpu.load_1 < 4  ').text).toBe('cpu.load_1 < 4');
  });

  it('prints paths back in rule syntax', () => {
    const r = parseRule(`disks['/'].used_percent < 1`);
    expect(r.type === 'compare' && pathText(r.path)).toBe('disks["/"].used_percent');
  });
});

describe('parseRule: presence rules', () => {
  it.each([
    ['port 443', { kind: 'port', port: 443, protocol: 'tcp', negated: false }],
    ['port 53/udp', { kind: 'port', port: 53, protocol: 'udp', negated: false }],
    ['port 8080/TCP', { kind: 'port', port: 8080, protocol: 'tcp', negated: false }],
    ['!port 23', { kind: 'port', port: 23, negated: true }],
    ['! port 23', { kind: 'port', port: 23, negated: true }],
    ['container web', { kind: 'container', name: 'web', negated: false }],
    ['service nginx', { kind: 'service', name: 'nginx' }],
    ['service nginx.service', { kind: 'service', name: 'nginx.service' }],
    ['process postgres', { kind: 'process', name: 'postgres' }],
    ['!process telnetd', { kind: 'process', name: 'telnetd', negated: true }],
    ['container "my app"', { kind: 'container', name: 'my app' }],
    ["service 'Windows Audio'", { kind: 'service', name: 'Windows Audio' }],
  ])('%s', (text, want) => {
    expect(parseRule(text)).toMatchObject({ type: 'presence', text, ...want });
  });

  it('parses back every name a baseline writes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('container', 'service', 'process'),
        fc.string({ minLength: 1, unit: 'binary' }),
        (kind, name) => {
          const r = parseRule(presenceText(kind, name));
          expect(r).toMatchObject({ type: 'presence', kind, name });
        },
      ),
    );
  });

  it('treats the plural section names as paths, not presence rules', () => {
    expect(parseRule('ports.listening.length > 0').type).toBe('compare');
    expect(parseRule('processes.total < 1000').type).toBe('compare');
  });
});

describe('parseRule: errors name the problem and the column', () => {
  it.each([
    ['disks[/].used < 85', 'expected a quoted key after "[" at column 7'],
    ['', 'the rule is empty at column 1'],
    ['   ', 'the rule is empty at column 1'],
    [
      '9lives < 3',
      'expected a field (memory.used_percent) or port, container, service or process at column 1',
    ],
    ['memory. < 3', 'expected a field name after "." at column 8'],
    ['disks["/" < 3', 'expected "]" at column 11'],
    ['disks["/].x < 3', 'the string that starts here has no closing quote at column 7'],
    ['memory.used_percent', 'expected an operator: <, <=, >, >=, == or != at column 20'],
    ['memory.used_percent = 3', '"=" is not an operator: write "==" at column 21'],
    ['memory.used_percent ~ 3', 'expected an operator: <, <=, >, >=, == or != at column 21'],
    [
      'memory.used_percent <',
      'expected a value: a number, a quoted string, true, false or null at column 22',
    ],
    ['containers["web"].state == running', 'text must be quoted: "running" at column 28'],
    ['memory.used_percent < "90"', '< compares numbers: expected a number at column 23'],
    ['memory.used_percent < 90 %', 'unexpected "%" after the end of the rule at column 26'],
    [
      'memory.used_percent < 90pct',
      'unknown unit "pct" (use %, KB, MB, GB, TB, KiB, MiB, GiB or TiB) at column 25',
    ],
    ['port', 'expected a port number from 0 to 65535 at column 5'],
    ['port http', 'expected a port number from 0 to 65535 at column 6'],
    ['port 70000', 'expected a port number from 0 to 65535 at column 6'],
    ['port 53/icmp', 'expected tcp or udp after "/" at column 9'],
    ['port 80 443', 'unexpected "443" after the end of the rule at column 9'],
    ['container', 'expected a container name at column 10'],
    ['service ""', 'expected a service name at column 9'],
    ['!memory.used_percent < 5', '"!" only forbids port, container, service and process rules at column 1'],
    ['!', 'expected a field (memory.used_percent) or port, container, service or process at column 2'],
    // Columns count characters: a Hangul or astral character is one column, not two UTF-16 units.
    ['services["🙂"].state = "x"', '"=" is not an operator: write "==" at column 21'],
    ['services["웹"].state = "x"', '"=" is not an operator: write "==" at column 21'],
  ])('%j', (rule, message) => {
    expect(syntaxError(rule).message).toBe(message);
  });

  it('frames the message with the rule number, in English and Korean', () => {
    const e = syntaxError('disks[/].used < 85');
    expect(describeSyntaxError(e, 2, en)).toBe(
      'rule 2 "disks[/].used < 85": expected a quoted key after "[" at column 7',
    );
    expect(describeSyntaxError(e, 3, en, 'baseline.json')).toBe(
      'baseline.json: rule 3 "disks[/].used < 85": expected a quoted key after "[" at column 7',
    );
    expect(describeSyntaxError(e, 2, ko)).toBe(
      '규칙 2 "disks[/].used < 85": 7열: "[" 뒤에 따옴표로 감싼 키가 와야 합니다',
    );
  });

  const token = fc.constantFrom(
    ...['memory', '.', 'used_percent', '[', ']', '"', "'", '/', '!', '<', '<=', '=', '==', '!=', '>'],
    ...[
      ' ',
      '  ',
      '\t',
      '0',
      '85',
      '-1.5e3',
      '%',
      'GiB',
      'true',
      'null',
      'running',
      '\\',
      '\n',
      ...PRESENCE_KINDS,
    ],
  );

  it('never throws anything but RuleSyntaxError, and its column is inside the rule', () => {
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(token, { maxLength: 12 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(input, (s) => {
        try {
          const r = parseRule(s);
          expect(r.text).toBe(s.trim());
        } catch (e) {
          expect(e).toBeInstanceOf(RuleSyntaxError);
          const err = e as RuleSyntaxError;
          expect(err.column).toBeGreaterThanOrEqual(1);
          expect(err.column).toBeLessThanOrEqual([...err.rule].length + 1);
          // No placeholder left uninterpolated (unless the rule itself holds "{{", which the message quotes).
          if (!s.includes('{{')) expect(err.message).not.toMatch(/\{\{/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
