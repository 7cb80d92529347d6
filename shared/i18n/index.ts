import { formatBytes } from '../format.js';
import type { Lang } from './catalog.js';
import { en } from './locales/en/index.js';
import { ko } from './locales/ko/index.js';

export { LANGUAGES, isLang, type Lang } from './catalog.js';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}`
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, checked by the compiler: `common.health.ok`, `diff.title`… (plurals without suffix). */
export type MessageKey = Leaves<typeof en>;

/** Catalogs by language. */
export const CATALOGS = { en, ko } as const;

/** Messages and locale-aware formatting for one language. */
export interface Translator {
  readonly lang: Lang;
  /** A message; `count` picks the plural form, other params are interpolated as `{{name}}`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** 1234.5 → "1,234.5". */
  number(n: number, maximumFractionDigits?: number): string;
  /** 93.46 → "93%" (one decimal under 10). */
  percent(n: number | null | undefined): string;
  /** Bytes in IEC units with a locale-formatted number: "1.5 GiB". */
  bytes(n: number | null | undefined): string;
  /** An RFC 3339 time as a readable date and time in `timeZone` (default UTC, labelled). */
  dateTime(iso: string): string;
}

function lookup(catalog: unknown, path: string[]): unknown {
  let node = catalog;
  for (const p of path)
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
  return node;
}

/**
 * Resolves a key in i18next's catalog format — `{{name}}` interpolation, `_one`/`_other` plural
 * suffixes chosen by Intl.PluralRules — without loading i18next itself: the CLI makes a translator
 * on every run and this takes microseconds. The catalogs stay loadable by i18next for the renderer.
 */
function message(
  lang: Lang,
  plurals: Intl.PluralRules,
  key: string,
  params: Record<string, string | number>,
): string {
  const path = key.split('.');
  const base = path.slice(0, -1);
  const leaf = path[path.length - 1]!;
  for (const catalog of lang === 'en' ? [en] : [CATALOGS[lang], en]) {
    let text = lookup(catalog, path);
    if (typeof text !== 'string' && typeof params.count === 'number') {
      const form = plurals.select(params.count);
      text = lookup(catalog, [...base, `${leaf}_${form}`]) ?? lookup(catalog, [...base, `${leaf}_other`]);
    }
    if (typeof text === 'string')
      return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) =>
        name in params ? String(params[name]) : m,
      );
  }
  return key;
}

/** Creates a translator; cheap enough to make one per report. */
export function createTranslator(lang: Lang, opts: { timeZone?: string } = {}): Translator {
  const plurals = new Intl.PluralRules(lang);
  const timeZone = opts.timeZone ?? 'UTC';
  const formats = new Map<number, Intl.NumberFormat>();
  let dtf: Intl.DateTimeFormat | undefined;
  const number = (n: number, digits = 1): string => {
    let nf = formats.get(digits);
    if (!nf) formats.set(digits, (nf = new Intl.NumberFormat(lang, { maximumFractionDigits: digits })));
    return nf.format(n);
  };
  return {
    lang,
    t: (key, params) => message(lang, plurals, key, params ?? {}),
    number,
    percent: (n) =>
      n === null || n === undefined || !Number.isFinite(n)
        ? '–'
        : `${number(n >= 10 ? Math.round(n) : Math.round(n * 10) / 10)}%`,
    bytes: (n) => formatBytes(n),
    dateTime: (iso) => {
      dtf ??= new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
      return `${dtf.format(new Date(iso))} ${timeZone === 'UTC' ? 'UTC' : ''}`.trim();
    },
  };
}

/**
 * The language to use: an explicit setting wins; `auto` follows the OS locale (LC_ALL, LC_MESSAGES,
 * LANG, LANGUAGE, then the runtime's Intl locale), falling back to English.
 */
export function resolveLang(
  setting: string | undefined,
  env: Record<string, string | undefined>,
  intlLocale?: () => string,
): Lang {
  if (setting === 'en' || setting === 'ko') return setting;
  // POSIX order: the first variable that is set decides (C and POSIX mean English). Intl's locale
  // costs tens of ms to resolve, so it is asked only when none is set (GUI-launched apps, Windows).
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const v = env[name];
    if (v) return v.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }
  const loc = intlLocale?.() ?? '';
  return loc.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
