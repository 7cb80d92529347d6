import type { ServerResponse } from 'node:http';
import type { EventName, EventPayload } from '../../shared/contract/api.js';
import type { Backend } from './backend.js';
import { COMMON_HEADERS } from './security.js';

/** Milliseconds between heartbeat comments, so proxies and browsers keep the stream open. */
export const HEARTBEAT_MS = 15_000;
/** What the `retry:` field tells browsers to wait before reconnecting. */
export const RETRY_MS = 3_000;

/** Formats one SSE frame. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The open event streams: every backend event goes to each client as `event: <name>`. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  /** Clients that watch the screen (not passive fleet peers): full-rate sampling while any is open. */
  private readonly watchers = new Set<ServerResponse>();
  private readonly unsubscribe: (() => void)[];
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly backend: Backend,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.unsubscribe = [
      backend.onSample((s) => this.broadcast('metrics:sample', s)),
      backend.onAlert((e) => this.broadcast('alerts:changed', e)),
      backend.onStatus((s) => this.broadcast('status:changed', s)),
      ...(backend.fleet
        ? [
            backend.fleet.onChanged((c) => this.broadcast('fleet:changed', c)),
            backend.fleet.onEvent((e) => this.broadcast('fleet:event', e)),
          ]
        : []),
    ];
    this.heartbeat = setInterval(() => this.write(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Number of connected clients. */
  get size(): number {
    return this.clients.size;
  }

  /**
   * Opens a stream on `res`, sends the current status and latest sample, and keeps it until closed.
   * A passive client (another host's fleet monitor, `?passive=1`) gets every event but does not make
   * this host sample at the full rate.
   */
  open(res: ServerResponse, opts: { passive?: boolean } = {}): void {
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.write(`retry: ${RETRY_MS}\n\n`);
    res.write(sseFrame('status:changed', this.backend.status()));
    const latest = this.backend.latest();
    if (latest) res.write(sseFrame('metrics:sample', latest));
    this.clients.add(res);
    if (!opts.passive) {
      this.watchers.add(res);
      this.backend.setVisible(true);
    }
    res.on('close', () => {
      this.clients.delete(res);
      if (this.watchers.delete(res) && this.watchers.size === 0) this.backend.setVisible(false);
    });
  }

  /** Sends one event to every client. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.write(sseFrame(event, payload));
  }

  /** Ends every stream and stops listening (server shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const u of this.unsubscribe) u();
    for (const res of this.clients) res.end();
    this.clients.clear();
    this.watchers.clear();
  }

  private write(frame: string): void {
    for (const res of this.clients) if (!res.writableEnded) res.write(frame);
  }
}
