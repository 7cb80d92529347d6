import { userError } from '../messages.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Seconds in a duration such as `90s`, `30m`, `24h`, `7d`, `2w` (a bare number is seconds); NaN if invalid. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * UNITS[(m[2] || 's').toLowerCase()]!;
}

/** The most a presigned URL can live (SigV4's limit): 7 days. */
export const MAX_SHARE_SECONDS = 7 * 86_400;

/** `--expires` → seconds, from 1 minute to 7 days, or a one-line error naming the value and the fix. */
export function parseExpires(text: string): number {
  const s = parseDuration(text);
  if (!Number.isFinite(s) || s <= 0) throw userError('usage', 's3.expires.invalid', { value: text });
  if (s > MAX_SHARE_SECONDS) throw userError('usage', 's3.expires.too_long', { value: text });
  if (s < 60) throw userError('usage', 's3.expires.too_short', { value: text });
  return Math.round(s);
}

/** `--older-than` → milliseconds, or a one-line error. */
export function parseOlderThan(text: string): number {
  const s = parseDuration(text);
  if (!Number.isFinite(s) || s <= 0) throw userError('usage', 's3.older_than.invalid', { value: text });
  return s * 1000;
}

/** `--since` → epoch ms (a date is UTC midnight), or a one-line error. */
export function parseSince(text: string): number {
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(text.trim());
  const t = ok ? Date.parse(/T/.test(text) ? text : `${text.trim()}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(t)) throw userError('usage', 's3.since.invalid', { value: text });
  return t;
}
