// The ApiClient of a browser on the headless server (`autoinfrasnap serve`): commands over fetch to the
// contract's /api/v1 routes, events over one EventSource on /api/v1/events, every payload validated.
import type {
  ApiClient,
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract/api.js';
import type * as Contract from '../../shared/contract/api.js';
import { LIGHT_COMMANDS, LIGHT_EVENTS, type Checker } from './light-schemas.js';
import { EVENT_NAMES, ROUTES } from '../../shared/contract/routes.js';

/** The contract's schemas, loaded once and lazily: zod stays out of the first bundle. */
let schemas: Promise<typeof Contract> | undefined;
const loadSchemas = () => (schemas ??= import('../../shared/contract/api.js'));
/** The popover's commands and events are hand-checked (~1 KB instead of zod's ~30 KB; see light-schemas.ts). */
const isLightCommand = (c: string): c is keyof typeof LIGHT_COMMANDS => Object.hasOwn(LIGHT_COMMANDS, c);
const isLightEvent = (e: string): e is keyof typeof LIGHT_EVENTS => Object.hasOwn(LIGHT_EVENTS, e);

/** The payload schema of an event: the light one when it has one, else the full contract's. */
async function eventSchema(name: EventName): Promise<Checker> {
  return isLightEvent(name) ? LIGHT_EVENTS[name] : (await loadSchemas()).EVENTS[name];
}

/** The response schema of a command: the light one when the popover needs it, else the full contract's. */
async function responseSchema(command: CommandName): Promise<Checker> {
  return isLightCommand(command) ? LIGHT_COMMANDS[command] : (await loadSchemas()).COMMANDS[command].response;
}

/** EventSource.readyState when the browser gave up on the stream. */
const CLOSED = 2;

/** A failed call: the server's error code and message (or `network` / `bad_response`), and the status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What the client may be given instead of the browser's own (tests, other hosts). */
export interface HttpClientOptions {
  fetch?: typeof fetch;
  EventSource?: new (url: string, init?: EventSourceInit) => EventSource;
  /** Called on a 401 (not signed in, or the session expired); default: go to /login. */
  onUnauthorized?: () => void;
  /** Longest wait between reconnection attempts of the event stream (ms). */
  maxBackoffMs?: number;
}

/** The query string of a GET request: scalar fields only. */
export function toQuery(request: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(request))
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; field?: string };
  } | null;
  const e = body?.error;
  return new ApiError(
    res.status,
    e?.code ?? 'http',
    e?.message ?? `${res.status} ${res.statusText}`,
    e?.field,
  );
}

/**
 * An ApiClient over HTTP + SSE (same origin unless `baseUrl` is given; cookies same-origin only).
 * The event stream opens on the first subscription; when it drops, listeners of `onConnection` get
 * false and it reconnects with backoff (1 s doubling up to `maxBackoffMs`), then true again.
 */
export function createHttpClient(baseUrl = '', opts: HttpClientOptions = {}): ApiClient {
  const api = `${baseUrl.replace(/\/$/, '')}/api/v1`;
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const ES = opts.EventSource ?? EventSource;
  const unauthorized =
    opts.onUnauthorized ??
    (() => {
      if (typeof location !== 'undefined' && location.pathname !== '/login') location.assign('/login');
    });
  const maxBackoff = opts.maxBackoffMs ?? 30_000;
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const connection = new Set<(c: boolean) => void>();
  let source: EventSource | undefined;
  let connected: boolean | undefined;
  let backoff = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delivery: Promise<void> = Promise.resolve();

  const setConnected = (c: boolean): void => {
    if (c === connected) return;
    connected = c;
    for (const l of [...connection]) l(c);
  };
  const deliver = (name: EventName, data: string): void => {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    // Delivered in arrival order: one queue, each event waits for its (soon settled) schema import.
    delivery = delivery
      .then(() => eventSchema(name))
      .then((schema) => {
        const r = schema.safeParse(raw);
        if (!r.success) return;
        for (const l of [...(listeners.get(name) ?? [])]) l(r.data);
      })
      .catch(() => undefined);
  };
  const open = (): void => {
    timer = undefined;
    const es = new ES(`${api}/events`, { withCredentials: false });
    source = es;
    es.onopen = () => {
      backoff = 1000;
      setConnected(true);
    };
    es.onerror = () => {
      setConnected(false);
      // CONNECTING: the browser retries by itself (the server's `retry:`); CLOSED: it gave up (a 401,
      // a proxy's error page), so find out why and try again later.
      if (es.readyState !== CLOSED || source !== es) return;
      source = undefined;
      void doFetch(`${api}/status`, { credentials: 'same-origin' })
        .then((res) => {
          if (res.status === 401) unauthorized();
        })
        .catch(() => undefined);
      timer = setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
    };
    for (const name of EVENT_NAMES)
      es.addEventListener(name, (e) => deliver(name, (e as MessageEvent<string>).data));
  };
  const ensure = (): void => {
    if (!source && !timer) open();
  };
  const release = (): void => {
    if (listeners.size > 0 || connection.size > 0) return;
    source?.close();
    source = undefined;
    if (timer) clearTimeout(timer);
    timer = undefined;
    connected = undefined;
  };

  return {
    async call<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResponse<C>> {
      const route = ROUTES[command];
      const get = route.method === 'GET';
      let res: Response;
      try {
        res = await doFetch(`${api}${route.path}${get ? toQuery(request) : ''}`, {
          method: route.method,
          credentials: 'same-origin',
          headers: get
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
          body: get ? undefined : JSON.stringify(request),
        });
      } catch (e) {
        throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
      }
      if (!res.ok) {
        if (res.status === 401) unauthorized();
        throw await errorOf(res);
      }
      const body: unknown = await res.json().catch(() => undefined);
      const r = (await responseSchema(command)).safeParse(body);
      if (!r.success) {
        const issue = r.error.issues[0];
        const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
        throw new ApiError(res.status, 'bad_response', `${command}: unexpected response (${where})`);
      }
      return r.data as CommandResponse<C>;
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      ensure();
      return () => {
        set.delete(l);
        if (set.size === 0) listeners.delete(event);
        release();
      };
    },
    onConnection(listener: (connected: boolean) => void): () => void {
      connection.add(listener);
      ensure();
      if (connected !== undefined) listener(connected);
      return () => {
        connection.delete(listener);
        release();
      };
    },
    reportUrl: reportUrlFor(baseUrl),
  };
}

/** Where the headless server serves a stored snapshot's HTML report (electron/server/report-view.ts). */
export function reportUrlFor(baseUrl: string): (ref: string, lang: 'en' | 'ko') => string {
  const base = baseUrl.replace(/\/$/, '');
  return (ref, lang) => `${base}/report/${encodeURIComponent(ref)}?lang=${encodeURIComponent(lang)}`;
}
