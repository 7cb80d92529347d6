// The React side of the contract: one ApiClient in context, and hooks for commands, events and samples.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type {
  ApiClient,
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract/api';
import type { Sample } from '../../shared/contract/sample';

/** What the provider shares: the client, whether the backend answers, and a way to try again. */
export interface ApiState {
  client: ApiClient;
  /** null until the first answer; false when the backend is gone. */
  reachable: boolean | null;
  /** Bumped whenever the backend comes back, so every command refetches. */
  epoch: number;
  retry: () => void;
}

const ApiContext = createContext<ApiState | null>(null);

/** How often the watchdog looks, and how long without an event makes it ask status:get. */
const WATCH_MS = 4000;
const QUIET_MS = 15_000;

/** Provides the ApiClient and tracks whether the backend is reachable (probe with status:get). */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  const [reachable, setReachable] = useState<boolean | null>(null);
  const [epoch, setEpoch] = useState(0);
  const wasDown = useRef(false);
  const mark = useCallback((up: boolean) => {
    setReachable(up);
    if (!up) wasDown.current = true;
    else if (wasDown.current) {
      wasDown.current = false;
      setEpoch((e) => e + 1);
    }
  }, []);
  const probe = useCallback(() => {
    client.call('status:get', {}).then(
      () => mark(true),
      () => mark(false),
    );
  }, [client, mark]);
  useEffect(() => {
    probe();
    return client.onConnection(mark);
  }, [client, probe, mark]);
  // Watchdog: while down, ask again every few seconds; while up, ask when events have gone quiet (a
  // transport may miss a drop: sleep, proxies, a stream that never opened).
  const lastEvent = useRef(0);
  useEffect(() => client.subscribe('metrics:sample', () => (lastEvent.current = Date.now())), [client]);
  useEffect(() => {
    lastEvent.current = Date.now();
    const id = setInterval(() => {
      if (reachable === false || Date.now() - lastEvent.current > QUIET_MS) {
        lastEvent.current = Date.now();
        probe();
      }
    }, WATCH_MS);
    return () => clearInterval(id);
  }, [client, probe, reachable]);
  const value = useMemo(
    () => ({ client, reachable, epoch, retry: probe }),
    [client, reachable, epoch, probe],
  );
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

/** The provider's state; throws outside an ApiProvider. */
export function useApi(): ApiState {
  const state = useContext(ApiContext);
  if (!state) throw new Error('useApi outside ApiProvider');
  return state;
}

/** Calls `listener` on every `event`; the latest listener is used without resubscribing. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const { client } = useApi();
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => client.subscribe(event, (p) => ref.current(p)), [client, event]);
}

/** A command's result as state. */
export interface CommandState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs a command when mounted, when its request changes and when the backend comes back. */
export function useCommand<C extends CommandName>(
  command: C,
  request: CommandRequest<C>,
  enabled = true,
): CommandState<CommandResponse<C>> {
  const { client, epoch } = useApi();
  const key = JSON.stringify(request);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<CommandState<CommandResponse<C>>, 'reload'>>({
    data: undefined,
    error: undefined,
    loading: enabled,
  });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    client.call(command, JSON.parse(key) as CommandRequest<C>).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (e: unknown) =>
        live &&
        setState((s) => ({ ...s, error: e instanceof Error ? e : new Error(String(e)), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [client, command, key, enabled, epoch, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/** The newest sample: metrics:latest first, then every metrics:sample event. */
export function useLatestSample(): Sample | null {
  const latest = useCommand('metrics:latest', {});
  const [live, setLive] = useState<Sample | null>(null);
  useEvent('metrics:sample', setLive);
  return live ?? latest.data ?? null;
}
