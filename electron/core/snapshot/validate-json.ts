import schema from '../../../shared/snapshot/snapshot.schema.json' with { type: 'json' };
import type { SectionName } from '../../../shared/snapshot/sections.js';
import { createSchemaChecker, type JsonSchema, type SchemaCheck } from './json-schema-check.js';
import type { SectionCheck } from './validate.js';

const sections = (schema as { properties: Record<string, JsonSchema> }).properties;
const checkers = new Map<SectionName, (value: unknown) => SchemaCheck>();

/**
 * Validates one reader's output against its section of the committed JSON Schema, with zod's
 * outcome (see json-schema-check.ts): what the CLI's `snap` uses instead of validate.ts, so it does
 * not load zod for this. Unknown keys are stripped from `value` itself.
 */
export function checkSection(section: SectionName, value: unknown): SectionCheck {
  let check = checkers.get(section);
  if (!check) {
    const s = sections[section];
    if (!s) throw new Error(`the snapshot schema has no section "${section}"`);
    checkers.set(section, (check = createSchemaChecker(s)));
  }
  const r = check(value);
  return r.ok ? { ok: true, value } : r;
}
