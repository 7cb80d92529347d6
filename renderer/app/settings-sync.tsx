// Keeps the window's language and theme in the backend's settings (`language`, `ui.theme`): the
// settings file wins on load (unless language is `auto`), and every later change is written back with
// settings:set. Mounted by the dashboard only: the popover reads the same choices from localStorage
// (shared by both pages of one origin), so it never loads the full contract's schemas.
import { useEffect, useRef } from 'react';
import { useApi, useCommand } from './api-context';
import { usePrefs } from './prefs-context';

/** Renders nothing; syncs preferences with the settings file. */
export function SettingsSync() {
  const { client } = useApi();
  const { lang, setLang, theme, setTheme } = usePrefs();
  const settings = useCommand('settings:get', {});
  const synced = useRef<{ lang: string; theme: string } | null>(null);
  useEffect(() => {
    const s = settings.data;
    if (!s || synced.current) return;
    const l = s.language === 'auto' ? lang : s.language;
    synced.current = { lang: l, theme: s.ui.theme };
    if (l !== lang) setLang(l);
    if (s.ui.theme !== theme) setTheme(s.ui.theme);
  }, [settings.data, lang, theme, setLang, setTheme]);
  useEffect(() => {
    const last = synced.current;
    if (!last || (last.lang === lang && last.theme === theme)) return;
    synced.current = { lang, theme };
    // A failure (backend gone, settings file unwritable) keeps the choice for this browser only.
    client.call('settings:set', { settings: { language: lang, ui: { theme } } }).catch(() => undefined);
  }, [client, lang, theme]);
  return null;
}
