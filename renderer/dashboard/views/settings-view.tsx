// Settings: language and theme (this browser, remembered), the sampling interval, and the snapshot
// settings the backend keeps (settings:get / settings:set).
import { useEffect, useId, useState } from 'react';
import { isLang } from '../../../shared/i18n/index';
import { useApi, useCommand, useLatestSample } from '../../app/api-context';
import { usePrefs, type Theme } from '../../app/prefs-context';
import { parseNumber } from '../../lib/format';

/** The settings page. */
export function SettingsView() {
  const { t, lang, setLang, theme, setTheme } = usePrefs();
  const { client } = useApi();
  const settings = useCommand('settings:get', {});
  const sample = useLatestSample();
  const ids = { lang: useId(), theme: useId(), window: useId(), top: useId() };
  const [windowS, setWindowS] = useState('');
  const [topN, setTopN] = useState('');
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!settings.data) return;
    setWindowS(String(settings.data.snapshot.windowSeconds));
    setTopN(String(settings.data.snapshot.topN));
  }, [settings.data]);
  const w = parseNumber(windowS);
  const n = parseNumber(topN);
  const valid = w !== null && w >= 0 && w <= 60 && n !== null && Number.isInteger(n) && n >= 1 && n <= 500;
  const save = () =>
    client.call('settings:set', { settings: { snapshot: { windowSeconds: w, topN: n } } }).then(
      () => {
        setNote(t.t('ui.settings.saved'));
        settings.reload();
      },
      (e: unknown) => setNote(t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) })),
    );
  return (
    <div className="stack settings">
      <section className="card form">
        <label htmlFor={ids.lang}>{t.t('ui.settings.language')}</label>
        <select
          id={ids.lang}
          value={lang}
          data-testid="lang-select"
          onChange={(e) => isLang(e.target.value) && setLang(e.target.value)}
        >
          <option value="en" lang="en">
            English
          </option>
          <option value="ko" lang="ko">
            한국어
          </option>
        </select>
        <label htmlFor={ids.theme}>{t.t('ui.settings.theme')}</label>
        <select id={ids.theme} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
          <option value="system">{t.t('ui.settings.theme_system')}</option>
          <option value="light">{t.t('ui.settings.theme_light')}</option>
          <option value="dark">{t.t('ui.settings.theme_dark')}</option>
        </select>
        <span>{t.t('ui.settings.interval')}</span>
        <span className="muted">
          {sample
            ? t.t('ui.settings.interval_now', { seconds: t.number(sample.interval_ms / 1000) })
            : t.t('ui.app.not_available')}
        </span>
      </section>
      <section className="card form">
        <label htmlFor={ids.window}>{t.t('ui.settings.window')}</label>
        <input
          id={ids.window}
          type="number"
          min={0}
          max={60}
          step={0.5}
          value={windowS}
          onChange={(e) => setWindowS(e.target.value)}
        />
        <label htmlFor={ids.top}>{t.t('ui.settings.top_n')}</label>
        <input
          id={ids.top}
          type="number"
          min={1}
          max={500}
          value={topN}
          onChange={(e) => setTopN(e.target.value)}
        />
        <span />
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!valid || !settings.data}
            onClick={() => void save()}
          >
            {t.t('ui.settings.save')}
          </button>
          <span role="status">{note}</span>
          {settings.error && (
            <span className="error-text">{t.t('ui.app.error', { message: settings.error.message })}</span>
          )}
        </div>
      </section>
    </div>
  );
}
