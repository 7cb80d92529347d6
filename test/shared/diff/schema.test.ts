import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../shared/diff/index.js';
import { SnapshotDiff, diffJsonSchema } from '../../../shared/diff/schema.js';
import { snap } from './fixtures.js';
import { UPDATING } from './golden.js';
import { scenarioA, scenarioB } from './scenario.js';

const FILE = fileURLToPath(new URL('../../../shared/diff/diff.schema.json', import.meta.url));

/** Validates against the committed file, so a consumer of the published schema sees what we test. */
function committedValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(FILE, 'utf8')) as object);
}

describe('diff JSON Schema', () => {
  it('matches the zod source (regenerate with UPDATE_GOLDEN=1 npx vitest run test/shared/diff)', async () => {
    const generated = diffJsonSchema();
    if (UPDATING) {
      // Formatted as the repository's prettier config would, so `npm run lint` stays clean.
      const options = (await prettier.resolveConfig(FILE)) ?? {};
      writeFileSync(FILE, await prettier.format(JSON.stringify(generated), { ...options, parser: 'json' }));
    }
    expect(existsSync(FILE)).toBe(true);
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(generated);
  });

  it('is draft 2020-12 and requires the headers, summary and sections', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(
      expect.arrayContaining(['diff_version', 'a', 'b', 'same_host', 'summary', 'metrics', 'sections']),
    );
  });

  it('accepts every diff the engine makes, and the zod model agrees', () => {
    const validate = committedValidator();
    const partial = snap();
    delete partial.ports;
    partial.errors = [{ section: 'ports', code: 'failed', message: 'x' }];
    for (const [a, b] of [
      [scenarioA(), scenarioB()],
      [scenarioB(), scenarioA()],
      [scenarioA(), scenarioA()],
      [snap(), partial],
    ] as const) {
      const d = JSON.parse(JSON.stringify(diffSnapshots(a, b))) as unknown;
      expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
      expect(SnapshotDiff.safeParse(d).success).toBe(true);
    }
  });

  it('rejects a document that is not a diff', () => {
    const validate = committedValidator();
    const d = JSON.parse(JSON.stringify(diffSnapshots(scenarioA(), scenarioB()))) as Record<string, unknown>;
    expect(validate({ ...d, diff_version: 2 })).toBe(false);
    expect(validate({ ...d, summary: { added: -1 } })).toBe(false);
    const { sections: _, ...noSections } = d;
    expect(validate(noSections)).toBe(false);
  });
});
