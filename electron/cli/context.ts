import { mkdir, writeFile } from '../core/os/fs-async.js';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createTranslator, resolveLang, type Translator } from '../../shared/i18n/index.js';
import type { SettingsInput } from '../../shared/settings/schema.js';
import { loadConfig, type LoadedConfig } from '../core/config/load.js';
import { userError } from '../core/messages.js';
import { writeFileAtomic } from '../core/store/atomic.js';
import { defaultStoreDir } from '../core/store/paths.js';
import { SnapshotStore } from '../core/store/store.js';
import type { CliIo } from './io.js';

/** The translator for the effective language setting (`auto` follows the OS locale). */
export function cliTranslator(cfg: LoadedConfig, env: NodeJS.ProcessEnv): Translator {
  return createTranslator(
    resolveLang(cfg.settings.language, env, () => Intl.DateTimeFormat().resolvedOptions().locale),
  );
}

/** Loads the effective settings for a command: files, environment, then its flags. */
export async function cliConfig(
  io: CliIo,
  global: { config?: string | undefined; store?: string | undefined; lang?: string | undefined },
  flags: SettingsInput = {},
): Promise<LoadedConfig> {
  const withStore: SettingsInput = global.store
    ? { ...flags, store: { ...flags.store, dir: resolve(io.cwd, global.store) } }
    : { ...flags };
  if (global.lang !== undefined) withStore.language = global.lang as SettingsInput['language'];
  return loadConfig({
    cwd: io.cwd,
    env: io.env,
    platform: process.platform,
    home: homedir(),
    configFile: global.config ? resolve(io.cwd, global.config) : undefined,
    flags: withStore,
  });
}

/** The snapshot store the settings point at. */
export function openStore(cfg: LoadedConfig, env: NodeJS.ProcessEnv): SnapshotStore {
  const s = cfg.settings.store;
  const dir = s.dir ?? defaultStoreDir(env, process.platform, homedir());
  return new SnapshotStore(dir, { retention: { maxCount: s.maxCount, maxAgeDays: s.maxAgeDays } });
}

/** Writes command output to standard output ('-' or none) or to a file, atomically (temp + rename). */
export async function writeOutput(io: CliIo, target: string | undefined, content: string): Promise<void> {
  const text = content.endsWith('\n') ? content : `${content}\n`;
  if (target === undefined || target === '-') {
    io.stdout(text);
    return;
  }
  const path = resolve(io.cwd, target);
  if (path === '/dev/null' || path === '/dev/stdout' || path === '/dev/stderr') {
    await writeFile(path, text);
    return;
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
  } catch (e) {
    throw userError('io', 'cli.io.cannot_write', {
      path,
      detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
}

/** Parses a comma-separated option value, dropping blanks. */
export function list(v: string | undefined): string[] | undefined {
  return v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
