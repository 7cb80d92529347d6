// The fleet around the dashboard's views: the remote hosts' states (fleet:list, then fleet:changed),
// the host picker, and — when a remote host is picked — the detail views run against a host client
// (fleet:call) in a nested ApiProvider, so they work for a remote host as for this machine.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiClient } from '../../../shared/contract/api';
import type { FleetHostState } from '../../../shared/contract/fleet';
import { ApiProvider, useApi } from '../../app/api-context';
import { usePrefs } from '../../app/prefs-context';
import { createHostClient } from '../../transport/host-client';
import './fleet.css';

/** What the fleet views share: this machine's client, the hosts, and the picked host ('' = local). */
export interface FleetState {
  local: ApiClient;
  hosts: FleetHostState[];
  /** False when this backend has no fleet view (an older server, the app without one). */
  available: boolean;
  host: string;
  setHost: (host: string) => void;
  /** Asks fleet:list again (after the hosts editor saved). */
  reload: () => void;
}

const FleetContext = createContext<FleetState | null>(null);

/** The fleet state; null outside a FleetHostScope. */
export function useFleet(): FleetState | null {
  return useContext(FleetContext);
}

const PICKED = 'autoinfrasnap.fleet.host';

/** The hosts of `client`'s backend: fleet:list once (and when the backend is back), then fleet:changed. */
export function useFleetHosts(
  client: ApiClient,
  epoch: number,
): { hosts: FleetHostState[]; available: boolean; reload: () => void } {
  const [hosts, setHosts] = useState<FleetHostState[]>([]);
  const [available, setAvailable] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    // Subscribe first: a change that lands while the list is on its way is applied on top of it.
    const pending: { changed: FleetHostState[]; removed: string[] }[] = [];
    let loaded = false;
    const apply = (prev: FleetHostState[], c: { changed: FleetHostState[]; removed: string[] }) => {
      const byName = new Map(prev.map((h) => [h.name, h]));
      for (const h of c.changed) byName.set(h.name, h);
      const order = [...prev.map((h) => h.name), ...c.changed.map((h) => h.name)];
      return [...new Set(order)]
        .filter((n) => !c.removed.includes(n) || c.changed.some((h) => h.name === n))
        .map((n) => byName.get(n)!)
        .filter(Boolean);
    };
    const off = client.subscribe('fleet:changed', (c) => {
      if (!loaded) pending.push(c);
      else setHosts((prev) => apply(prev, c));
    });
    client.call('fleet:list', {}).then(
      (list) => {
        if (!live) return;
        loaded = true;
        setAvailable(true);
        setHosts(pending.reduce(apply, list));
      },
      () => live && setAvailable(false),
    );
    return () => {
      live = false;
      off();
    };
  }, [client, epoch, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { hosts, available, reload };
}

/** The host picker: this machine or one of the fleet's hosts (a native select: keyboard and screen readers). */
export function HostPicker() {
  const fleet = useFleet();
  const { t } = usePrefs();
  if (!fleet || fleet.hosts.length === 0) return null;
  return (
    <label className="fleet-picker">
      <span>{t.t('fleet.picker')}</span>
      <select value={fleet.host} data-testid="fleet-picker" onChange={(e) => fleet.setHost(e.target.value)}>
        <option value="">{t.t('fleet.local')}</option>
        {fleet.hosts.map((h) => (
          <option key={h.name} value={h.name}>
            {h.state === 'unreachable' ? `${h.name} — ${t.t('fleet.state.unreachable')}` : h.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function RemoteBanner({ host }: { host: FleetHostState }) {
  const { t } = usePrefs();
  if (host.state !== 'unreachable') return null;
  const reason = host.problem ? t.t(`fleet.problem.${host.problem.code}`) : t.t('fleet.state.unreachable');
  return (
    <div className="unreachable" role="alert" data-testid="fleet-host-unreachable">
      <span>{t.t('fleet.host_unreachable', { host: host.name, reason })}</span>
    </div>
  );
}

/**
 * Wraps the dashboard's view: provides the fleet state, shows the picker, and runs the view against the
 * picked remote host. Settings always stay this machine's.
 */
export function FleetHostScope({ view, children }: { view: string; children: ReactNode }) {
  const { client, epoch } = useApi();
  const { hosts, available, reload } = useFleetHosts(client, epoch);
  const [host, setHostState] = useState<string>(() => sessionStorage.getItem(PICKED) ?? '');
  const setHost = useCallback((h: string): void => {
    setHostState(h);
    if (h) sessionStorage.setItem(PICKED, h);
    else sessionStorage.removeItem(PICKED);
  }, []);
  const picked = hosts.find((h) => h.name === host);
  const remote = available && picked !== undefined && view !== 'settings';
  const hostClient = useMemo(() => (host ? createHostClient(client, host) : null), [client, host]);
  const value = useMemo<FleetState>(
    () => ({ local: client, hosts, available, host: remote ? host : '', setHost, reload }),
    [client, hosts, available, host, remote, setHost, reload],
  );
  return (
    <FleetContext.Provider value={value}>
      {view !== 'settings' && <HostPicker />}
      {remote && hostClient ? (
        <ApiProvider key={host} client={hostClient}>
          <p className="fleet-viewing muted" data-testid="fleet-viewing">
            <ViewingLabel host={host} />
          </p>
          <RemoteBanner host={picked} />
          {children}
        </ApiProvider>
      ) : (
        children
      )}
    </FleetContext.Provider>
  );
}

function ViewingLabel({ host }: { host: string }) {
  const { t } = usePrefs();
  return <>{t.t('fleet.viewing', { host })}</>;
}
