import type { Settings } from '../../../shared/settings/schema.js';
import { SECTION_NAMES } from '../../../shared/snapshot/sections.js';

// The settings defaults and the command-line flags the CLI passes, without zod: most runs of the CLI
// (and every `snap` on a machine with no config) have no settings file, no autoinfrasnap.json and no
// AUTOINFRASNAP_* variable, and loading the settings schemas would cost them more than the rest of
// the configuration. Tests prove both equal to what the zod model says, so they cannot drift.

/** `Settings.parse({})`, written out (test/electron/core/config/defaults.test.ts compares them). */
const DEFAULTS: Settings = {
  language: 'auto',
  snapshot: { windowSeconds: 1, topN: 15, only: [], skip: [] },
  redaction: { enabled: true, patterns: [] },
  check: { rules: [] },
  store: { dir: null, maxCount: 500, maxAgeDays: 90 },
  monitor: { intervalSeconds: 2, idleIntervalSeconds: 10, quietHours: '' },
  ui: { theme: 'system' },
  s3: {
    bucket: null,
    prefix: 'autoinfrasnap',
    region: 'us-east-1',
    endpoint: null,
    forcePathStyle: false,
    sse: 'none',
    kmsKeyId: null,
    storageClass: 'STANDARD',
    credentialsFile: null,
    shareExpiresHours: 24,
  },
  backup: { everyHours: 0, onAlert: false, encrypt: false, keyFile: null },
  delivery: { targets: [], retry: { attempts: 6, baseSeconds: 5, maxSeconds: 900 }, timeoutSeconds: 15 },
  fleet: { hosts: [] },
};

/** The default settings: a fresh copy on every call, so a caller may change it freely. */
export function defaultSettingsCopy(): Settings {
  return structuredClone(DEFAULTS);
}

/** The defaults, shared and never to be modified: for reading (setting names, env variable types). */
export const DEFAULT_SETTINGS: Readonly<Settings> = DEFAULTS;

const isSection = (v: unknown): boolean => (SECTION_NAMES as readonly unknown[]).includes(v);
const isSections = (v: unknown): boolean => Array.isArray(v) && v.every(isSection);
const inRange = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/**
 * The leaves the CLI's own flags set (`--lang`, `--store`, and `snap`'s `--window`, `--top`, `--only`,
 * `--skip`, `--no-redact`), each with the schema's rule for it. Anything else makes
 * {@link settingsFromFlags} decline, and the zod model decides (and words the error).
 */
const FLAG_RULES: Record<string, Record<string, (v: unknown) => boolean> | ((v: unknown) => boolean)> = {
  language: (v) => v === 'auto' || v === 'en' || v === 'ko',
  store: { dir: (v) => v === null || (typeof v === 'string' && v.length > 0) },
  snapshot: {
    windowSeconds: (v) => inRange(v, 0, 60),
    topN: (v) => inRange(v, 1, 500) && Number.isSafeInteger(v),
    only: isSections,
    skip: isSections,
  },
  redaction: { enabled: (v) => typeof v === 'boolean' },
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The settings `flags` give over the defaults — what `Settings.parse(flags)` returns — when every
 * value in them is one the CLI's flags set and valid; null otherwise (the caller then asks zod).
 */
export function settingsFromFlags(flags: Record<string, unknown>): Settings | null {
  if (!isPlainObject(flags)) return null;
  const out = defaultSettingsCopy() as unknown as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(flags)) {
    const rule = Object.hasOwn(FLAG_RULES, key) ? FLAG_RULES[key] : undefined;
    if (!rule) return null;
    if (typeof rule === 'function') {
      if (!rule(value)) return null;
      (out as Record<string, unknown>)[key] = value;
      continue;
    }
    if (!isPlainObject(value)) return null;
    for (const [leaf, v] of Object.entries(value)) {
      const check = Object.hasOwn(rule, leaf) ? rule[leaf] : undefined;
      if (!check || !check(v)) return null;
      out[key]![leaf] = Array.isArray(v) ? [...(v as unknown[])] : v;
    }
  }
  return out as unknown as Settings;
}
