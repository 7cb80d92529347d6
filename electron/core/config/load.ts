import { readFile } from '../os/fs-async.js';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Settings, Settings as SettingsSchema, SettingsInput } from '../../../shared/settings/schema.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import type { MessageParams, UserError } from '../errors.js';
import { userError } from '../messages.js';
import { userSettingsFile } from '../paths.js';
import { migrateSettings } from '../settings/migrations.js';
import { DEFAULT_SETTINGS, settingsFromFlags } from './defaults.js';
import { leaves, settingsFromEnv } from './env.js';

// The zod settings model loads only when some layer needs validating (see defaults.ts).
const settingsModel = async (): Promise<typeof SettingsSchema> =>
  (await import('../../../shared/settings/schema.js')).Settings;

/** Name of the per-directory config file (e.g. checked into a repository for CI). */
export const PROJECT_CONFIG_FILE = 'autoinfrasnap.json';

/** Where each layer of the effective settings came from, lowest precedence first. */
export interface ConfigLayer {
  source: 'defaults' | 'settings' | 'file' | 'env' | 'flags';
  path: string | null;
  values: Record<string, unknown>;
}

/** Effective settings and the layers they were merged from. */
export interface LoadedConfig {
  settings: Settings;
  layers: ConfigLayer[];
  userSettingsPath: string;
}

/** Inputs of {@link loadConfig}; all injectable for tests. */
export interface LoadConfigOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  /** `--config FILE`; else AUTOINFRASNAP_CONFIG; else ./autoinfrasnap.json when present. */
  configFile?: string | undefined;
  /** Values from command-line flags (highest precedence). */
  flags?: SettingsInput;
}

function closest(word: string, candidates: string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = d[0]!;
      d[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const t = d[j]!;
        d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = t;
      }
    }
    return d[b.length]!;
  };
  const best = candidates
    .map((c) => [c, dist(word.toLowerCase(), c.toLowerCase())] as const)
    .sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= Math.max(2, Math.floor(word.length / 3)) ? best[0] : undefined;
}

type Where = string | { key: MessageKey };

/** Turns the first zod issue into a one-line error naming the setting, where it came from, and the fix. */
export function issueError(issue: z.core.$ZodIssue, where: Where): UserError {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = [path, issue.keys[0]].filter(Boolean).join('.');
    const known = leaves(DEFAULT_SETTINGS as unknown as Record<string, unknown>).map(([p]) => p.join('.'));
    const hint = closest(key, known);
    return hint
      ? userError('config', 'cli.config.unknown_setting', { key, where, hint })
      : userError('config', 'cli.config.unknown_setting_list', { key, where, known: known.join(', ') });
  }
  const detail: MessageParams[string] =
    issue.code === 'invalid_type'
      ? { key: 'cli.config.expected' }
      : issue.code === 'invalid_value'
        ? { key: 'cli.config.one_of' }
        : issue.code === 'too_small'
          ? { key: 'cli.config.too_small' }
          : issue.code === 'too_big'
            ? { key: 'cli.config.too_big' }
            : issue.message;
  const extra: MessageParams =
    issue.code === 'invalid_type'
      ? { expected: issue.expected }
      : issue.code === 'invalid_value'
        ? { values: issue.values.map((v) => JSON.stringify(v)).join(', ') }
        : issue.code === 'too_small'
          ? { min: Number(issue.minimum) }
          : issue.code === 'too_big'
            ? { max: Number(issue.maximum) }
            : {};
  return userError('config', 'cli.config.bad_value', { key: path, where, detail, ...extra });
}

function check(Settings: SettingsModel, values: unknown, where: Where): void {
  const r = Settings.safeParse(values);
  if (!r.success) throw issueError(r.error.issues[0]!, where);
}

type SettingsModel = typeof SettingsSchema;

async function readJson(path: string, required: boolean): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (!required && (e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw userError('config', 'cli.config.unreadable', { path, detail: (e as Error).message });
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw new Error('the top level must be an object');
    return v as Record<string, unknown>;
  } catch (e) {
    throw userError('config', 'cli.config.not_json', { path, detail: (e as Error).message });
  }
}

/** Deep merge of settings layers: `b`'s leaves win, arrays are replaced, `null` values are kept. */
export function mergeSettings(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      prev &&
      typeof prev === 'object' &&
      !Array.isArray(prev)
        ? mergeSettings(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/**
 * Effective settings: defaults ← the app's settings file ← autoinfrasnap.json ← AUTOINFRASNAP_* ← flags.
 * Every layer is validated on its own so an error names the file or variable it came from. With no
 * layer but the CLI's flags — most runs — the result comes from precomputed defaults without zod.
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const userSettingsPath = userSettingsFile(opts.env, opts.platform, opts.home);
  const layers: ConfigLayer[] = [];
  // The app's settings store may hold an older shape: read it as the app will, after its migrations.
  const stored = await readJson(userSettingsPath, false);
  const userValues = stored && migrateSettings(stored).values;
  let model: SettingsModel | undefined;
  const zod = async (): Promise<SettingsModel> => (model ??= await settingsModel());
  if (userValues) {
    check(await zod(), userValues, userSettingsPath);
    layers.push({ source: 'settings', path: userSettingsPath, values: userValues });
  }
  const explicit = opts.configFile ?? opts.env.AUTOINFRASNAP_CONFIG;
  const filePath = explicit ?? join(opts.cwd, PROJECT_CONFIG_FILE);
  const fileValues = await readJson(filePath, explicit !== undefined);
  if (fileValues) {
    check(await zod(), fileValues, filePath);
    layers.push({ source: 'file', path: filePath, values: fileValues });
  }
  const envValues = settingsFromEnv(opts.env, DEFAULT_SETTINGS as unknown as Record<string, unknown>);
  if (Object.keys(envValues).length) {
    check(await zod(), envValues, { key: 'cli.config.where_env' });
    layers.push({ source: 'env', path: null, values: envValues });
  }
  const flags = opts.flags && Object.keys(opts.flags).length ? (opts.flags as Record<string, unknown>) : null;
  // Nothing but flags the CLI itself parsed: precomputed defaults, no zod (the common case).
  const fast = layers.length === 0 ? settingsFromFlags(flags ?? {}) : null;
  if (flags) {
    if (!fast) check(await zod(), flags, { key: 'cli.config.where_flags' });
    layers.push({ source: 'flags', path: null, values: flags });
  }
  if (fast) return { settings: fast, layers, userSettingsPath };
  const merged = layers.reduce<Record<string, unknown>>((acc, l) => mergeSettings(acc, l.values), {});
  return { settings: (await zod()).parse(merged), layers, userSettingsPath };
}
