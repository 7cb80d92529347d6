/** The fields a test sets in a utmp record; the rest stay zero. */
export interface UtmpFields {
  type: number;
  pid?: number;
  line?: string;
  id?: string;
  user?: string;
  host?: string;
  sec?: number;
  usec?: number;
}

/**
 * One glibc x86_64/aarch64 `struct utmp` (384 bytes), built byte by byte from the layout in
 * bits/utmp.h, independently of the parser's own offsets.
 */
export function utmpRecord(f: UtmpFields, littleEndian = true): Buffer {
  const b = Buffer.alloc(384);
  const i16 = (v: number, o: number) => (littleEndian ? b.writeInt16LE(v, o) : b.writeInt16BE(v, o));
  const i32 = (v: number, o: number) => (littleEndian ? b.writeInt32LE(v, o) : b.writeInt32BE(v, o));
  i16(f.type, 0); // short ut_type, then 2 bytes of padding
  i32(f.pid ?? 0, 4); // pid_t ut_pid
  b.write(f.line ?? '', 8, 32, 'utf8'); // char ut_line[32]
  b.write(f.id ?? '', 40, 4, 'utf8'); // char ut_id[4]
  b.write(f.user ?? '', 44, 32, 'utf8'); // char ut_user[32]
  b.write(f.host ?? '', 76, 256, 'utf8'); // char ut_host[256]
  i16(0, 332); // struct exit_status { short e_termination; short e_exit; }
  i16(0, 334);
  i32(0, 336); // int32 ut_session
  i32(f.sec ?? 0, 340); // struct { int32 tv_sec; int32 tv_usec; } ut_tv
  i32(f.usec ?? 0, 344);
  // int32 ut_addr_v6[4] at 348, char __unused[20] at 364: zero.
  return b;
}
