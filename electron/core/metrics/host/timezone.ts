import { join } from 'node:path';
import { readLink, readText } from '../../os/files.js';
import { zoneName } from './parse.js';

let cached: Promise<string> | undefined;

// The first Intl call loads ICU's time zone data: ~50-90 ms, a fifth of the whole snapshot budget.
function intlZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

async function lookup(env: NodeJS.ProcessEnv, root: string): Promise<string> {
  const fromEnv = zoneName(env.TZ);
  if (fromEnv) return fromEnv;
  const link = zoneName(await readLink(join(root, 'etc/localtime')));
  if (link) return link;
  return zoneName(await readText(join(root, 'etc/timezone'))) ?? intlZone();
}

/**
 * The IANA time zone of this machine, as Unix systems record it (TZ, the /etc/localtime link, Debian's
 * /etc/timezone), with Intl only as the last resort. Looked up once: Node itself keeps the zone it
 * started with, so utc offsets stay consistent with it.
 */
export function localTimezone(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  root = '/',
): Promise<string> {
  if (platform === 'win32') return Promise.resolve(intlZone());
  if (root !== '/') return lookup(env, root);
  cached ??= lookup(env, root);
  return cached;
}
