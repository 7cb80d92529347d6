// A simple editor of alert rules: metric rules are edited inline, other kinds listed; saved with
// alerts:rules:set (the backend validates and answers with the rules it keeps).
import { useEffect, useId, useState } from 'react';
import type { AlertRule } from '../../../shared/contract/alerts';
import { useApi } from '../../app/api-context';
import { useT } from '../../app/prefs-context';
import { parseNumber } from '../../lib/format';

type MetricRule = Extract<AlertRule, { kind: 'metric' }>;

/** Metric ids offered in the editor (any history metric id is accepted). */
export const METRIC_SUGGESTIONS = ['cpu', 'memory', 'swap', 'load1', 'temp', 'battery', 'disk:/', 'disk:*'];

/** Ids of rules the editor refuses to save: metric rules whose clear level is not below the fire level. */
export function invalidRules(rules: readonly AlertRule[]): string[] {
  return rules.filter((r) => r.kind === 'metric' && !(r.clear_at < r.fire_at)).map((r) => r.id);
}

/** A new metric rule with an id not yet taken. */
export function newMetricRule(rules: readonly AlertRule[]): MetricRule {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `rule-${n}`)) n++;
  return {
    kind: 'metric',
    id: `rule-${n}`,
    metric: 'cpu',
    fire_at: 90,
    clear_at: 80,
    for_s: 30,
    cooldown_s: 600,
    severity: 'warning',
    enabled: true,
  };
}

/** The rules editor. */
export function RulesEditor({ rules, onSaved }: { rules: readonly AlertRule[]; onSaved: () => void }) {
  const { client } = useApi();
  const t = useT();
  const listId = useId();
  const [draft, setDraft] = useState<AlertRule[]>([...rules]);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => setDraft([...rules]), [rules]);
  const bad = invalidRules(draft);
  const patch = (i: number, p: Partial<MetricRule>) =>
    setDraft((d) => d.map((r, j) => (j === i && r.kind === 'metric' ? { ...r, ...p } : r)));
  const num = (v: string, fallback: number) => parseNumber(v) ?? fallback;
  const save = () =>
    client.call('alerts:rules:set', { rules: draft }).then(
      () => {
        setNote(t.t('ui.alerts.saved'));
        onSaved();
      },
      (e: unknown) => setNote(t.t('ui.app.error', { message: e instanceof Error ? e.message : String(e) })),
    );
  return (
    <div className="rules" data-testid="rules-editor">
      <datalist id={listId}>
        {METRIC_SUGGESTIONS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t('ui.alerts.rule')}</th>
              <th scope="col">{t.t('ui.alerts.metric')}</th>
              <th scope="col">{t.t('ui.alerts.fire_at')}</th>
              <th scope="col">{t.t('ui.alerts.clear_at')}</th>
              <th scope="col">{t.t('ui.alerts.for_s')}</th>
              <th scope="col">{t.t('ui.alerts.severity')}</th>
              <th scope="col">{t.t('ui.alerts.enabled')}</th>
              <th scope="col">
                <span className="sr-only">{t.t('ui.alerts.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.map((r, i) => (
              <tr key={i} className={bad.includes(r.id) ? 'invalid' : undefined}>
                <td>
                  <code>{r.id}</code>
                </td>
                {r.kind === 'metric' ? (
                  <>
                    <td>
                      <input
                        aria-label={`${r.id} ${t.t('ui.alerts.metric')}`}
                        list={listId}
                        value={r.metric}
                        onChange={(e) => patch(i, { metric: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        className="narrow"
                        aria-label={`${r.id} ${t.t('ui.alerts.fire_at')}`}
                        value={r.fire_at}
                        onChange={(e) => patch(i, { fire_at: num(e.target.value, r.fire_at) })}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        className="narrow"
                        aria-label={`${r.id} ${t.t('ui.alerts.clear_at')}`}
                        value={r.clear_at}
                        onChange={(e) => patch(i, { clear_at: num(e.target.value, r.clear_at) })}
                      />
                    </td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        className="narrow"
                        aria-label={`${r.id} ${t.t('ui.alerts.for_s')}`}
                        value={r.for_s}
                        onChange={(e) => patch(i, { for_s: Math.max(0, num(e.target.value, r.for_s)) })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${r.id} ${t.t('ui.alerts.severity')}`}
                        value={r.severity}
                        onChange={(e) =>
                          patch(i, { severity: e.target.value === 'critical' ? 'critical' : 'warning' })
                        }
                      >
                        <option value="warning">{t.t('ui.alerts.warning')}</option>
                        <option value="critical">{t.t('ui.alerts.critical')}</option>
                      </select>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.id} ${t.t('ui.alerts.enabled')}`}
                        checked={r.enabled}
                        onChange={(e) => patch(i, { enabled: e.target.checked })}
                      />
                    </td>
                  </>
                ) : (
                  <td colSpan={6} className="muted">
                    {t.t('ui.alerts.other_rule', { kind: r.kind })}
                  </td>
                )}
                <td>
                  <button
                    type="button"
                    aria-label={t.t('ui.alerts.remove_rule', { id: r.id })}
                    onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}
                  >
                    {t.t('ui.alerts.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        <button type="button" onClick={() => setDraft((d) => [...d, newMetricRule(d)])}>
          {t.t('ui.alerts.add')}
        </button>
        <button type="button" className="primary" disabled={bad.length > 0} onClick={() => void save()}>
          {t.t('ui.alerts.save')}
        </button>
        {bad.length > 0 && <span className="error-text">{t.t('ui.alerts.invalid')}</span>}
        <span role="status">{note}</span>
      </div>
    </div>
  );
}
