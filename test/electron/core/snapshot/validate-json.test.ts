// The CLI validates reader output with validate-json.ts (the committed JSON Schema, no zod); the app,
// the server and the tests use validate.ts (zod, the source of truth). They must agree on every input:
// the same verdict, and for valid data the same content (unknown keys stripped alike).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeSnapshot } from '../../../../electron/core/snapshot/build.js';
import { createSchemaChecker } from '../../../../electron/core/snapshot/json-schema-check.js';
import { checkSection as byZod } from '../../../../electron/core/snapshot/validate.js';
import { checkSection as byJson } from '../../../../electron/core/snapshot/validate-json.js';
import type { Snapshot } from '../../../../shared/snapshot/schema.js';
import { SECTION_NAMES, type SectionName } from '../../../../shared/snapshot/sections.js';
import { sampleSnapshot } from '../../../helpers/snapshot.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Both validators on their own copy of `value`: verdicts and (when valid) results must match. */
function expectSameOutcome(section: SectionName, value: unknown): boolean {
  const z = byZod(section, structuredClone(value));
  const j = byJson(section, structuredClone(value));
  expect({ section, ok: j.ok }).toEqual({ section, ok: z.ok });
  if (z.ok && j.ok) expect(j.value).toEqual(z.value);
  return z.ok;
}

/** Every path to a value inside `v` (objects and arrays), root excluded. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => {
    const child = (v as Record<string | number, Json>)[k]!;
    return [[...at, k], ...paths(child, [...at, k])];
  });
}

const REPLACEMENTS: unknown[] = [
  null,
  undefined,
  -1,
  0,
  1.5,
  100.5,
  2 ** 53,
  NaN,
  Infinity,
  'x',
  '',
  '2026-11-26T12:00:00.000Z',
  '2026-11-26T12:00:00+01:00',
  true,
  {},
  [],
  [1],
  { extra: 1 },
];

/** A copy of `doc` with the value at `path` replaced (or deleted, or an unknown key added). */
function mutate(doc: Json, path: (string | number)[], how: 'set' | 'delete' | 'extra', to: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (how === 'extra') {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, unknown>).zz_unknown = 'dropped?';
  } else parent[last] = to;
  return copy;
}

let real: Snapshot;

describe('validate-json.ts agrees with the zod schemas', () => {
  it('on this machine’s snapshot and on a sample with every section filled', async () => {
    real = await takeSnapshot({ windowMs: 200, topN: 15, redaction: { enabled: true }, version: '0.0.0' });
    expect(real.errors.filter((e) => e.code === 'failed')).toEqual([]);
    const sample = sampleSnapshot();
    let checked = 0;
    for (const doc of [real, sample])
      for (const s of SECTION_NAMES)
        if (doc[s] !== undefined) {
          expect(expectSameOutcome(s, doc[s])).toBe(true);
          checked++;
        }
    expect(checked).toBeGreaterThanOrEqual(SECTION_NAMES.length);
  });

  it('on malformed data: a value replaced, a key removed or an unknown key added anywhere', () => {
    const docs = [real, sampleSnapshot()];
    const cases = docs.flatMap((doc) =>
      SECTION_NAMES.filter((s) => doc[s] !== undefined).flatMap((s) =>
        paths(doc[s] as Json).map((p) => ({ s, doc: doc[s] as Json, p })),
      ),
    );
    expect(cases.length).toBeGreaterThan(200);
    let rejected = 0;
    let accepted = 0;
    fc.assert(
      fc.property(
        // Indices, so a counterexample prints as a section and a path, not a whole document.
        fc.integer({ min: 0, max: cases.length - 1 }),
        fc.constantFrom<'set' | 'delete' | 'extra'>('set', 'set', 'set', 'delete', 'extra'),
        fc.constantFrom(...REPLACEMENTS),
        (i, how, to) => {
          const { s, doc, p } = cases[i]!;
          if (expectSameOutcome(s, mutate(doc, p, how, to))) accepted++;
          else rejected++;
        },
      ),
      { numRuns: 3000, seed: 20261126 },
    );
    // Both outcomes are exercised, so agreement is not agreement on "everything passes".
    expect(rejected).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(100);
  });

  it('strips unknown keys as zod does, and gives the path of the first problem', () => {
    const cpu = structuredClone(sampleSnapshot().cpu!) as unknown as Record<string, unknown>;
    cpu.bogus = 1;
    (cpu.times as Record<string, unknown>).bogus = 2;
    const r = byJson('cpu', cpu);
    expect(r.ok).toBe(true);
    expect(cpu).not.toHaveProperty('bogus');
    expect(cpu.times).not.toHaveProperty('bogus');
    const bad = byJson('cpu', { ...sampleSnapshot().cpu!, usage_percent: 101 });
    expect(bad).toEqual({ ok: false, path: 'usage_percent', message: expect.stringMatching(/<= 100/) });
    // A failed check strips nothing.
    const half = { ...sampleSnapshot().cpu!, bogus: 1, load_1: 'high' } as Record<string, unknown>;
    expect(byJson('cpu', half).ok).toBe(false);
    expect(half).toHaveProperty('bogus');
  });

  it('refuses to build a checker for a schema using keywords it does not implement', () => {
    expect(() => createSchemaChecker({ type: 'object', oneOf: [] })).toThrow(
      /unsupported JSON Schema keyword "oneOf"/,
    );
    expect(() => createSchemaChecker({ type: 'string', format: 'email' })).toThrow(
      /format "email" without a pattern/,
    );
  });
});
