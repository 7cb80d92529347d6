// The core's settings port and its conf-based store (see port.ts, conf-store.ts, migrations.ts).
export type { SettingsPort } from './port.js';
export {
  ConfSettingsStore,
  openSettingsStore,
  settingsOptions,
  SETTINGS_FILE_NAME,
  type ConfFactory,
  type ConfLike,
} from './conf-store.js';
export {
  migrateSettings,
  SETTINGS_MIGRATIONS,
  type RawSettings,
  type SettingsMigration,
} from './migrations.js';
