// Language and theme of the windows: remembered in localStorage, applied to <html lang> and data-theme.
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { createTranslator, isLang, type Lang, type Translator } from '../../shared/i18n/index';

/** Light, dark, or whatever the system prefers. */
export type Theme = 'system' | 'light' | 'dark';

/** What the preferences context shares. */
export interface Prefs {
  t: Translator;
  lang: Lang;
  setLang: (lang: Lang) => void;
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

const LANG_KEY = 'autoinfrasnap.lang';
const THEME_KEY = 'autoinfrasnap.theme';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage off (private mode): the choice lasts for this page only.
  }
}

/** The starting language: the remembered choice, else the browser's language, else English. */
export function initialLang(saved: string | null, browser: string | undefined): Lang {
  if (saved && isLang(saved)) return saved;
  return browser?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** The starting theme: the remembered choice, else follow the system. */
export function initialTheme(saved: string | null): Theme {
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

const PrefsContext = createContext<Prefs | null>(null);

/** Provides the translator (local time zone) and the theme; both survive a reload. */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang(stored(LANG_KEY), navigator.language));
  const [theme, setThemeState] = useState<Theme>(() => initialTheme(stored(THEME_KEY)));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  const value = useMemo<Prefs>(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      t: createTranslator(lang, { timeZone }),
      lang,
      setLang: (l) => {
        store(LANG_KEY, l);
        setLangState(l);
      },
      theme,
      setTheme: (th) => {
        store(THEME_KEY, th);
        setThemeState(th);
      },
    };
  }, [lang, theme]);
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

/** The preferences; throws outside a PrefsProvider. */
export function usePrefs(): Prefs {
  const prefs = useContext(PrefsContext);
  if (!prefs) throw new Error('usePrefs outside PrefsProvider');
  return prefs;
}

/** Shortcut for the translator. */
export function useT(): Translator {
  return usePrefs().t;
}
