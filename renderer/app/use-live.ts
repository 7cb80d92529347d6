// Live hooks on top of the contract: a rolling buffer of samples, the status light, firing alerts.
import { useEffect, useState } from 'react';
import type { Status } from '../../shared/contract/api';
import type { Alert, AlertRule } from '../../shared/contract/alerts';
import type { Sample } from '../../shared/contract/sample';
import { pushSample } from '../lib/history';
import { useCommand, useEvent } from './api-context';

/** The last `limit` samples: metrics:latest to start, then every metrics:sample event. */
export function useSampleHistory(limit = 60): Sample[] {
  const latest = useCommand('metrics:latest', {});
  const [buffer, setBuffer] = useState<Sample[]>([]);
  useEffect(() => {
    const first = latest.data;
    if (first) setBuffer((b) => pushSample(b, first, limit));
  }, [latest.data, limit]);
  useEvent('metrics:sample', (s) => setBuffer((b) => pushSample(b, s, limit)));
  return buffer;
}

/** The overall status: status:get, then status:changed events. */
export function useStatus(): Status | null {
  const first = useCommand('status:get', {});
  const [live, setLive] = useState<Status | null>(null);
  useEvent('status:changed', setLive);
  return live ?? first.data ?? null;
}

// One empty list for "nothing yet", so consumers' effects keyed on these lists do not rerun every render.
const NO_ALERTS: Alert[] = [];
const NO_RULES: AlertRule[] = [];

/** Alerts, rules and history from alerts:list, with firing ones updated by alerts:changed events. */
export function useAlerts() {
  const list = useCommand('alerts:list', {});
  const [active, setActive] = useState<Alert[] | null>(null);
  useEffect(() => {
    if (list.data) setActive(list.data.active);
  }, [list.data]);
  useEvent('alerts:changed', ({ alert }) =>
    setActive((prev) => {
      const others = (prev ?? []).filter(
        (a) => !(a.rule_id === alert.rule_id && a.subject === alert.subject),
      );
      return alert.state === 'resolved' ? others : [alert, ...others];
    }),
  );
  return {
    active: (active ?? []).filter((a) => a.state === 'firing'),
    pending: (active ?? []).filter((a) => a.state === 'pending'),
    history: list.data?.history ?? NO_ALERTS,
    rules: list.data?.rules ?? NO_RULES,
    loading: list.loading,
    error: list.error,
    reload: list.reload,
  };
}
