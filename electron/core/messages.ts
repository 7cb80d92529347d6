import { createTranslator, type MessageKey, type Translator } from '../../shared/i18n/index.js';
import { UserError, type MessageParams, type UserErrorKind } from './errors.js';

let english: Translator | undefined;

/** A catalog message in `t`'s language, with nested `{ key }` parameters translated too. */
export function translate(t: Translator, key: string, params: MessageParams = {}): string {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v !== 'object') flat[k] = v;
  // A nested message sees the same parameters: `detail: { key: 'cli.config.too_small' }` uses `min`.
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'object') flat[k] = t.t(v.key as MessageKey, flat);
  return t.t(key as MessageKey, flat);
}

/** A catalog message in English: what errors carry as `message`, for logs and non-interactive callers. */
export function englishMessage(key: MessageKey, params: MessageParams = {}): string {
  english ??= createTranslator('en');
  return translate(english, key, params);
}

/** A UserError whose text comes from the catalog, so the CLI can show it in Korean too. */
export function userError(
  kind: UserErrorKind,
  key: MessageKey,
  params: MessageParams = {},
  cause?: unknown,
): UserError {
  return new UserError(kind, englishMessage(key, params), { key, params, cause });
}
