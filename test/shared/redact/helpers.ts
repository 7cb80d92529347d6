// Shared bits of the redaction tests: one-shot redaction with its counts, and sample tokens built at run
// time (never written out whole) so that secret scanners do not flag the test sources.
import { expect } from 'vitest';
import { createRedactor } from '../../../shared/redact/index.js';

/** Redacts `text` with a fresh redactor and returns the output with the per-rule counts. */
export function redactOnce(text: string): { out: string; counts: Record<string, number>; total: number } {
  const r = createRedactor();
  const out = r.redact(text);
  return { out, counts: r.counts(), total: r.total() };
}

/** Asserts the exact redaction of `input` and that `rule` counted it. */
export function expectRedacts(input: string, expected: string, rule: string): void {
  const { out, counts } = redactOnce(input);
  expect(out).toBe(expected);
  expect(counts[rule], `counted as ${rule}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(1);
}

/** Realistic-looking fake credentials, one per provider shape. */
export const FAKE = {
  ghp: 'gh' + 'p_' + 'A1b2C3'.repeat(6),
  gho: 'gh' + 'o_' + 'Z9y8X7'.repeat(6),
  ghs: 'gh' + 's_' + 'Q1w2E3'.repeat(6),
  githubPat: 'github' + '_pat_' + '11ABCDEFG0' + 'a1B2c3D4e5F6'.repeat(2) + '_' + 'Xy12'.repeat(15),
  xoxb: 'xo' + 'xb-' + '2345678901-3456789012-' + 'aBcDeFgHiJkLmNoPqRsTuVwX',
  xoxp: 'xo' + 'xp-' + '2345678901-3456789012-4567890123-' + 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4',
  slackHook: 'https://hooks.slack' + '.com/services/T0ABCDEFG/B0ABCDEFG/' + 'aBcDeFgHiJkLmNoPqRsTuVwX',
  akia: 'AK' + 'IA' + 'Z7X6C5V4B3N2M1Q0',
  asia: 'AS' + 'IA' + 'Q0W9E8R7T6Y5U4I3',
  awsSecret: 'k7Zq/9vXw' + 'Lm3+Np2Rt8Ys5Uv1Wx4Yz6Ab0CdEf7G',
  jwt:
    'ey' +
    'JhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9' +
    '.ey' +
    'JzdWIiOiIxMjM0NTY3ODkwIiwiYWRtaW4iOnRydWV9' +
    '.' +
    'TJVA95OrM7E2cBab30RMHrHDcEfjoYZgeFONFh7HgQ',
  rsaBody:
    'MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
} as const;

/** A PEM block with the given label (`RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, …) around `body`. */
export function pem(label: string, body: string = FAKE.rsaBody): string {
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}

/** Occurrences of `needle` in `haystack` (overlapping ones too). */
export function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}
