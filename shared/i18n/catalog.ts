/** The languages every user-facing string exists in. */
export const LANGUAGES = ['en', 'ko'] as const;

/** One supported language. */
export type Lang = (typeof LANGUAGES)[number];

/** A nested message catalog: leaves are i18next strings (`{{name}}` interpolation, `_one`/`_other` plurals). */
export interface Catalog {
  [key: string]: string | Catalog;
}

/**
 * The shape a translation must have: the same keys as the English catalog, every leaf a string. Used to
 * type the Korean catalogs, so a missing key is a compile error as well as a test failure.
 */
export type TranslationOf<T> = { [K in keyof T]: T[K] extends string ? string : TranslationOf<T[K]> };

/** True when `s` names a supported language. */
export function isLang(s: string): s is Lang {
  return (LANGUAGES as readonly string[]).includes(s);
}
