// One remote host: its event stream (reconnected with backoff and jitter), its state as the overview
// shows it (status, the latest numbers, sparkline rings, firing alerts), and forwarded read calls.
import type { Agent } from 'node:http';
import { Status } from '../../../shared/contract/api.js';
import { Alert, AlertEvent } from '../../../shared/contract/alerts.js';
import {
  SPARK_POINTS,
  type FleetEvent,
  type FleetHostState,
  type FleetProblem,
} from '../../../shared/contract/fleet.js';
import { Sample } from '../../../shared/contract/sample.js';
import { createAgent, FleetFailure, openStream, requestJson, type StreamHandle } from './transport.js';
import type { SseMessage } from './sse-parse.js';

/** A host as the monitor runs it: the key and CA resolved (or the problem that kept them from it). */
export interface ResolvedHost {
  name: string;
  url: string;
  key: string | null;
  ca: string[] | null;
  caKind: 'none' | 'file' | 'pem';
  /** Set when the host cannot be tried at all (no key, unreadable CA file). */
  problem: FleetProblem | null;
}

/** Reconnection and liveness timing (tests shorten it). */
export interface FleetTiming {
  /** First reconnection delay; doubles per failure up to maxBackoffMs, with jitter (50–100 %). */
  backoffMs: number;
  maxBackoffMs: number;
  /** A connected stream silent this long (no event, no heartbeat) is dropped and retried. */
  staleMs: number;
  connectTimeoutMs: number;
  callTimeoutMs: number;
  random: () => number;
  now: () => number;
}

/** The defaults: 1 s doubling to 60 s; `serve` sends a heartbeat every 15 s, so 45 s of silence is a drop. */
export const DEFAULT_TIMING: FleetTiming = {
  backoffMs: 1000,
  maxBackoffMs: 60_000,
  staleMs: 45_000,
  connectTimeoutMs: 10_000,
  callTimeoutMs: 20_000,
  random: Math.random,
  now: Date.now,
};

/** The reconnection delay after `attempt` failures: exponential, capped, with 50–100 % jitter. */
export function backoffDelay(
  attempt: number,
  t: Pick<FleetTiming, 'backoffMs' | 'maxBackoffMs' | 'random'>,
): number {
  const cap = Math.min(t.maxBackoffMs, t.backoffMs * 2 ** Math.min(attempt, 30));
  return Math.round(cap * (0.5 + 0.5 * t.random()));
}

const MAX_ALERTS = 50;

function mainDisk(s: Sample): Sample['disks'][number] | undefined {
  return (
    s.disks.find((d) => d.mountpoint === '/') ??
    s.disks.find((d) => /^[A-Z]:\\?$/i.test(d.mountpoint)) ??
    [...s.disks].sort((a, b) => b.total_bytes - a.total_bytes)[0]
  );
}

function push(ring: (number | null)[], v: number | null): void {
  ring.push(v);
  if (ring.length > SPARK_POINTS) ring.splice(0, ring.length - SPARK_POINTS);
}

/** One remote host's connection and state. */
export class HostConnection {
  private readonly st: FleetHostState;
  private stream: StreamHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private agent: Agent | undefined;
  private attempt = 0;
  private lastActivity = 0;
  private open = false;
  private stopped = true;
  private generation = 0;

  constructor(
    readonly cfg: ResolvedHost,
    private readonly timing: FleetTiming,
    private readonly changed: (name: string) => void,
    private readonly forward: ((e: FleetEvent) => void) | null,
  ) {
    this.st = {
      name: cfg.name,
      url: cfg.url,
      state: cfg.problem ? 'unreachable' : 'connecting',
      since: timing.now(),
      problem: cfg.problem,
      hostname: null,
      now: null,
      spark: { cpu: [], memory: [], disk: [] },
      firing: 0,
      alerts: [],
      tls: cfg.url.startsWith('https:'),
      has_key: cfg.key !== null,
      ca: cfg.caKind,
    };
  }

  /** A copy of the state, safe to hand out (no key, no CA text). */
  view(): FleetHostState {
    const s = this.st;
    return {
      ...s,
      spark: { cpu: [...s.spark.cpu], memory: [...s.spark.memory], disk: [...s.spark.disk] },
      alerts: [...s.alerts],
    };
  }

  /** Starts connecting (a host with a configuration problem stays unreachable and is not tried). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (!this.cfg.problem) this.connect();
  }

  /** Closes the stream, cancels the retry and frees the sockets. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stream?.close();
    this.stream = undefined;
    this.open = false;
    this.agent?.destroy();
    this.agent = undefined;
  }

  /** Drops a connected stream that has been silent longer than `staleMs` (called by the monitor's sweep). */
  checkStale(now: number): void {
    if (this.stream && this.open && now - this.lastActivity > this.timing.staleMs)
      this.fail({
        code: 'timeout',
        message: `no data for ${Math.round((now - this.lastActivity) / 1000)} s`,
      });
  }

  /** One read call on the host's API (the caller checked the command and request). */
  async call(method: 'GET' | 'POST' | 'PUT', path: string): Promise<unknown> {
    if (this.cfg.problem) throw new FleetFailure(this.cfg.problem);
    return requestJson(this.target(), this.callAgent(), method, path, this.timing.callTimeoutMs);
  }

  private target() {
    return { base: new URL(this.cfg.url), key: this.cfg.key ?? '', ca: this.cfg.ca };
  }

  private callAgent(): Agent {
    return (this.agent ??= createAgent(this.target()));
  }

  private setState(state: FleetHostState['state'], problem: FleetProblem | null): void {
    const s = this.st;
    if (s.state !== state) s.since = this.timing.now();
    const same =
      s.state === state && s.problem?.code === problem?.code && s.problem?.message === problem?.message;
    s.state = state;
    s.problem = problem;
    if (!same) this.changed(s.name);
  }

  private connect(): void {
    this.timer = undefined;
    if (this.stopped) return;
    const gen = ++this.generation;
    this.open = false;
    this.stream = openStream(
      this.target(),
      {
        onOpen: () => {
          if (gen !== this.generation) return;
          this.open = true;
          this.lastActivity = this.timing.now();
          void this.loadAlerts(gen);
        },
        onActivity: () => {
          this.lastActivity = this.timing.now();
        },
        onMessage: (m) => {
          if (gen === this.generation) this.message(m);
        },
        onEnd: (p) => {
          if (gen === this.generation) this.fail(p);
        },
      },
      this.timing.connectTimeoutMs,
    );
  }

  private fail(problem: FleetProblem): void {
    this.generation++;
    this.stream?.close();
    this.stream = undefined;
    this.open = false;
    this.setState('unreachable', problem);
    if (this.stopped) return;
    const delay = backoffDelay(this.attempt++, this.timing);
    this.timer = setTimeout(() => this.connect(), delay);
    this.timer.unref();
  }

  /** At most one alerts:list per connection: the stream only carries changes. */
  private async loadAlerts(gen: number): Promise<void> {
    try {
      const body = await this.call('GET', '/api/v1/alerts');
      const active = Alert.array().safeParse((body as { active?: unknown })?.active);
      if (gen !== this.generation || !active.success) return;
      this.st.alerts = active.data.filter((a) => a.state === 'firing').slice(0, MAX_ALERTS);
      this.changed(this.st.name);
    } catch {
      // The stream's status still counts what fires; the list fills in as alerts change.
    }
  }

  private message(m: SseMessage): void {
    let raw: unknown;
    try {
      raw = JSON.parse(m.data);
    } catch {
      return;
    }
    if (m.event === 'status:changed') {
      const r = Status.safeParse(raw);
      if (!r.success) return;
      this.attempt = 0;
      this.st.firing = r.data.firing;
      if (r.data.status === 'paused')
        this.setState('unreachable', { code: 'paused', message: 'the host stopped sampling' });
      else this.setState(r.data.status, null);
      this.changed(this.st.name);
      this.forward?.({ host: this.st.name, event: m.event, payload: r.data });
    } else if (m.event === 'metrics:sample') {
      const r = Sample.safeParse(raw);
      if (!r.success) return;
      const s = r.data;
      const disk = mainDisk(s);
      this.st.hostname = s.host;
      this.st.now = {
        t: s.t,
        cpu: s.cpu.usage_percent,
        memory: s.memory.used_percent,
        disk: disk?.used_percent ?? null,
        disk_mount: disk?.mountpoint ?? null,
      };
      push(this.st.spark.cpu, s.cpu.usage_percent);
      push(this.st.spark.memory, s.memory.used_percent);
      push(this.st.spark.disk, disk?.used_percent ?? null);
      this.changed(this.st.name);
      this.forward?.({ host: this.st.name, event: m.event, payload: s });
    } else if (m.event === 'alerts:changed') {
      const r = AlertEvent.safeParse(raw);
      if (!r.success) return;
      const a = r.data.alert;
      const others = this.st.alerts.filter((x) => !(x.rule_id === a.rule_id && x.subject === a.subject));
      this.st.alerts = (a.state === 'firing' ? [a, ...others] : others).slice(0, MAX_ALERTS);
      this.changed(this.st.name);
      this.forward?.({ host: this.st.name, event: m.event, payload: r.data });
    }
  }
}
