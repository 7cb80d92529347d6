// The fleet monitor: one HostConnection (one event stream) per remote host, change notifications
// coalesced into one `fleet:changed` per window however many hosts changed, a single liveness sweep
// for all streams, and forwarded read calls (only the commands of FLEET_READ_COMMANDS).
import { COMMANDS, ROUTES, type CommandName } from '../../../shared/contract/api.js';
import {
  FLEET_READ_COMMANDS,
  type FleetChange,
  type FleetEvent,
  type FleetHostState,
} from '../../../shared/contract/fleet.js';
import { DEFAULT_TIMING, HostConnection, type FleetTiming, type ResolvedHost } from './host.js';
import { FleetFailure } from './transport.js';

/** Options of a monitor. */
export interface FleetMonitorOptions {
  timing?: Partial<FleetTiming>;
  /** Changes within this window go out as one event (ms). */
  coalesceMs?: number;
  /** How often the liveness sweep looks at every stream (ms). */
  sweepMs?: number;
}

/** A forwarded call that failed: the HTTP status and code the server answers with. */
export class FleetCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const READ = new Set<string>(FLEET_READ_COMMANDS);

/** The query string of a GET: scalar fields only (as the browser's HTTP client sends them). */
function toQuery(request: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(request))
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function same(a: ResolvedHost, b: ResolvedHost): boolean {
  return (
    a.url === b.url &&
    a.key === b.key &&
    a.caKind === b.caKind &&
    (a.ca ?? []).join('') === (b.ca ?? []).join('') &&
    a.problem?.message === b.problem?.message
  );
}

/** Watches every remote host of the fleet over one event stream each. */
export class FleetMonitor {
  private readonly hosts = new Map<string, HostConnection>();
  private readonly timing: FleetTiming;
  private readonly coalesceMs: number;
  private readonly sweepMs: number;
  private readonly changeListeners = new Set<(c: FleetChange) => void>();
  private readonly eventListeners = new Set<(e: FleetEvent) => void>();
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(opts: FleetMonitorOptions = {}) {
    this.timing = { ...DEFAULT_TIMING, ...opts.timing };
    this.coalesceMs = opts.coalesceMs ?? 500;
    this.sweepMs = opts.sweepMs ?? 5000;
  }

  /** Every host's state, in configuration order. */
  list(): FleetHostState[] {
    return [...this.hosts.values()].map((h) => h.view());
  }

  /** One host's state, or undefined. */
  get(name: string): FleetHostState | undefined {
    return this.hosts.get(name)?.view();
  }

  /** Number of hosts. */
  get size(): number {
    return this.hosts.size;
  }

  /** Calls `cb` with each coalesced change; returns the unsubscribe function. */
  onChanged(cb: (c: FleetChange) => void): () => void {
    this.changeListeners.add(cb);
    return () => void this.changeListeners.delete(cb);
  }

  /** Calls `cb` with every remote event (samples, alerts, status) of every host. */
  onEvent(cb: (e: FleetEvent) => void): () => void {
    this.eventListeners.add(cb);
    return () => void this.eventListeners.delete(cb);
  }

  /**
   * Replaces the host list: unchanged hosts keep their stream and state, changed ones reconnect,
   * removed ones are closed and reported in the next change.
   */
  setHosts(next: readonly ResolvedHost[]): void {
    const names = new Set(next.map((h) => h.name));
    for (const [name, conn] of this.hosts)
      if (!names.has(name)) {
        conn.stop();
        this.hosts.delete(name);
        this.dirty.delete(name);
        this.removed.add(name);
        this.schedule();
      }
    const ordered = new Map<string, HostConnection>();
    for (const cfg of next) {
      const old = this.hosts.get(cfg.name);
      if (old && same(old.cfg, cfg)) {
        ordered.set(cfg.name, old);
        continue;
      }
      old?.stop();
      const conn = new HostConnection(
        cfg,
        this.timing,
        (n) => this.markDirty(n),
        (e) => this.forward(e),
      );
      ordered.set(cfg.name, conn);
      this.removed.delete(cfg.name);
      this.markDirty(cfg.name);
      if (this.running) conn.start();
    }
    this.hosts.clear();
    for (const [k, v] of ordered) this.hosts.set(k, v);
  }

  /** Connects every host and starts the liveness sweep. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const h of this.hosts.values()) h.start();
    this.sweepTimer = setInterval(() => {
      const now = this.timing.now();
      for (const h of this.hosts.values()) h.checkStale(now);
    }, this.sweepMs);
    this.sweepTimer.unref();
  }

  /** Closes every stream and timer. */
  stop(): void {
    this.running = false;
    for (const h of this.hosts.values()) h.stop();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.sweepTimer = undefined;
    this.flushTimer = undefined;
  }

  /**
   * Forwards one read command to a host: checks the host, that the command only reads, and the
   * request (with the contract's schema) before anything leaves this machine.
   */
  async call(host: string, command: string, request: Record<string, unknown>): Promise<unknown> {
    const conn = this.hosts.get(host);
    if (!conn) throw new FleetCallError(404, 'unknown_host', `no fleet host named "${host}"`);
    if (!READ.has(command))
      throw new FleetCallError(
        403,
        'forbidden_command',
        `${command} is not forwarded: the fleet view only reads (${FLEET_READ_COMMANDS.join(', ')})`,
      );
    const name = command as CommandName;
    const r = COMMANDS[name].request.safeParse(request);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new FleetCallError(400, 'bad_request', `request.${issue.path.join('.')}: ${issue.message}`);
    }
    const route = ROUTES[name];
    try {
      return await conn.call(
        route.method,
        `/api/v1${route.path}${toQuery(r.data as Record<string, unknown>)}`,
      );
    } catch (e) {
      if (!(e instanceof FleetFailure)) throw e;
      const s = e.status;
      // The host's own "not found" or "bad request" stays what it is; its 401/403 (our key) and every
      // network failure are a bad gateway for the caller, never a 401 that would sign the browser out.
      if (s !== undefined && s >= 400 && s < 500 && s !== 401 && s !== 403)
        throw new FleetCallError(s, e.remoteCode ?? 'bad_request', `${host}: ${e.message}`);
      const code = e.problem.code === 'timeout' ? 504 : 502;
      throw new FleetCallError(code, `host_${e.problem.code}`, `${host}: ${e.message}`);
    }
  }

  private forward(e: FleetEvent): void {
    for (const cb of [...this.eventListeners]) cb(e);
  }

  private markDirty(name: string): void {
    this.dirty.add(name);
    this.schedule();
  }

  private schedule(): void {
    if (this.flushTimer || this.changeListeners.size === 0) return;
    this.flushTimer = setTimeout(() => this.flush(), this.coalesceMs);
    this.flushTimer.unref();
  }

  private flush(): void {
    this.flushTimer = undefined;
    const changed: FleetHostState[] = [];
    for (const name of this.dirty) {
      const h = this.hosts.get(name);
      if (h) changed.push(h.view());
    }
    const change: FleetChange = { changed, removed: [...this.removed] };
    this.dirty.clear();
    this.removed.clear();
    if (changed.length === 0 && change.removed.length === 0) return;
    for (const cb of [...this.changeListeners]) cb(change);
  }
}
