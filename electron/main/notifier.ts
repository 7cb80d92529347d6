// Electron glue for native notifications of alert events: the throttle decides, the text comes in the
// user's language within the OS limits, a click opens the dashboard on that alert. Notifications are
// kept referenced until closed or clicked (an unreferenced Notification can be garbage-collected and
// lose its click handler). Electron's Notification is passed in; tests use a fake.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { AlertEvent } from '../../shared/contract/alerts.js';
import type { Translator } from '../../shared/i18n/index.js';
import {
  alertRoute,
  digestText,
  notificationText,
  NotificationThrottle,
  type Decision,
} from './notify-policy.js';

/** The Notification members used here. */
export type NotificationLike = Pick<Notification, 'show' | 'close'> & {
  on(event: 'click' | 'close', listener: () => void): unknown;
};

/** What the notifier needs. */
export interface NotifierDeps {
  platform: NodeJS.Platform;
  /** Notification.isSupported() */
  isSupported(): boolean;
  /** new Notification(options) */
  create(options: NotificationConstructorOptions): NotificationLike;
  /** The user's language, now (it can change in the settings). */
  t(): Translator;
  /** The host name shown in titles. */
  host(): string;
  /** Whether the user wants notifications (desktop state). */
  enabled(): boolean;
  /** Opens the dashboard on a route. */
  open(route: string): void;
  setTimer?: (cb: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Turns alert events into native notifications. */
export class AlertNotifier {
  private readonly live = new Set<NotificationLike>();
  private digestTimer: unknown = null;

  constructor(
    private readonly deps: NotifierDeps,
    private readonly throttle = new NotificationThrottle(),
    private readonly digestAfterMs = 60_000,
  ) {}

  /** Handles one alert event; returns what was decided (`skip` when disabled or unsupported). */
  handle(e: AlertEvent): Decision {
    if (!this.deps.enabled() || !this.deps.isSupported()) return 'skip';
    const decision = this.throttle.decide(e);
    if (decision === 'show') {
      const t = this.deps.t();
      const text = notificationText(e, this.deps.host(), t, this.deps.platform);
      this.show(text.title, text.body, alertRoute(e), e.alert.severity === 'critical');
    } else if (decision === 'digest' && this.digestTimer === null) {
      const set = this.deps.setTimer ?? ((cb, ms) => setTimeout(cb, ms).unref());
      this.digestTimer = set(() => this.flushDigest(), this.digestAfterMs);
    }
    return decision;
  }

  /** Shows one summary of the events held back by the throttle (none when there were none). */
  flushDigest(): number {
    this.digestTimer = null;
    const n = this.throttle.digest();
    if (n > 0) {
      const text = digestText(n, this.deps.host(), this.deps.t(), this.deps.platform);
      this.show(text.title, text.body, '#/alerts', false);
    }
    return n;
  }

  private show(title: string, body: string, route: string, critical: boolean): void {
    const n = this.deps.create({
      title,
      body,
      silent: false,
      // Windows and Linux: critical alerts stay until dismissed; macOS decides by the user's settings.
      ...(critical && this.deps.platform !== 'darwin' ? { urgency: 'critical', timeoutType: 'never' } : {}),
    });
    this.live.add(n);
    n.on('click', () => {
      this.live.delete(n);
      this.deps.open(route);
    });
    n.on('close', () => this.live.delete(n));
    n.show();
  }

  /** Notifications still referenced (shown, not yet clicked or closed). */
  get pending(): number {
    return this.live.size;
  }

  /** Stops the digest timer and closes what is still shown. */
  dispose(): void {
    if (this.digestTimer !== null)
      (this.deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout)))(this.digestTimer);
    this.digestTimer = null;
    for (const n of this.live) n.close();
    this.live.clear();
  }
}
