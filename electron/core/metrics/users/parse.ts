import type { UserSession } from '../../../../shared/snapshot/metrics/users.js';

/**
 * glibc's `struct utmp` on x86_64 and aarch64 (and every 64-bit glibc target, which stores 32-bit times
 * here for compatibility with 32-bit programs): 384 bytes per record.
 */
export const UTMP_RECORD_SIZE = 384;

/** Field offsets within a record (bits/utmp.h). */
export const UTMP = {
  type: 0, // short ut_type + 2 bytes padding
  pid: 4, // int32 ut_pid
  line: 8, // char[32] ut_line: the terminal without /dev/
  id: 40, // char[4]
  user: 44, // char[32]
  host: 76, // char[256]
  exit: 332, // 2 × int16
  session: 336, // int32
  tvSec: 340, // int32
  tvUsec: 344, // int32
  addrV6: 348, // 4 × int32
} as const;

/** ut_type of a logged-in user's session. */
export const USER_PROCESS = 7;

/** A NUL-padded char[] field as text (not necessarily NUL-terminated when full). */
function cString(buf: Buffer, offset: number, length: number): string {
  const field = buf.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.toString('utf8', 0, end < 0 ? length : end);
}

/**
 * Logged-in sessions from the binary utmp file. Only USER_PROCESS records count, as with `who`. A
 * host of `:0` and the like is a local X display, not a remote host.
 */
export function parseUtmp(buf: Buffer, littleEndian = true): UserSession[] {
  const i16 = (o: number) => (littleEndian ? buf.readInt16LE(o) : buf.readInt16BE(o));
  const i32 = (o: number) => (littleEndian ? buf.readInt32LE(o) : buf.readInt32BE(o));
  const sessions: UserSession[] = [];
  for (let r = 0; r + UTMP_RECORD_SIZE <= buf.length; r += UTMP_RECORD_SIZE) {
    // ut_type is a short: read 16 bits so junk in the padding cannot hide a record.
    if (i16(r + UTMP.type) !== USER_PROCESS) continue;
    const user = cString(buf, r + UTMP.user, 32);
    if (user === '') continue;
    const line = cString(buf, r + UTMP.line, 32);
    const host = cString(buf, r + UTMP.host, 256);
    // Read as unsigned: a 32-bit time past 2038 wraps negative, and nobody logged in before 1970.
    const sec = i32(r + UTMP.tvSec) >>> 0;
    const usec = i32(r + UTMP.tvUsec);
    const pid = i32(r + UTMP.pid);
    sessions.push({
      user,
      terminal: line || null,
      host: host === '' || host.startsWith(':') ? null : host,
      login_at: sec === 0 ? null : new Date(sec * 1000 + Math.floor(usec / 1000)).toISOString(),
      pid: pid > 0 ? pid : null,
    });
  }
  return sessions;
}
