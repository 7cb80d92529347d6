// The status light: a coloured dot with its word (colour is never the only signal) and the firing count.
import type { Status } from '../../shared/contract/api';
import { useT } from '../app/prefs-context';
import { statusText } from '../lib/format';

/** Shows ok / warning / critical / paused with the number of firing alerts; a live region. */
export function StatusLight({ status }: { status: Status | null }) {
  const t = useT();
  const s = status?.status;
  return (
    <div className={`status status-${s ?? 'unknown'}`} role="status" data-testid="status">
      <span className="status-dot" aria-hidden="true" />
      <span className="status-word">{s ? statusText(t, s) : t.t('ui.app.loading')}</span>
      {status && status.firing > 0 && (
        <span className="status-firing">{t.t('ui.status.firing', { count: status.firing })}</span>
      )}
    </div>
  );
}

/** A severity badge: text plus a colour class. */
export function SeverityBadge({ severity }: { severity: 'warning' | 'critical' }) {
  const t = useT();
  return <span className={`badge badge-${severity}`}>{t.t(`ui.alerts.${severity}`)}</span>;
}
