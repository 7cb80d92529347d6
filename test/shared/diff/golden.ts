// Golden files of the diff renderers, in test/fixtures/diff/. Compared exactly; regenerate them after an
// intended change with `UPDATE_GOLDEN=1 npx vitest run test/shared/diff` and review the git diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Translator } from '../../../shared/i18n/index.js';

/** Where the golden files live. */
export const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/diff/', import.meta.url));

/** True when the run rewrites golden files instead of comparing against them. */
export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/**
 * Replaces each formatted time of `source` (the diff rendered) with `<time ISO>`. Dates are formatted
 * by the runtime's ICU data, which changes between Node releases; everything else in a report is ours
 * and compared as is.
 */
export function normaliseTimes(text: string, source: unknown, t: Translator): string {
  const isos = new Set(JSON.stringify(source).match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g) ?? []);
  let out = text;
  for (const iso of isos) out = out.split(t.dateTime(iso)).join(`<time ${iso}>`);
  return out;
}

/** Compares `actual` with the golden file `name` exactly, or writes it when UPDATE_GOLDEN=1. */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATING) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/shared/diff`);
  expect(actual, `${name} (regenerate with UPDATE_GOLDEN=1 if the change is intended)`).toBe(
    readFileSync(path, 'utf8'),
  );
}
