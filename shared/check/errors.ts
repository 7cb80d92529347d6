import type { Translator } from '../i18n/index.js';
import { check as en } from '../i18n/locales/en/check.js';
import { isSectionName } from '../snapshot/sections.js';

/** Why a rule does not parse: one code per message of the `check.syntax` catalog. */
export type SyntaxCode = keyof typeof en.syntax;

/** Parameters of a message: interpolated as `{{name}}`. */
export type Params = Record<string, string | number>;

/** Fills `{{name}}` placeholders; used for the English text errors carry without a translator. */
export function interpolate(template: string, params: Params): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) =>
    params[k] === undefined ? m : String(params[k]),
  );
}

/**
 * A rule that does not parse. The only error the parser throws, so callers (and the property test)
 * can tell a user's typo from a bug. `column` is 1-based, in characters of the trimmed rule.
 */
export class RuleSyntaxError extends Error {
  override readonly name = 'RuleSyntaxError';
  constructor(
    readonly rule: string,
    readonly code: SyntaxCode,
    readonly column: number,
    readonly params: Params = {},
  ) {
    super(`${interpolate(en.syntax[code], params)} at column ${column}`);
  }
}

/** True when `e` is a rule syntax error. */
export function isRuleSyntaxError(e: unknown): e is RuleSyntaxError {
  return e instanceof RuleSyntaxError;
}

/**
 * The one-line message of a syntax error in `t`'s language: `rule 2 "…": … at column 7`, prefixed
 * with the baseline file when the rule came from one.
 */
export function describeSyntaxError(e: RuleSyntaxError, n: number, t: Translator, file?: string): string {
  const params = { n, rule: e.rule, detail: t.t(`check.syntax.${e.code}`, e.params), column: e.column };
  return file ? t.t('check.error.baseline_rule', { ...params, file }) : t.t('check.error.rule', params);
}

/** A baseline document that cannot be used; `code` picks the `check.error.baseline_*` message. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
  constructor(
    readonly code: 'json' | 'kind' | 'newer' | 'shape',
    readonly params: Params,
  ) {
    super(interpolate(en.error[`baseline_${code}`], { file: 'baseline', ...params }));
  }
}

/** The one-line message of a baseline error in `t`'s language, naming the file. */
export function describeBaselineError(e: BaselineError, t: Translator, file: string): string {
  return t.t(`check.error.baseline_${e.code}`, { ...e.params, file });
}

/** Why a rule failed: one code per message of the `check.reason` catalog. */
export type ReasonCode = keyof typeof en.reason;

/** A failure's explanation as data, so every output format can word it in the reader's language. */
export interface Reason {
  code: ReasonCode;
  params: Params;
}

/** A reason in words; a `section` parameter is shown by its translated name. */
export function describeReason(r: Reason, t: Translator): string {
  const params = { ...r.params };
  if (typeof params.section === 'string' && isSectionName(params.section))
    params.section = t.t(`common.section.${params.section}`);
  return t.t(`check.reason.${r.code}`, params);
}

/** A reason in English, for logs and tests that read no catalog. */
export function englishReason(r: Reason): string {
  return interpolate(en.reason[r.code], r.params);
}
