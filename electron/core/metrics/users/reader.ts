import { readFile } from '../../os/fs-async.js';
import { endianness } from 'node:os';
import type { UsersSection } from '../../../../shared/snapshot/metrics/users.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { defineReader, type ReaderContext } from '../../snapshot/reader.js';
import { parseUtmp } from './parse.js';
import { usersFromSystemInformation } from './sysinfo-map.js';

/** Where glibc keeps utmp; /var/run is a symlink to /run on current systems but not on old ones. */
export const UTMP_PATHS = ['/var/run/utmp', '/run/utmp'] as const;

/** Sessions from the first utmp file that exists; none when there is no utmp (containers, utmp-less distros). */
export async function readUtmpSessions(paths: readonly string[] = UTMP_PATHS): Promise<UsersSection> {
  for (const path of paths) {
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch {
      continue;
    }
    return { sessions: parseUtmp(buf, endianness() === 'LE') };
  }
  return { sessions: [] };
}

/** The `users` section: who is logged in. */
export const reader = defineReader({
  section: 'users',
  // Windows answers through PowerShell/WMI, which takes seconds on a cold start.
  timeoutMs: 10_000,
  async collect(ctx: ReaderContext): Promise<UsersSection> {
    if (ctx.platform === 'linux') return readUtmpSessions();
    const si = await loadSystemInformation();
    return { sessions: usersFromSystemInformation(await si.users()) };
  },
});
