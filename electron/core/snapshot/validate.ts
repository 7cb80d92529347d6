import { SectionSchemas } from '../../../shared/snapshot/schema.js';
import type { SectionName } from '../../../shared/snapshot/sections.js';

/** A section's data after validation, or the first problem found in it. */
export type SectionCheck = { ok: true; value: unknown } | { ok: false; path: string; message: string };

/**
 * Validates one reader's output against its zod schema (the source of truth). The CLI bundle swaps
 * this module for validate-json.ts, which checks the same data against the committed JSON Schema.
 */
export function checkSection(section: SectionName, value: unknown): SectionCheck {
  // jitless: a snapshot validates each schema once; compiling zod's fast path would cost more than it saves.
  const r = SectionSchemas[section].safeParse(value, { jitless: true });
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, path: issue.path.join('.'), message: issue.message };
}
