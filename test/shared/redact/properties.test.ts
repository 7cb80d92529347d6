// Property tests: whatever the secret and wherever it sits, it never survives, its key does, a second
// redaction changes nothing, and text without secrets is left alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor } from '../../../shared/redact/index.js';
import {
  type Placed,
  anySecretShape,
  contextShape,
  keyValueShape,
  lineWithSecret,
  safeLine,
  tokenShape,
} from './arbitraries.js';
import { redactOnce } from './helpers.js';

const RUNS = { numRuns: 400 };

// Secrets only count as leaked when the surrounding text could not contain them by itself: a 6-char
// secret equal to a bit of the key, of a marker or of a safe word is a coincidence, not a leak.
function isDistinct(p: Placed): boolean {
  const rest = p.text.split(p.secret).join(REDACTED);
  return !rest.includes(p.secret) && !p.secret.includes(REDACTED);
}

function assertRedacted(p: Placed): void {
  const { out, total } = redactOnce(p.text);
  expect(out).not.toContain(p.secret);
  const escaped = JSON.stringify(p.secret).slice(1, -1);
  expect(out).not.toContain(escaped);
  for (const kept of p.kept) expect(out).toContain(kept);
  expect(out).toContain(REDACTED);
  expect(total).toBeGreaterThanOrEqual(1);
}

describe('a secret never survives, its key does', () => {
  it('key/value shapes (flags, env, quoted, -D, JSON, YAML)', () => {
    fc.assert(fc.property(keyValueShape.filter(isDistinct), assertRedacted), RUNS);
  });

  it('URL userinfo, Authorization headers, program options', () => {
    fc.assert(fc.property(contextShape.filter(isDistinct), assertRedacted), RUNS);
  });

  it('provider tokens, JWTs and private keys', () => {
    fc.assert(fc.property(tokenShape.filter(isDistinct), assertRedacted), RUNS);
  });

  it('any shape inside a random command line', () => {
    fc.assert(fc.property(lineWithSecret.filter(isDistinct), assertRedacted), RUNS);
  });

  it('several shapes in one string', () => {
    const several = fc.array(anySecretShape, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(several, safeLine, (shapes, filler) => {
        const text = shapes.map((p) => `${filler} ${p.text}`).join(' ; ');
        fc.pre(shapes.every((p) => !text.split(p.secret).join(REDACTED).includes(p.secret)));
        const { out, total } = redactOnce(text);
        for (const p of shapes) expect(out).not.toContain(p.secret);
        expect(total).toBeGreaterThanOrEqual(shapes.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('idempotence', () => {
  const text = fc.oneof(
    lineWithSecret.map((p) => p.text),
    safeLine,
    fc.string({ unit: 'binary', maxLength: 80 }),
  );

  it('redact(redact(x)) === redact(x), and the second pass counts nothing', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = createRedactor();
        const once = r.redact(t);
        const total = r.total();
        expect(r.redact(once)).toBe(once);
        expect(r.total()).toBe(total);
      }),
      RUNS,
    );
  });

  it('holds for strings packed with near-miss syntax', () => {
    const tricky = fc.string({
      unit: fc.constantFrom(
        '--password',
        '=',
        ' ',
        '"',
        "'",
        ':',
        ',',
        '&',
        '?',
        '{',
        '}',
        '[',
        ']',
        '\\',
        'token',
        'x',
        '-p',
        'mysql',
        '://',
        '@',
        'Bearer ',
        REDACTED,
      ),
      maxLength: 30,
    });
    fc.assert(
      fc.property(tricky, (t) => {
        const once = redactOnce(t).out;
        expect(redactOnce(once).out).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('text without secrets', () => {
  it('command lines of safe words come back unchanged', () => {
    fc.assert(
      fc.property(safeLine, (line) => {
        const { out, total } = redactOnce(line);
        expect(out).toBe(line);
        expect(total).toBe(0);
      }),
      RUNS,
    );
  });

  it('strings of digits, punctuation and spaces come back unchanged', () => {
    const units = fc.constantFrom(...'0123456789 -=:/.,;_+()[]{}@#%'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: units, maxLength: 60 }), (s) => {
        expect(redactOnce(s).out).toBe(s);
      }),
      RUNS,
    );
  });
});
