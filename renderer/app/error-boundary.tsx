// Never a blank window: a render error shows a message and a reload button instead of an empty page.
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useT } from './prefs-context';

interface BoundaryState {
  error: Error | null;
}

/** Catches render errors below it and shows CrashNotice; `resetKey` changes clear the error. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('AutoInfraSnap view failed', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error)
      return (
        <CrashNotice message={this.state.error.message} onRetry={() => this.setState({ error: null })} />
      );
    return this.props.children;
  }
}

/** The message an ErrorBoundary shows, with retry and reload. */
export function CrashNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT();
  return (
    <section className="notice notice-error" role="alert">
      <h2>{t.t('ui.app.crashed_title')}</h2>
      <p>{t.t('ui.app.crashed_body', { message })}</p>
      <div className="row">
        <button type="button" onClick={onRetry}>
          {t.t('ui.app.retry')}
        </button>
        <button type="button" onClick={() => location.reload()}>
          {t.t('ui.app.reload')}
        </button>
      </div>
    </section>
  );
}
