// Small formatters of the windows, on top of the shared translator's numbers, percents and bytes.
import type { Translator } from '../../shared/i18n/index';

/** A rate in bytes per second as "1.5 MiB/s", or "–" when unknown. */
export function formatRate(t: Translator, n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${t.bytes(n)}/s`;
}

/** The first 8 characters of a snapshot id: enough to tell snapshots apart in a list. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** An epoch-ms time as a local date and time. */
export function formatTime(t: Translator, ms: number): string {
  return t.dateTime(new Date(ms).toISOString());
}

/** An epoch-ms time as a local clock time (HH:MM, or with the day for spans over a day). */
export function clockLabel(lang: string, ms: number, withDay: boolean): string {
  return new Intl.DateTimeFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    ...(withDay ? { month: 'short', day: 'numeric' } : {}),
  }).format(new Date(ms));
}

/** Load averages as "0.52 0.48 0.40", "–" for unknown ones. */
export function formatLoad(t: Translator, loads: readonly (number | null)[]): string {
  return loads.map((l) => (l === null ? '–' : t.number(l, 2))).join(' ');
}

/** The status word of the status light. */
export function statusText(t: Translator, status: 'ok' | 'warning' | 'critical' | 'paused'): string {
  return t.t(`ui.status.${status}`);
}

/** A human text for a firing alert: its message key when the catalog has it, else subject and value. */
export function alertText(
  t: Translator,
  a: {
    message_key: string;
    message_params: Record<string, string | number>;
    subject: string;
    value: number | null;
  },
): string {
  const text = t.t(a.message_key as Parameters<Translator['t']>[0], a.message_params);
  if (text !== a.message_key) return text;
  return a.value === null ? a.subject : `${a.subject} ${t.number(a.value)}`;
}

/** A whole-number input parsed, or null when it is not a finite number. */
export function parseNumber(s: string): number | null {
  if (s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
