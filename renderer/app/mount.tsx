// Mounts a page with every provider: preferences, the ApiClient, the error boundary and the
// backend-unreachable banner.
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../../shared/contract/api';
import { ApiProvider, useApi } from './api-context';
import { createClient } from './create-client';
import { ErrorBoundary } from './error-boundary';
import { PrefsProvider, useT } from './prefs-context';
import './base.css';
import '../components/components.css';

/** Shown while the backend does not answer: says so, keeps retrying, and offers a retry button. */
export function UnreachableBanner() {
  const { reachable, retry } = useApi();
  const t = useT();
  if (reachable !== false) return null;
  return (
    <div className="unreachable" role="alert" data-testid="unreachable">
      <strong>{t.t('ui.app.unreachable_title')}</strong>
      <span>{t.t('ui.app.unreachable_body')}</span>
      <button type="button" onClick={retry}>
        {t.t('ui.app.retry')}
      </button>
    </div>
  );
}

/** Greys out what is on screen while the backend is gone: it is the last known state, not the current. */
export function StaleWhenUnreachable({ children }: { children: ReactNode }) {
  const { reachable } = useApi();
  return <div className={reachable === false ? 'stale' : undefined}>{children}</div>;
}

/** The provider stack around a page. */
export function AppShell({ client, children }: { client: ApiClient; children: ReactNode }) {
  return (
    <PrefsProvider>
      <ApiProvider client={client}>
        <UnreachableBanner />
        <ErrorBoundary>
          <StaleWhenUnreachable>{children}</StaleWhenUnreachable>
        </ErrorBoundary>
      </ApiProvider>
    </PrefsProvider>
  );
}

/** The client createClient() picks for this page (IPC in the app, HTTP + SSE in a browser). */
export function pageClient(): ApiClient {
  return createClient();
}

/** Renders `page` into #root with the page's client. */
export function mountApp(page: ReactNode, client: ApiClient = pageClient()): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('AutoInfraSnap: #root element missing');
  createRoot(container).render(
    <StrictMode>
      <AppShell client={client}>{page}</AppShell>
    </StrictMode>,
  );
}
