import { readFile } from 'node:fs/promises';
import { Settings } from '../../shared/settings/schema.js';
import { issueError, mergeSettings, type LoadedConfig } from '../core/config/load.js';
import { writeSecretFile } from '../core/store/atomic.js';
import { UserError } from '../core/errors.js';

async function readUserSettings(path: string): Promise<Record<string, unknown>> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UserError('config', `cannot read settings file ${path}: ${(e as Error).message}`);
  }
}

/** The settings commands: effective settings, and changes written to the user settings file. */
export class SettingsOps {
  private cfg: LoadedConfig;
  private readonly listeners = new Set<(cfg: LoadedConfig) => void>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    cfg: LoadedConfig,
    private readonly reload: () => Promise<LoadedConfig>,
  ) {
    this.cfg = cfg;
  }

  /** The effective settings (every layer merged). */
  get(): Settings {
    return this.cfg.settings;
  }

  /** Calls `cb` with the new configuration after each successful change. */
  onChange(cb: (cfg: LoadedConfig) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  /**
   * Merges `patch` into the user settings file, validates the result with the Settings schema (a bad
   * key or value is a 400 naming it), writes it atomically and returns the new effective settings.
   */
  set(patch: Record<string, unknown>): Promise<Settings> {
    const run = async (): Promise<Settings> => {
      const path = this.cfg.userSettingsPath;
      const next = mergeSettings(await readUserSettings(path), patch);
      const r = Settings.safeParse(next);
      if (!r.success) throw issueError(r.error.issues[0]!, 'settings');
      await writeSecretFile(path, `${JSON.stringify(next, null, 2)}\n`);
      this.cfg = await this.reload();
      for (const cb of this.listeners) cb(this.cfg);
      return this.cfg.settings;
    };
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => undefined);
    return p;
  }
}
