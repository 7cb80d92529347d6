// Hostile input: 100 kB strings built to trigger catastrophic backtracking in naive patterns. The rules
// are linear by design; these tests assert that each input completes (and stays correct), not a timing.
import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor } from '../../../shared/redact/index.js';
import { occurrences } from './helpers.js';

const SIZE = 100_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length));

const INPUTS: Record<string, string> = {
  'flag names with no value': fill('--password'),
  'equals signs': fill('='),
  'one long base64 run': fill('aB3+/'),
  'one long word': fill('x'),
  'chained assignments': fill('a=pwd='),
  'chained secret assignments': fill('password=password='),
  'spaced flags': fill('--password '),
  'unterminated double quotes': fill('--password="'),
  'one unterminated quote then many keys': '--password="' + fill("token='x "),
  'nested JSON keys': fill('{"password":'),
  'YAML keys': fill('token: '),
  'camelCase key': fill('keyStore') + 'Password=x',
  'colons and at-signs after a scheme': '://a:' + fill('@'),
  schemes: fill('://a:'),
  'PEM headers without footers': fill('-----BEGIN RSA PRIVATE KEY-----'),
  'JWT-ish prefixes': fill('eyJaaaa.'),
  'GitHub prefixes': fill('ghp_'),
  'program names': fill('mysql '),
  'program options': fill('mysql -p '),
  'bin paths': fill('/usr/bin/x'),
  'header names': fill('Authorization: '),
  'bearer words': fill('Bearer '),
  'access key ids and base64': fill('AKIAABCDEFGHIJKLMNOP Ab'),
  backslashes: 'PASSWORD=' + fill('\\'),
  'commas after a list key': 'a,password=' + fill(','),
  'sshpass options': fill('sshpass -f '),
  'curl users': fill('curl -u '),
};

describe('100 kB adversarial strings complete and stay idempotent', () => {
  it.each(Object.entries(INPUTS))('%s', (_, input) => {
    const r = createRedactor();
    const out = r.redact(input);
    expect(typeof out).toBe('string');
    expect(r.redact(out)).toBe(out);
  });
});

describe('huge but real secrets', () => {
  it('redacts a 100 kB password value whole', () => {
    const { length } = createRedactor().redact(`--password=${fill('s')} next`);
    expect(length).toBe(`--password=${REDACTED} next`.length);
  });

  it('redacts a private key with a 100 kB body', () => {
    const body = fill('MIIEpAIBAAKCAQEA\n');
    const out = createRedactor().redact(`-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----`);
    expect(out).toBe(`-----BEGIN PRIVATE KEY-----\n${REDACTED}\n-----END PRIVATE KEY-----`);
  });

  it('redacts every one of 5,000 secrets in one string', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `--password=p${i}`).join(' ');
    const r = createRedactor();
    const out = r.redact(text);
    expect(r.counts()).toEqual({ 'flag-value': 5000 });
    expect(occurrences(out, REDACTED)).toBe(5000);
  });
});
