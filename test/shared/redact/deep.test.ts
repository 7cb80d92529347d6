// redactDeep: a redacted deep copy of plain JSON, with counts equal to redacting each string by itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor, redactDeep } from '../../../shared/redact/index.js';
import { type Placed, lineWithSecret, safeLine } from './arbitraries.js';

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

// The same tree with every string replaced, to compare shapes and keys.
function skeleton(value: unknown): unknown {
  if (typeof value === 'string') return 'S';
  if (Array.isArray(value)) return value.map(skeleton);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, skeleton(v)]));
  }
  return value;
}

describe('redactDeep', () => {
  it('redacts string values, never keys, and leaves other values and the input alone', () => {
    const input = {
      password: 'not-a-secret-by-itself',
      'DB_PASSWORD=x': 1,
      list: ['--token=abc', 42, null, true, { env: ['PASSWORD=hunter2', 'MODE=prod'] }],
      nested: { deeper: { cmd: 'mysql -pS3cret db' } },
      empty: {},
      none: [],
    };
    const before = structuredClone(input);
    const r = createRedactor();
    const out = redactDeep(input, r);
    expect(out).toEqual({
      password: 'not-a-secret-by-itself',
      'DB_PASSWORD=x': 1,
      list: [`--token=${REDACTED}`, 42, null, true, { env: [`PASSWORD=${REDACTED}`, 'MODE=prod'] }],
      nested: { deeper: { cmd: `mysql -p${REDACTED} db` } },
      empty: {},
      none: [],
    });
    expect(input).toEqual(before);
    expect(out).not.toBe(input);
    expect(out.nested).not.toBe(input.nested);
    expect(r.counts()).toEqual({ 'flag-value': 1, 'env-assignment': 1, 'mysql-password-flag': 1 });
  });

  it('passes primitives through and redacts a bare string', () => {
    const r = createRedactor();
    expect(redactDeep(7, r)).toBe(7);
    expect(redactDeep(null, r)).toBe(null);
    expect(redactDeep(undefined, r)).toBe(undefined);
    expect(redactDeep('PASSWORD=x', r)).toBe(`PASSWORD=${REDACTED}`);
  });

  it('keeps a "__proto__" key as data without touching prototypes', () => {
    const input = JSON.parse('{"__proto__": {"token": "PASSWORD=x"}, "a": 1}') as Record<string, unknown>;
    const out = redactDeep(input, createRedactor()) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(out)).toBe(`{"__proto__":{"token":"PASSWORD=${REDACTED}"},"a":1}`);
  });

  // Secrets and benign lines placed at random depths under random (some secret-named) keys.
  const KEYS = ['password', 'token', 'cmd', 'env', 'args', 'labels', 'a'];
  const item = fc.oneof(
    lineWithSecret.map((p): [string, Placed | undefined] => [p.text, p]),
    safeLine.map((s): [string, Placed | undefined] => [s, undefined]),
    fc
      .oneof(fc.integer(), fc.boolean(), fc.constant(null))
      .map((v): [unknown, Placed | undefined] => [v, undefined]),
  );
  const wrapping = fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.constant('[]')), { maxLength: 4 });
  const tree = fc.array(fc.tuple(item, wrapping), { maxLength: 25 }).map((entries) => {
    const placed = entries.flatMap(([[, p]]) => (p ? [p] : []));
    const root = entries.map(([[v], wraps]) =>
      wraps.reduce<unknown>((acc, w) => (w === '[]' ? [acc] : { [w]: acc }), v),
    );
    return { root: { items: root, meta: { count: entries.length } }, placed };
  });

  it('leaves no secret anywhere, keeps the shape and keys, and counts like per-string redaction', () => {
    fc.assert(
      fc.property(tree, ({ root, placed }) => {
        const all = strings(root);
        fc.pre(placed.every((p) => all.every((s) => !s.split(p.secret).join(REDACTED).includes(p.secret))));
        const before = structuredClone(root);
        const r = createRedactor();
        const out = redactDeep(root, r);
        const outStrings = strings(out);
        for (const p of placed) for (const s of outStrings) expect(s).not.toContain(p.secret);
        expect(skeleton(out)).toEqual(skeleton(root));
        expect(root).toEqual(before);

        const expected: Record<string, number> = {};
        let expectedTotal = 0;
        for (const s of all) {
          const one = createRedactor();
          one.redact(s);
          for (const [id, n] of Object.entries(one.counts())) expected[id] = (expected[id] ?? 0) + n;
          expectedTotal += one.total();
        }
        expect(r.counts()).toEqual(expected);
        expect(r.total()).toBe(expectedTotal);
        expect(r.total()).toBeGreaterThanOrEqual(placed.length);
      }),
      { numRuns: 200 },
    );
  });

  it('handles a snapshot-sized object (2,000 strings) in one pass', () => {
    const procs = Array.from({ length: 400 }, (_, i) => ({
      pid: i,
      name: `proc${i}`,
      user: 'root',
      command:
        i % 7 === 0 ? `app --db-password=pw${i} --port=${i}` : `/usr/bin/app --port=${i} --log-level=info`,
      state: 'sleeping',
    }));
    const r = createRedactor();
    const out = redactDeep({ processes: procs }, r);
    expect(strings(out)).toHaveLength(1600);
    expect(r.counts()).toEqual({ 'flag-value': Math.ceil(400 / 7) });
  });
});
