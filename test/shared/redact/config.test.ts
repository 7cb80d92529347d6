// The redactor's surface: rule metadata, counting, and the user's extra patterns from config.
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_RULES,
  REDACTED,
  RedactionConfigError,
  createRedactor,
} from '../../../shared/redact/index.js';
import { redactOnce } from './helpers.js';

describe('BUILTIN_RULES', () => {
  it('has unique, kebab-case ids and a description for each', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILTIN_RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.description.length).toBeGreaterThan(10);
    }
  });

  it.each(BUILTIN_RULES.map((r) => [r.id, r] as const))(
    '%s: its example redacts as documented',
    (id, rule) => {
      const { out, counts } = redactOnce(rule.example.input);
      expect(out).toBe(rule.example.output);
      expect(Object.keys(counts)).toEqual([id]);
    },
  );

  it('REDACTED is the literal marker', () => {
    expect(REDACTED).toBe('[REDACTED]');
  });
});

describe('counts', () => {
  it('accumulate across calls, only list rules that matched, and sum to total', () => {
    const r = createRedactor();
    expect(r.counts()).toEqual({});
    expect(r.total()).toBe(0);
    r.redact('--password=a --token=b');
    r.redact('PASSWORD=c nothing here');
    r.redact('plain text');
    expect(r.counts()).toEqual({ 'flag-value': 2, 'env-assignment': 1 });
    expect(r.total()).toBe(3);
  });

  it('returns a copy that callers cannot use to change the tally', () => {
    const r = createRedactor();
    r.redact('--password=a');
    const c = r.counts();
    c['flag-value'] = 99;
    expect(r.counts()).toEqual({ 'flag-value': 1 });
  });

  it('separate redactors keep separate tallies', () => {
    const a = createRedactor();
    const b = createRedactor();
    a.redact('--password=a');
    expect(b.total()).toBe(0);
  });
});

describe('extra patterns', () => {
  it('redact their whole match and count as custom:<n>, 1-based in config order', () => {
    const r = createRedactor({ extraPatterns: ['ACME-[0-9]{6}', 'corp_[a-z]+_key'] });
    const out = r.redact('lic ACME-123456 and corp_billing_key, ACME-654321 --password=x');
    expect(out).toBe(`lic ${REDACTED} and ${REDACTED}, ${REDACTED} --password=${REDACTED}`);
    expect(r.counts()).toEqual({ 'custom:1': 2, 'custom:2': 1, 'flag-value': 1 });
  });

  it('can keep a prefix visible with a lookbehind', () => {
    const r = createRedactor({ extraPatterns: ['(?<=license=)\\S+'] });
    expect(r.redact('app license=ABC-DEF')).toBe(`app license=${REDACTED}`);
  });

  it('accept gitleaks-style inline flags', () => {
    const r = createRedactor({ extraPatterns: ['(?i)internal-[a-z]{4}'] });
    expect(r.redact('INTERNAL-ABCD internal-wxyz')).toBe(`${REDACTED} ${REDACTED}`);
    expect(r.counts()).toEqual({ 'custom:1': 2 });
  });

  it('run even on text the built-in pre-check skips, and are idempotent', () => {
    const r = createRedactor({ extraPatterns: ['[0-9]{3}-[0-9]{4}'] });
    const once = r.redact('call 555-1234 now');
    expect(once).toBe(`call ${REDACTED} now`);
    expect(r.redact(once)).toBe(once);
    expect(r.total()).toBe(1);
  });

  it('never eat an existing marker, even when they could match inside it', () => {
    const r = createRedactor({ extraPatterns: ['[A-Z]{4,}', '\\[REDACTED\\]'] });
    expect(r.redact('--password=x')).toBe(`--password=${REDACTED}`);
    expect(r.counts()).toEqual({ 'flag-value': 1 });
  });

  it.each([
    ['(unclosed', 'custom:1'],
    ['a{2,1}', 'custom:1'],
    ['[z-a]', 'custom:1'],
  ])('an invalid regex %s throws RedactionConfigError naming it on one line', (pattern, id) => {
    const make = (): unknown => createRedactor({ extraPatterns: [pattern] });
    expect(make).toThrow(RedactionConfigError);
    try {
      make();
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain(JSON.stringify(pattern));
      expect(message).toContain(id);
      expect(message).toMatch(/not a valid regular expression: \S/);
      expect(message).not.toContain('\n');
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).name).toBe('RedactionConfigError');
    }
  });

  it('names the right pattern when a later one is bad, even a multi-line one', () => {
    expect(() => createRedactor({ extraPatterns: ['ok', 'bad(\nline'] })).toThrow(
      /^Redaction pattern custom:2 \("bad\(\\nline"\) is not a valid regular expression: [^\n]+$/,
    );
  });

  it.each(['', 'x*', '(?:)', 'a?|b'])('rejects %j, which matches the empty string', (pattern) => {
    expect(() => createRedactor({ extraPatterns: [pattern] })).toThrow(RedactionConfigError);
  });

  it('rejects a non-string entry from an unchecked config', () => {
    const bad = [42] as unknown as string[];
    expect(() => createRedactor({ extraPatterns: bad })).toThrow(/custom:1 \(42\)/);
  });
});
