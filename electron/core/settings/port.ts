// The core's settings port: what the app (electron-store), the CLI and the server (conf) need of the
// user settings file `<data folder>/config.json`. Both stores are the same Conf class underneath, so
// they write the same file in the same format, which `loadConfig` (electron/core/config/load.ts) reads.
import type { Settings } from '../../../shared/settings/schema.js';

/** The user settings layer, stored as JSON. */
export interface SettingsPort {
  /** The file behind the store. */
  readonly path: string;
  /** The stored values (partial, migrated), as the file holds them. */
  read(): Record<string, unknown>;
  /** Defaults plus the stored values, validated. */
  get(): Settings;
  /**
   * Deep-merges `patch` into the stored values, validates the result with the Settings schema (a bad
   * key or value throws a UserError naming it and leaves the file alone), writes it, and returns the
   * new settings.
   */
  update(patch: Record<string, unknown>): Settings;
  /** Calls `cb` after each successful update; returns an unsubscribe function. */
  onChange(cb: (settings: Settings) => void): () => void;
}
