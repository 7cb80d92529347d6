import { z } from 'zod';
import { SECTION_NAMES } from '../snapshot/sections.js';
import { DeliverySettings } from './delivery.js';
import { FleetSettings } from './fleet.js';
import { BackupSettings, S3Settings } from './s3.js';

/**
 * Settings shared by the app, the CLI and the server. The app's settings store and `autoinfrasnap.json`
 * hold this shape (partial); every leaf can also come from an `AUTOINFRASNAP_*` environment variable
 * named after its path (`snapshot.windowSeconds` → `AUTOINFRASNAP_SNAPSHOT_WINDOW_SECONDS`).
 */
export const Settings = z
  .object({
    $schema: z.string().optional(),
    language: z
      .enum(['auto', 'en', 'ko'])
      .default('auto')
      .describe('Language of reports and messages; auto follows the OS locale'),
    snapshot: z
      .strictObject({
        windowSeconds: z
          .number()
          .min(0)
          .max(60)
          .default(1)
          .describe('Sampling window for rates and CPU usage'),
        topN: z.number().int().min(1).max(500).default(15).describe('Processes kept in each top list'),
        only: z
          .array(z.enum(SECTION_NAMES))
          .default([])
          .describe('Collect only these sections (empty = all)'),
        skip: z.array(z.enum(SECTION_NAMES)).default([]).describe('Sections never collected'),
      })
      .prefault({}),
    redaction: z
      .strictObject({
        enabled: z.boolean().default(true).describe('Redact secrets in command lines and other text'),
        patterns: z.array(z.string()).default([]).describe('Extra regular expressions to redact'),
      })
      .prefault({}),
    check: z
      .strictObject({
        rules: z
          .array(z.string())
          .default([])
          .describe('Rules autoinfrasnap check always evaluates, e.g. "memory.used_percent < 95"'),
      })
      .prefault({}),
    store: z
      .strictObject({
        dir: z
          .string()
          .min(1)
          .nullable()
          .default(null)
          .describe('Snapshot folder (default: the app data folder)'),
        maxCount: z.number().int().min(1).default(500).describe('Keep at most this many snapshots'),
        maxAgeDays: z.number().min(0).default(90).describe('Delete snapshots older than this (0 = never)'),
      })
      .prefault({}),
    monitor: z
      .strictObject({
        intervalSeconds: z
          .number()
          .min(1)
          .max(60)
          .default(2)
          .describe('Live sampling interval while a window or browser watches (serve --interval wins)'),
        idleIntervalSeconds: z
          .number()
          .min(1)
          .max(60)
          .default(10)
          .describe('Sampling interval while nobody watches (never faster than intervalSeconds)'),
        quietHours: z
          .string()
          .regex(/^(([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)?$/, 'expected HH:MM-HH:MM or ""')
          .default('')
          .describe('No alert notifications in this local time range, e.g. "22:00-07:00" ("" = off)'),
      })
      .prefault({}),
    ui: z
      .strictObject({
        theme: z
          .enum(['system', 'light', 'dark'])
          .default('system')
          .describe('Colour theme of the windows; system follows the OS'),
      })
      .prefault({}),
    s3: S3Settings,
    backup: BackupSettings,
    delivery: DeliverySettings,
    fleet: FleetSettings,
  })
  .strict();

/** Fully resolved settings (defaults applied). */
export type Settings = z.infer<typeof Settings>;

/** Settings as written in a file or store: every key optional. */
export type SettingsInput = z.input<typeof Settings>;

/** The defaults, as `config init` writes them. */
export function defaultSettings(): Settings {
  return Settings.parse({});
}
