// Settings: language and theme (applied at once, kept in the settings file by SettingsSync), live
// monitoring (intervals and quiet hours, applied live by the backend), the snapshot settings, and the
// alert thresholds (the rules editor). Everything goes through settings:get / settings:set.
import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../../shared/settings/schema';
import { isLang } from '../../../shared/i18n/index';
import { useApi, useCommand, useLatestSample } from '../../app/api-context';
import { usePrefs, type Theme } from '../../app/prefs-context';
import { useAlerts } from '../../app/use-live';
import { parseNumber } from '../../lib/format';
import { FleetHostsEditor } from './fleet-hosts-editor';
import { RulesEditor } from './rules-editor';
import { S3Settings } from './s3-settings';

/** "22:00-07:00" → ["22:00", "07:00"]; "" → ["", ""]. */
export function splitQuietHours(text: string): [string, string] {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text);
  return m ? [m[1]!, m[2]!] : ['', ''];
}

/** The monitor settings a form holds, or why it cannot be saved. */
export function monitorPatch(form: {
  interval: string;
  idle: string;
  from: string;
  to: string;
}): { ok: true; monitor: Settings['monitor'] } | { ok: false; error: 'interval' | 'quiet' } {
  const interval = parseNumber(form.interval);
  const idle = parseNumber(form.idle);
  const inRange = (n: number | null): n is number => n !== null && n >= 1 && n <= 60;
  if (!inRange(interval) || !inRange(idle)) return { ok: false, error: 'interval' };
  if ((form.from === '') !== (form.to === '')) return { ok: false, error: 'quiet' };
  const quietHours = form.from ? `${form.from}-${form.to}` : '';
  return { ok: true, monitor: { intervalSeconds: interval, idleIntervalSeconds: idle, quietHours } };
}

/** Saves a settings patch and reports the outcome in a status line. */
function useSave(reload: () => void) {
  const { client } = useApi();
  const { t } = usePrefs();
  const [note, setNote] = useState<string | null>(null);
  const save = (patch: Record<string, unknown>) =>
    client.call('settings:set', { settings: patch }).then(
      () => {
        setNote(t.t('ui.settings.saved'));
        reload();
      },
      (e: unknown) => setNote(t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) })),
    );
  return { note, save };
}

/** Language and theme. */
function Appearance() {
  const { t, lang, setLang, theme, setTheme } = usePrefs();
  const ids = { lang: useId(), theme: useId() };
  return (
    <section className="card form" aria-labelledby={`${ids.lang}-h`}>
      <h2 id={`${ids.lang}-h`} className="form-title">
        {t.t('ui.settings.appearance')}
      </h2>
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
      <select
        id={ids.theme}
        value={theme}
        data-testid="theme-select"
        onChange={(e) => setTheme(e.target.value as Theme)}
      >
        <option value="system">{t.t('ui.settings.theme_system')}</option>
        <option value="light">{t.t('ui.settings.theme_light')}</option>
        <option value="dark">{t.t('ui.settings.theme_dark')}</option>
      </select>
      <span />
      <span className="muted">{t.t('ui.settings.synced')}</span>
    </section>
  );
}

/** Sampling intervals and quiet hours. */
function Monitoring({ settings, reload }: { settings: Settings | undefined; reload: () => void }) {
  const { t } = usePrefs();
  const sample = useLatestSample();
  const ids = { h: useId(), interval: useId(), idle: useId(), from: useId(), to: useId(), hint: useId() };
  const [form, setForm] = useState({ interval: '', idle: '', from: '', to: '' });
  const { note, save } = useSave(reload);
  useEffect(() => {
    if (!settings) return;
    const [from, to] = splitQuietHours(settings.monitor.quietHours);
    setForm({
      interval: String(settings.monitor.intervalSeconds),
      idle: String(settings.monitor.idleIntervalSeconds),
      from,
      to,
    });
  }, [settings]);
  const patch = monitorPatch(form);
  const field = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <section className="card form" aria-labelledby={ids.h} data-testid="monitor-settings">
      <h2 id={ids.h} className="form-title">
        {t.t('ui.settings.monitoring')}
      </h2>
      <label htmlFor={ids.interval}>{t.t('ui.settings.interval_s')}</label>
      <input
        id={ids.interval}
        type="number"
        min={1}
        max={60}
        step={1}
        value={form.interval}
        data-testid="interval-input"
        onChange={field('interval')}
      />
      <label htmlFor={ids.idle}>{t.t('ui.settings.idle_interval_s')}</label>
      <input
        id={ids.idle}
        type="number"
        min={1}
        max={60}
        step={1}
        value={form.idle}
        onChange={field('idle')}
      />
      <label htmlFor={ids.from}>{t.t('ui.settings.quiet_from')}</label>
      <input
        id={ids.from}
        type="time"
        value={form.from}
        aria-describedby={ids.hint}
        data-testid="quiet-from"
        onChange={field('from')}
      />
      <label htmlFor={ids.to}>{t.t('ui.settings.quiet_to')}</label>
      <input
        id={ids.to}
        type="time"
        value={form.to}
        aria-describedby={ids.hint}
        data-testid="quiet-to"
        onChange={field('to')}
      />
      <span />
      <span className="muted" id={ids.hint}>
        {t.t('ui.settings.quiet_hint')}
      </span>
      <span>{t.t('ui.settings.interval')}</span>
      <span className="muted" data-testid="interval-now">
        {sample
          ? t.t('ui.settings.interval_now', { seconds: t.number(sample.interval_ms / 1000) })
          : t.t('ui.app.not_available')}
      </span>
      <span />
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!patch.ok || !settings}
          data-testid="save-monitor"
          onClick={() => patch.ok && void save({ monitor: patch.monitor })}
        >
          {t.t('ui.settings.save')}
        </button>
        <span role="status">{note}</span>
        {!patch.ok && (
          <span className="error-text">
            {t.t(patch.error === 'quiet' ? 'ui.settings.quiet_both' : 'ui.settings.invalid_interval')}
          </span>
        )}
      </div>
    </section>
  );
}

/** Snapshot window and top-list length. */
function SnapshotSettings({ settings, reload }: { settings: Settings | undefined; reload: () => void }) {
  const { t } = usePrefs();
  const ids = { h: useId(), window: useId(), top: useId() };
  const [windowS, setWindowS] = useState('');
  const [topN, setTopN] = useState('');
  const { note, save } = useSave(reload);
  useEffect(() => {
    if (!settings) return;
    setWindowS(String(settings.snapshot.windowSeconds));
    setTopN(String(settings.snapshot.topN));
  }, [settings]);
  const w = parseNumber(windowS);
  const n = parseNumber(topN);
  const valid = w !== null && w >= 0 && w <= 60 && n !== null && Number.isInteger(n) && n >= 1 && n <= 500;
  return (
    <section className="card form" aria-labelledby={ids.h}>
      <h2 id={ids.h} className="form-title">
        {t.t('ui.settings.snapshots')}
      </h2>
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
          disabled={!valid || !settings}
          onClick={() => void save({ snapshot: { windowSeconds: w, topN: n } })}
        >
          {t.t('ui.settings.save')}
        </button>
        <span role="status">{note}</span>
      </div>
    </section>
  );
}

/** The settings page. */
export function SettingsView() {
  const { t } = usePrefs();
  const settings = useCommand('settings:get', {});
  const alerts = useAlerts();
  return (
    <div className="stack settings">
      <Appearance />
      {settings.error && (
        <p className="error-text" role="alert">
          {t.t('ui.app.error', { message: settings.error.message })}
        </p>
      )}
      <Monitoring settings={settings.data} reload={settings.reload} />
      <SnapshotSettings settings={settings.data} reload={settings.reload} />
      <S3Settings settings={settings.data} reload={settings.reload} />
      <FleetHostsEditor />
      <section className="card">
        <h2>{t.t('ui.settings.thresholds')}</h2>
        <RulesEditor rules={alerts.rules} onSaved={alerts.reload} />
      </section>
    </div>
  );
}
