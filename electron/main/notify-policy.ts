// Pure, Electron-free notification policy for alert events: which events become a native notification
// (the engine already says `notify: false` in quiet hours and cooldowns), a throttle so a flapping host
// cannot flood the desktop, the text in the user's language, and OS text limits.
import type { AlertEvent } from '../../shared/contract/alerts.js';
import type { MessageKey, Translator } from '../../shared/i18n/index.js';
import { clip } from './tray-state.js';

/** Throttle settings. */
export interface ThrottleOptions {
  /** At most this many notifications per window… */
  maxPerWindow: number;
  /** …of this many ms; the rest are counted and summed up in one digest notification. */
  windowMs: number;
  /** The same alert (rule + subject + state) is shown at most once per this many ms. */
  repeatMs: number;
}

/** Defaults: 3 per minute, the same alert state at most every 10 minutes. */
export const DEFAULT_THROTTLE: ThrottleOptions = { maxPerWindow: 3, windowMs: 60_000, repeatMs: 600_000 };

/** What to do with one event. */
export type Decision = 'show' | 'skip' | 'digest';

/** Decides per event; `digest()` hands back how many were held back since the last digest. */
export class NotificationThrottle {
  private shown: number[] = [];
  private readonly lastByKey = new Map<string, number>();
  private held = 0;

  constructor(
    private readonly opts: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `skip` for events that should not notify at all (not a firing/resolved change, quiet hours or
   * cooldown per the engine, or a repeat), `digest` when over the rate limit, else `show`.
   */
  decide(e: AlertEvent): Decision {
    if (!e.notify) return 'skip';
    const { state } = e.alert;
    if (state === 'pending') return 'skip';
    if (state === 'resolved' && e.previous !== 'firing') return 'skip';
    const now = this.now();
    const key = `${e.alert.rule_id}\u0000${e.alert.subject}\u0000${state}`;
    const last = this.lastByKey.get(key);
    if (last !== undefined && now - last < this.opts.repeatMs) return 'skip';
    this.lastByKey.set(key, now);
    if (this.lastByKey.size > 1000) this.lastByKey.delete(this.lastByKey.keys().next().value!);
    this.shown = this.shown.filter((t) => now - t < this.opts.windowMs);
    if (this.shown.length >= this.opts.maxPerWindow) {
      this.held++;
      return 'digest';
    }
    this.shown.push(now);
    return 'show';
  }

  /** How many events were held back since the last call (0 when none); the caller shows one summary. */
  digest(): number {
    const n = this.held;
    this.held = 0;
    return n;
  }
}

/** Title and body limits, in user-perceived characters. */
export interface TextLimits {
  title: number;
  body: number;
}

/**
 * macOS shows one line of title and about two lines of body in a banner (Apple's guidance keeps titles
 * short; longer text is cut by the OS mid-word); Windows toasts wrap to 2 + 4 lines; Linux daemons vary.
 */
export function textLimits(platform: NodeJS.Platform): TextLimits {
  if (platform === 'darwin') return { title: 40, body: 110 };
  if (platform === 'win32') return { title: 60, body: 180 };
  return { title: 80, body: 250 };
}

/** A notification's text. */
export interface NotificationText {
  title: string;
  body: string;
}

/** The alert's own message, from the catalog (the engine gives a key and params). */
export function alertMessage(e: AlertEvent, t: Translator): string {
  const text = t.t(e.alert.message_key as MessageKey, e.alert.message_params);
  return text === e.alert.message_key ? `${e.alert.rule_id}: ${e.alert.subject}` : text;
}

/** The notification for one event, in the translator's language and within the OS limits. */
export function notificationText(
  e: AlertEvent,
  host: string,
  t: Translator,
  platform: NodeJS.Platform,
): NotificationText {
  const limits = textLimits(platform);
  const title =
    e.alert.state === 'resolved'
      ? t.t('tray.notify.resolved', { host })
      : t.t('tray.notify.firing', { host, severity: t.t(`alerts.severity.${e.alert.severity}`) });
  return { title: clip(title, limits.title), body: clip(alertMessage(e, t), limits.body) };
}

/** The summary notification for `count` held-back events. */
export function digestText(
  count: number,
  host: string,
  t: Translator,
  platform: NodeJS.Platform,
): NotificationText {
  const limits = textLimits(platform);
  return {
    title: clip(t.t('tray.notify.digest_title', { host }), limits.title),
    body: clip(t.t('tray.notify.digest', { count }), limits.body),
  };
}

/** The dashboard route that shows one alert: `#/alerts/<rule id>` with the subject as a query. */
export function alertRoute(e: AlertEvent): string {
  return `#/alerts/${encodeURIComponent(e.alert.rule_id)}?subject=${encodeURIComponent(e.alert.subject)}`;
}
