import type { AlertEvent } from '../../../shared/contract/alerts.js';
import { createTranslator, type Lang, type MessageKey, type Translator } from '../../../shared/i18n/index.js';

/** One message, before it is shaped for a webhook or an email: the same facts in one language. */
export interface DeliveryMessage {
  type: 'alert' | 'test';
  lang: Lang;
  host: string;
  /** One line: "[critical] web-1: CPU at 97% for 2 min". */
  title: string;
  /** The alert's own message, or the test text. */
  text: string;
  /** warning, critical; null for a test. */
  severity: 'warning' | 'critical' | null;
  /** firing or resolved; null for a test. */
  state: 'firing' | 'resolved' | null;
  /** Labelled facts in the message's language. */
  fields: Array<{ label: string; value: string }>;
  /** What was running when it fired (plain text, redacted), or null. */
  summary: string | null;
  /** The event as the engine emitted it (plain JSON) — for the generic webhook. */
  event: AlertEvent | null;
  /** Epoch ms the message was made. */
  at: number;
  /** Colour for the card: red, amber, green or blue. */
  color: string;
}

const COLORS = { critical: '#d13438', warning: '#f2a900', resolved: '#2eb886', test: '#0078d4' };

/** An alert's text in `t`'s language (falls back to subject and value if the key is unknown). */
export function alertMessage(t: Translator, e: AlertEvent): string {
  const a = e.alert;
  const text = t.t(a.message_key as MessageKey, a.message_params);
  if (text !== a.message_key) return text;
  return a.value === null ? a.subject : `${a.subject} ${t.number(a.value)}`;
}

function when(ms: number, t: Translator): string {
  return t.dateTime(new Date(ms).toISOString());
}

/** The message for one alert event in `lang`, with the snapshot summary when there is one. */
export function alertDeliveryMessage(
  e: AlertEvent,
  opts: { lang: Lang; host: string; summary: string | null; now: number },
): DeliveryMessage {
  const t = createTranslator(opts.lang);
  const a = e.alert;
  const state = a.state === 'resolved' ? 'resolved' : 'firing';
  const message = alertMessage(t, e);
  const severity = t.t(`alerts.severity.${a.severity}`);
  const title =
    state === 'resolved'
      ? t.t('delivery.title.resolved', { host: opts.host, message })
      : t.t('delivery.title.firing', { host: opts.host, message, severity });
  const f = (label: MessageKey, value: string) => ({ label: t.t(label), value });
  return {
    type: 'alert',
    lang: opts.lang,
    host: opts.host,
    title,
    text: message,
    severity: a.severity,
    state,
    fields: [
      f('delivery.field.host', opts.host),
      f('delivery.field.severity', severity),
      f('delivery.field.state', t.t(`alerts.state.${a.state}`)),
      f('delivery.field.subject', a.subject),
      f('delivery.field.value', a.value === null ? '–' : t.number(a.value)),
      f('delivery.field.rule', a.rule_id),
      f('delivery.field.at', when(a.since, t)),
    ],
    summary: opts.summary,
    event: e,
    at: opts.now,
    color: state === 'resolved' ? COLORS.resolved : COLORS[a.severity],
  };
}

/** The "send test" message for target `id`. */
export function testDeliveryMessage(opts: {
  id: string;
  lang: Lang;
  host: string;
  now: number;
}): DeliveryMessage {
  const t = createTranslator(opts.lang);
  return {
    type: 'test',
    lang: opts.lang,
    host: opts.host,
    title: t.t('delivery.title.test', { host: opts.host }),
    text: t.t('delivery.test_body', { host: opts.host, id: opts.id }),
    severity: null,
    state: null,
    fields: [
      { label: t.t('delivery.field.host'), value: opts.host },
      { label: t.t('delivery.field.at'), value: when(opts.now, t) },
    ],
    summary: null,
    event: null,
    at: opts.now,
    color: COLORS.test,
  };
}

/** `s` cut to at most `max` characters, an ellipsis marking the cut. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
}
