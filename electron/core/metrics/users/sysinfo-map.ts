import type { Systeminformation } from 'systeminformation';
import type { UserSession } from '../../../../shared/snapshot/metrics/users.js';

/** A local date (YYYY-MM-DD) and time (HH:MM or HH:MM:SS) as systeminformation gives them, as UTC ISO. */
export function localLoginToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!d || !t) return null;
  const n = (m: RegExpExecArray, i: number): number => Number(m[i] ?? 0);
  const at = new Date(n(d, 1), n(d, 2) - 1, n(d, 3), n(t, 1), n(t, 2), n(t, 3));
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** Maps si.users() (macOS who/w, Windows query user) onto sessions; neither gives a pid. */
export function usersFromSystemInformation(users: readonly Systeminformation.UserData[]): UserSession[] {
  return users
    .filter((u) => u.user)
    .map((u) => ({
      user: u.user,
      terminal: u.tty || null,
      host: u.ip && u.ip !== '-' && !u.ip.startsWith(':') ? u.ip : null,
      login_at: localLoginToIso(u.date ?? '', u.time ?? ''),
      pid: null,
    }));
}
