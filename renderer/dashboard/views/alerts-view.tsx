// Alerts: what is firing now (live through alerts:changed), the history, and the rules editor.
import type { Alert } from '../../../shared/contract/alerts';
import { useT } from '../../app/prefs-context';
import { useAlerts } from '../../app/use-live';
import { DataTable, type Column } from '../../components/data-table';
import { SeverityBadge } from '../../components/status-light';
import { alertText, formatTime } from '../../lib/format';
import { DeliveryView } from './delivery-view';
import { RulesEditor } from './rules-editor';

/** The alerts page. */
export function AlertsView() {
  const t = useT();
  const alerts = useAlerts();
  const columns: Column<Alert>[] = [
    {
      key: 'severity',
      label: t.t('ui.alerts.severity'),
      value: (a) => (a.severity === 'critical' ? 2 : 1),
      render: (a) => <SeverityBadge severity={a.severity} />,
    },
    { key: 'message', label: t.t('ui.alerts.subject'), value: (a) => alertText(t, a) },
    {
      key: 'state',
      label: t.t('ui.alerts.state'),
      value: (a) => a.state,
      render: (a) => t.t(`alerts.state.${a.state}`),
    },
    {
      key: 'value',
      label: t.t('ui.alerts.value'),
      value: (a) => a.value,
      render: (a) => (a.value === null ? '–' : t.number(a.value)),
      numeric: true,
    },
    {
      key: 'since',
      label: t.t('ui.alerts.since'),
      value: (a) => a.since,
      render: (a) => formatTime(t, a.since),
    },
  ];
  const key = (a: Alert) => `${a.rule_id}/${a.subject}/${a.since}`;
  if (alerts.error)
    return <p className="error-text">{t.t('ui.app.error', { message: alerts.error.message })}</p>;
  return (
    <div className="stack">
      <section className="card" data-testid="alerts-firing">
        <h2>{t.t('ui.alerts.firing')}</h2>
        {alerts.active.length === 0 ? (
          <p className="muted">{t.t('ui.alerts.none_firing')}</p>
        ) : (
          <DataTable
            columns={columns}
            rows={alerts.active}
            rowKey={key}
            label={t.t('ui.alerts.firing')}
            initialSort={{ key: 'severity', dir: 'desc' }}
          />
        )}
      </section>
      <section className="card" data-testid="alerts-history">
        <h2>{t.t('ui.alerts.history')}</h2>
        {alerts.history.length === 0 ? (
          <p className="muted">{t.t('ui.alerts.no_history')}</p>
        ) : (
          <DataTable
            columns={columns}
            rows={alerts.history}
            rowKey={key}
            label={t.t('ui.alerts.history')}
            initialSort={{ key: 'since', dir: 'desc' }}
          />
        )}
      </section>
      <section className="card">
        <h2>{t.t('ui.alerts.rules')}</h2>
        <RulesEditor rules={alerts.rules} onSaved={alerts.reload} />
      </section>
      <DeliveryView />
    </div>
  );
}
