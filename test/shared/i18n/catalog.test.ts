import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../shared/i18n/catalog.js';
import { CATALOGS, createTranslator, resolveLang } from '../../../shared/i18n/index.js';

function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const en = flatten(CATALOGS.en as unknown as Catalog);
  const ko = flatten(CATALOGS.ko as unknown as Catalog);

  it('has a Korean translation for every English key, and no Korean key English lacks', () => {
    expect([...en.keys()].filter((k) => !ko.has(k))).toEqual([]);
    expect([...ko.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('has no empty message, and the same placeholders in both languages', () => {
    for (const [k, v] of en) {
      expect(v.trim(), k).not.toBe('');
      expect(ko.get(k)!.trim(), k).not.toBe('');
      expect(placeholders(ko.get(k)!), k).toEqual(placeholders(v));
    }
  });
});

describe('translator', () => {
  it('interpolates, picks plural forms and formats numbers per locale', () => {
    const en = createTranslator('en');
    const ko = createTranslator('ko');
    expect(en.t('common.health.zombies', { count: 1 })).toBe('1 zombie process');
    expect(en.t('common.health.zombies', { count: 3 })).toBe('3 zombie processes');
    expect(ko.t('common.health.zombies', { count: 3 })).toBe('좀비 프로세스 3개');
    expect(en.number(1234567.25, 2)).toBe('1,234,567.25');
    expect(en.percent(93.46)).toBe('93%');
    expect(en.percent(4.56)).toBe('4.6%');
    expect(ko.dateTime('2026-11-26T12:00:00Z')).toMatch(/2026.*11.*26.*UTC$/);
  });

  it('resolves the language from the setting, then the OS locale, else English', () => {
    expect(resolveLang('ko', { LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(resolveLang('auto', { LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(resolveLang('auto', { LC_ALL: 'en_GB.UTF-8', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(resolveLang('auto', { LANG: 'C.UTF-8' }, () => 'ko-KR')).toBe('en');
    expect(resolveLang('auto', {}, () => 'ko-KR')).toBe('ko');
    expect(resolveLang(undefined, {}, () => 'de-DE')).toBe('en');
  });
});
