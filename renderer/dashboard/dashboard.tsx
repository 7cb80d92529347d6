// The dashboard: a header with the status light, a nav of views (hash-routed, so reload and links keep
// the view), and the chosen view inside its own error boundary.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useApi } from '../app/api-context';
import { exportLatest, type ExportAction } from '../app/create-client';
import { ErrorBoundary } from '../app/error-boundary';
import { usePrefs } from '../app/prefs-context';
import { SettingsSync } from '../app/settings-sync';
import { useStatus } from '../app/use-live';
import { StatusLight } from '../components/status-light';
import { AlertsView } from './views/alerts-view';
import { FleetHostScope } from './views/fleet-scope';
import { ContainersView, DisksView, NetworkView, ServicesView } from './views/inventory-views';
import { OverviewView } from './views/overview-view';
import { ProcessesView } from './views/processes-view';
import { SettingsView } from './views/settings-view';
import { SnapshotsView } from './views/snapshots-view';

/** The dashboard's views, in nav order. */
export const VIEWS = [
  'overview',
  'processes',
  'network',
  'disks',
  'containers',
  'services',
  'snapshots',
  'alerts',
  'settings',
] as const;
/** One dashboard view. */
export type View = (typeof VIEWS)[number];

/** The view a location hash names (#/processes), else the overview. */
export function viewFromHash(hash: string): View {
  // Deep links carry more after the view (`#/alerts/<rule>?subject=…` from a notification click).
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'overview';
}

const RENDER: Record<View, () => ReactNode> = {
  overview: () => <OverviewView />,
  processes: () => <ProcessesView />,
  network: () => <NetworkView />,
  disks: () => <DisksView />,
  containers: () => <ContainersView />,
  services: () => <ServicesView />,
  snapshots: () => <SnapshotsView />,
  alerts: () => <AlertsView />,
  settings: () => <SettingsView />,
};

/** The whole dashboard page. */
export function Dashboard() {
  const { t, lang, setLang } = usePrefs();
  const status = useStatus();
  const { client } = useApi();
  const [exported, setExported] = useState('');
  const runExport = (action: ExportAction) =>
    void exportLatest(client, action, t).then(setExported, (e: unknown) =>
      setExported(t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) })),
    );
  const [view, setView] = useState<View>(() => viewFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t.t(`ui.nav.${view}`)} — ${t.t('ui.app.name')}`;
  }, [view, t]);
  return (
    <div className="dash">
      <SettingsSync />
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t.t('ui.app.skip')}
      </a>
      <header className="dash-head">
        <span className="brand">{t.t('ui.app.name')}</span>
        <StatusLight status={status} />
        <span className="muted">{status?.host}</span>
        <span role="group" aria-label={t.t('tray.export.label')} data-testid="export-actions">
          <button type="button" onClick={() => runExport('save-html')}>
            {t.t('tray.export.save_html')}
          </button>
          <button type="button" onClick={() => runExport('copy-markdown')}>
            {t.t('tray.export.copy_markdown')}
          </button>
          <span role="status" className="muted">
            {exported}
          </span>
        </span>
        <button
          type="button"
          className="lang-toggle"
          data-testid="lang-toggle"
          lang={lang === 'en' ? 'ko' : 'en'}
          onClick={() => setLang(lang === 'en' ? 'ko' : 'en')}
        >
          {lang === 'en' ? '한국어' : 'English'}
        </button>
      </header>
      <nav className="dash-nav" aria-label={t.t('ui.nav.label')}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <a href={`#/${v}`} aria-current={v === view ? 'page' : undefined} data-testid={`nav-${v}`}>
                {t.t(`ui.nav.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="dash-main" id="main" tabIndex={-1}>
        <h1>{t.t(`ui.nav.${view}`)}</h1>
        <FleetHostScope view={view}>
          <ErrorBoundary resetKey={view}>{RENDER[view]()}</ErrorBoundary>
        </FleetHostScope>
      </main>
    </div>
  );
}
