// Settings migrations: pure functions from an older settings file's shape to the current one. Each is
// structural and idempotent (it recognises the old shape itself), so no version stamp has to live in
// the file: the CLI's strict loader and the app read the very same JSON.

/** A raw settings object, as read from JSON. */
export type RawSettings = Record<string, unknown>;

/** One migration: `applies` recognises the old shape, `migrate` returns the new object (no mutation). */
export interface SettingsMigration {
  id: string;
  applies(raw: RawSettings): boolean;
  migrate(raw: RawSettings): RawSettings;
}

function isObject(v: unknown): v is RawSettings {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The migrations, oldest first. Add new ones at the end; never edit a shipped one.
 * - `conf-internal`: electron-store/conf keep bookkeeping under `__internal__` when migrations or
 *   `projectVersion` are used; the strict settings schema rejects it, and nothing here needs it.
 * - `snapshot-window-ms`: pre-release builds stored `snapshot.windowMs` (milliseconds); the setting is
 *   `snapshot.windowSeconds`.
 */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    id: 'conf-internal',
    applies: (raw) => '__internal__' in raw,
    migrate: (raw) => {
      const { __internal__: _drop, ...rest } = raw;
      return rest;
    },
  },
  {
    id: 'snapshot-window-ms',
    applies: (raw) => isObject(raw.snapshot) && 'windowMs' in raw.snapshot,
    migrate: (raw) => {
      const { windowMs, ...snapshot } = raw.snapshot as RawSettings;
      const seconds = typeof windowMs === 'number' && Number.isFinite(windowMs) ? windowMs / 1000 : undefined;
      return {
        ...raw,
        snapshot: {
          ...(seconds !== undefined && !('windowSeconds' in snapshot) ? { windowSeconds: seconds } : {}),
          ...snapshot,
        },
      };
    },
  },
];

/** Applies every migration that recognises `raw`; returns the result and the ids applied. */
export function migrateSettings(
  raw: RawSettings,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): { values: RawSettings; applied: string[] } {
  let values = raw;
  const applied: string[] = [];
  for (const m of migrations) {
    if (!m.applies(values)) continue;
    values = m.migrate(values);
    applied.push(m.id);
  }
  return { values, applied };
}
