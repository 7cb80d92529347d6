import type { z } from 'zod';
import { QuietHours as QuietHoursSchema } from '../../../shared/contract/alerts.js';
import { UserError } from '../errors.js';

/** Quiet hours as the contract defines them: `{ from, to }` in local HH:MM, or null for none. */
export type QuietHours = z.infer<typeof QuietHoursSchema>;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Minutes since local midnight at `t` in `timeZone` (an IANA name; undefined = the system's zone).
 * Intl does the zone arithmetic, so daylight-saving changes need no code of ours.
 */
export function minuteOfDay(t: number, timeZone: string | undefined): number {
  const key = timeZone ?? '';
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(key, f);
  }
  let h = 0;
  let m = 0;
  for (const p of f.formatToParts(new Date(t))) {
    if (p.type === 'hour') h = Number(p.value) % 24;
    if (p.type === 'minute') m = Number(p.value);
  }
  return h * 60 + m;
}

function parseHHMM(s: string): number {
  const [h = 0, m = 0] = s.split(':').map(Number);
  return h * 60 + m;
}

/**
 * True when `t` falls within quiet hours: `from` inclusive, `to` exclusive. A range whose end is
 * before its start spans midnight (22:00–07:00); equal ends mean no quiet time at all, since a
 * silently muted day is worse than a missing quiet period.
 */
export function inQuietHours(q: QuietHours | undefined, t: number, timeZone: string | undefined): boolean {
  if (!q) return false;
  const from = parseHHMM(q.from);
  const to = parseHHMM(q.to);
  if (from === to) return false;
  const now = minuteOfDay(t, timeZone);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** Throws a UserError now, not on the first tick, when `timeZone` is not a zone Intl knows. */
export function checkTimeZone(timeZone: string | undefined): void {
  try {
    if (timeZone !== undefined) minuteOfDay(0, timeZone);
  } catch (cause) {
    throw new UserError('config', `unknown time zone "${timeZone}"`, { cause });
  }
}

/** Validates quiet hours against the contract's schema; a bad value is the user's to fix. */
export function parseQuietHours(q: unknown): QuietHours {
  const r = QuietHoursSchema.safeParse(q);
  if (r.success) return r.data;
  throw new UserError('usage', 'quiet hours need "from" and "to" as HH:MM, or null', { cause: r.error });
}

/** The `monitor.quietHours` setting ("22:00-07:00", or "" for none) as the engine's quiet hours. */
export function quietHoursFromSetting(text: string): QuietHours {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text.trim());
  return m ? parseQuietHours({ from: m[1], to: m[2] }) : null;
}
