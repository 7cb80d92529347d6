import i18next from 'i18next';
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

/** Creates a translator; cheap enough to make one per report. */
export function createTranslator(lang: Lang, opts: { timeZone?: string } = {}): Translator {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: lang,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: en }, ko: { translation: ko } },
    interpolation: { escapeValue: false }, // renderers escape for their own format (HTML, Markdown)
    returnNull: false,
  });
  const timeZone = opts.timeZone ?? 'UTC';
  let nf: Intl.NumberFormat | undefined;
  let dtf: Intl.DateTimeFormat | undefined;
  const number = (n: number, digits = 1): string =>
    (nf && digits === 1 ? nf : (nf = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }))).format(
      n,
    );
  return {
    lang,
    t: (key, params) => i18n.t(key, params ?? {}) as string,
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
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const v = env[name];
    if (v && v !== 'C' && v !== 'POSIX' && !v.startsWith('C.'))
      return v.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }
  const loc = intlLocale?.() ?? '';
  return loc.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
