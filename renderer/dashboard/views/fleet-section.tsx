// The Fleet section of the Overview: every remote host with its status light, CPU / memory / disk now
// and as sparklines, and its firing alerts. An unreachable host stays in the list, saying why and since
// when, with the last numbers it sent greyed out.
import type { FleetHostState } from '../../../shared/contract/fleet';
import { usePrefs } from '../../app/prefs-context';
import { Sparkline } from '../../components/charts';
import { alertText, formatTime } from '../../lib/format';
import { useFleet } from './fleet-scope';

const METRICS = [
  ['cpu', 'ui.metric.cpu', 'line-cpu'],
  ['memory', 'ui.metric.memory', 'line-memory'],
  ['disk', 'ui.metric.disk', 'line-disk'],
] as const;

function HostCard({ h, onOpen }: { h: FleetHostState; onOpen: () => void }) {
  const { t } = usePrefs();
  const down = h.state === 'unreachable';
  const firing = h.alerts.slice(0, 3);
  return (
    <li
      className={`card fleet-host fleet-${h.state}`}
      data-testid={`fleet-host-${h.name}`}
      data-state={h.state}
    >
      <div className="fleet-host-head">
        <h3>{h.name}</h3>
        <div className={`status status-${h.state}`} data-testid="fleet-status">
          <span className="status-dot" aria-hidden="true" />
          <span className="status-word">{t.t(`fleet.state.${h.state}`)}</span>
          {h.firing > 0 && (
            <span className="status-firing">{t.t('ui.status.firing', { count: h.firing })}</span>
          )}
        </div>
      </div>
      {h.hostname && h.hostname !== h.name && <div className="muted fleet-hostname">{h.hostname}</div>}
      {down && (
        <p className="fleet-problem" data-testid="fleet-problem">
          <strong>
            {h.problem ? t.t(`fleet.problem.${h.problem.code}`) : t.t('fleet.state.unreachable')}
          </strong>
          {h.problem && <span className="fleet-detail"> — {h.problem.message}</span>}
          <span className="muted"> · {t.t('fleet.since', { time: formatTime(t, h.since) })}</span>
        </p>
      )}
      {h.now ? (
        <dl className={`fleet-metrics${down ? ' fleet-stale' : ''}`}>
          {METRICS.map(([key, label, line]) => {
            const name =
              key === 'disk' && h.now?.disk_mount ? `${t.t(label)} ${h.now.disk_mount}` : t.t(label);
            return (
              <div key={key} className="fleet-metric" data-testid={`fleet-${key}`}>
                <dt>{name}</dt>
                <dd>
                  <span className="fleet-value">{t.percent(h.now?.[key])}</span>
                  <Sparkline
                    values={h.spark[key]}
                    min={0}
                    max={100}
                    className={line}
                    label={t.t('fleet.spark', { metric: name, host: h.name, count: h.spark[key].length })}
                  />
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p className="muted">{t.t('fleet.no_data')}</p>
      )}
      <div className="fleet-alerts" data-testid="fleet-alerts">
        {firing.length === 0 ? (
          <span className="muted">{t.t('fleet.no_alerts')}</span>
        ) : (
          <ul>
            {firing.map((a) => (
              <li key={`${a.rule_id}/${a.subject}`} className={`badge badge-${a.severity}`}>
                {alertText(t, a)}
              </li>
            ))}
            {h.alerts.length > firing.length && (
              <li className="muted">
                {t.t('fleet.more_alerts', { count: h.alerts.length - firing.length })}
              </li>
            )}
          </ul>
        )}
      </div>
      <button type="button" onClick={onOpen} data-testid="fleet-open">
        {t.t('fleet.open', { host: h.name })}
      </button>
    </li>
  );
}

/** The Fleet section: nothing when this backend has no fleet view; a hint when it has no hosts yet. */
export function FleetSection() {
  const fleet = useFleet();
  const { t } = usePrefs();
  if (!fleet?.available) return null;
  return (
    <section className="fleet" aria-labelledby="fleet-title" data-testid="fleet">
      <h2 id="fleet-title">{t.t('fleet.title')}</h2>
      {fleet.hosts.length === 0 ? (
        <p className="muted">{t.t('fleet.empty')}</p>
      ) : (
        <ul className="fleet-grid">
          {fleet.hosts.map((h) => (
            <HostCard key={h.name} h={h} onOpen={() => fleet.setHost(h.name)} />
          ))}
        </ul>
      )}
    </section>
  );
}
