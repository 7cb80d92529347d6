// The settings port over `conf` (electron-store is a Conf subclass: the app passes its class, the CLI and
// server the plain one). Pretty JSON with a trailing newline, mode 0600, atomic writes — the same bytes
// `autoinfrasnap config init` and the server's settings:set write — and migrations applied on open.
import { join } from 'node:path';
import type { Options as ConfOptions } from 'conf';
import { Settings } from '../../../shared/settings/schema.js';
import { issueError, mergeSettings } from '../config/load.js';
import { userError } from '../messages.js';
import { migrateSettings, type RawSettings, type SettingsMigration } from './migrations.js';
import type { SettingsPort } from './port.js';

/** The members of Conf this store uses (Conf and ElectronStore both have them). */
export interface ConfLike {
  readonly path: string;
  store: RawSettings;
}

/** Builds the Conf (or ElectronStore) instance from options. */
export type ConfFactory = (options: ConfOptions<RawSettings>) => ConfLike;

/** The settings file's name inside the data folder (electron-store's default: `config.json`). */
export const SETTINGS_FILE_NAME = 'config';

/** How the store writes: the format `config init` and the server use. */
export function settingsOptions(dir: string): ConfOptions<RawSettings> {
  return {
    cwd: dir,
    configName: SETTINGS_FILE_NAME,
    fileExtension: 'json',
    configFileMode: 0o600,
    // Keys such as `disks["/"]` never occur here, but dots in values must not become paths either: the
    // port only reads and writes the whole object.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
  };
}

/** Opens the settings store in `dir` with the given Conf factory (default: `conf`, loaded lazily). */
export async function openSettingsStore(
  dir: string,
  factory?: ConfFactory,
  migrations?: readonly SettingsMigration[],
): Promise<ConfSettingsStore> {
  let make = factory;
  if (!make) {
    const { default: Conf } = await import('conf');
    make = (o) => new Conf<RawSettings>(o);
  }
  const options = settingsOptions(dir);
  let conf: ConfLike;
  try {
    conf = make(options);
  } catch (e) {
    // Conf reads the file when it is built: damaged JSON must be a one-line error, not a crash.
    const path = join(dir, `${SETTINGS_FILE_NAME}.json`);
    throw userError('config', 'tray.settings.unreadable', { path, detail: (e as Error).message }, e);
  }
  return new ConfSettingsStore(conf, migrations);
}

/** The settings port over one Conf instance. */
export class ConfSettingsStore implements SettingsPort {
  private readonly listeners = new Set<(s: Settings) => void>();
  /** Ids of the migrations applied when the store was opened. */
  readonly migrated: string[];

  constructor(
    private readonly conf: ConfLike,
    migrations?: readonly SettingsMigration[],
  ) {
    const raw = conf.store;
    const { values, applied } = migrateSettings(raw, migrations);
    this.migrated = applied;
    if (applied.length) {
      const r = Settings.safeParse(values);
      if (!r.success) throw issueError(r.error.issues[0]!, conf.path);
      this.write(values);
    }
  }

  get path(): string {
    return this.conf.path;
  }

  read(): RawSettings {
    return migrateSettings(this.conf.store).values;
  }

  get(): Settings {
    const r = Settings.safeParse(this.read());
    if (!r.success) throw issueError(r.error.issues[0]!, this.conf.path);
    return r.data;
  }

  update(patch: RawSettings): Settings {
    const next = mergeSettings(this.read(), patch);
    const r = Settings.safeParse(next);
    if (!r.success) throw issueError(r.error.issues[0]!, 'settings');
    this.write(next);
    for (const cb of [...this.listeners]) cb(r.data);
    return r.data;
  }

  onChange(cb: (s: Settings) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  private write(values: RawSettings): void {
    // Conf keeps its own `__internal__` bookkeeping when the file has one; the migration removed it, so
    // write the whole object as is.
    this.conf.store = values;
  }
}
