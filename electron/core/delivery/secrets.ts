import { readFile, stat } from '../os/fs-async.js';
import { isAbsolute, resolve } from 'node:path';
import type { UserError } from '../errors.js';
import { userError } from '../messages.js';

/** Where secret references are resolved: the environment and the folder relative paths start from. */
export interface SecretContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Platform, for the file-mode check (Windows has no POSIX modes). */
  platform?: NodeJS.Platform;
}

/** True when `s` is a secret reference (`env:NAME` or `file:PATH`) rather than a literal value. */
export function isSecretRef(s: string): boolean {
  return s.startsWith('env:') || (s.startsWith('file:') && !s.startsWith('file://'));
}

/**
 * Reads the secret a reference names. `env:NAME` reads a variable; `file:PATH` reads a file that only
 * its owner may read or write (mode 0600 or stricter: anything looser is refused, as ssh does), with
 * one trailing newline dropped. Errors name the target and the setting, never the value.
 */
export async function resolveSecret(
  ref: string,
  ctx: SecretContext,
  where: { id: string; field: string },
): Promise<string> {
  const base = { id: where.id, field: where.field };
  let value: string;
  if (ref.startsWith('env:')) {
    const name = ref.slice(4);
    const v = ctx.env[name];
    if (v === undefined) throw userError('config', 'delivery.error.secret_env', { ...base, name });
    value = v;
  } else if (ref.startsWith('file:')) {
    const raw = ref.slice(5);
    const path = isAbsolute(raw) ? raw : resolve(ctx.cwd, raw);
    value = await readSecretFile(path, ctx.platform ?? process.platform, base);
  } else {
    // The schema admits only references; a literal here is a programming error, not a user's.
    throw new Error(`delivery target "${where.id}": ${where.field} is not a secret reference`);
  }
  value = value.replace(/\r?\n$/, '');
  if (value.trim() === '') throw userError('config', 'delivery.error.secret_empty', base);
  return value;
}

async function readSecretFile(
  path: string,
  platform: NodeJS.Platform,
  base: { id: string; field: string },
): Promise<string> {
  const fail = (e: unknown): UserError =>
    userError('config', 'delivery.error.secret_file', {
      ...base,
      path,
      detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (e) {
    throw fail(e);
  }
  if (platform !== 'win32' && (mode & 0o077) !== 0)
    throw userError('config', 'delivery.error.secret_mode', {
      ...base,
      path,
      mode: (mode & 0o777).toString(8).padStart(4, '0'),
    });
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw fail(e);
  }
}

/**
 * What a log or the dashboard may show of a webhook URL: scheme and host. Slack and Discord put their
 * token in the path, so the path is never shown; a reference is shown as written.
 */
export function describeUrl(url: string): string {
  if (isSecretRef(url)) return url;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '?';
  }
}
