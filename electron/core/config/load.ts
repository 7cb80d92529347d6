import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { Settings, defaultSettings, type SettingsInput } from '../../../shared/settings/schema.js';
import { UserError } from '../errors.js';
import { userSettingsFile } from '../paths.js';
import { leaves, settingsFromEnv } from './env.js';

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

/** Turns the first zod issue into one line naming the setting, where it came from, and the fix. */
export function describeIssue(issue: z.core.$ZodIssue, where: string): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = [path, issue.keys[0]].filter(Boolean).join('.');
    const known = leaves(defaultSettings() as unknown as Record<string, unknown>).map(([p]) => p.join('.'));
    const hint = closest(key, known);
    return `unknown setting "${key}" in ${where}${hint ? `; did you mean "${hint}"?` : `; known settings: ${known.join(', ')}`}`;
  }
  return `bad value for setting "${path}" in ${where}: ${issue.message}`;
}

function check(values: unknown, where: string): void {
  const r = Settings.safeParse(values);
  if (!r.success) throw new UserError('config', describeIssue(r.error.issues[0]!, where));
}

async function readJson(path: string, required: boolean): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (!required && (e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError('config', `cannot read config file ${path}: ${(e as Error).message}`);
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw new Error('the top level must be an object');
    return v as Record<string, unknown>;
  } catch (e) {
    throw new UserError(
      'config',
      `config file ${path} is not valid JSON (${(e as Error).message}); fix or delete it`,
    );
  }
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
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
        ? merge(prev as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/**
 * Effective settings: defaults ← the app's settings file ← autoinfrasnap.json ← AUTOINFRASNAP_* ← flags.
 * Every layer is validated on its own so an error names the file or variable it came from.
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const userSettingsPath = userSettingsFile(opts.env, opts.platform, opts.home);
  const layers: ConfigLayer[] = [];
  const userValues = await readJson(userSettingsPath, false);
  if (userValues) {
    check(userValues, userSettingsPath);
    layers.push({ source: 'settings', path: userSettingsPath, values: userValues });
  }
  const explicit = opts.configFile ?? opts.env.AUTOINFRASNAP_CONFIG;
  const filePath = explicit ?? join(opts.cwd, PROJECT_CONFIG_FILE);
  const fileValues = await readJson(filePath, explicit !== undefined);
  if (fileValues) {
    check(fileValues, filePath);
    layers.push({ source: 'file', path: filePath, values: fileValues });
  }
  const envValues = settingsFromEnv(opts.env, defaultSettings() as unknown as Record<string, unknown>);
  if (Object.keys(envValues).length) {
    check(envValues, 'the environment');
    layers.push({ source: 'env', path: null, values: envValues });
  }
  if (opts.flags && Object.keys(opts.flags).length) {
    check(opts.flags, 'the command line');
    layers.push({ source: 'flags', path: null, values: opts.flags as Record<string, unknown> });
  }
  const merged = layers.reduce<Record<string, unknown>>((acc, l) => merge(acc, l.values), {});
  return { settings: Settings.parse(merged), layers, userSettingsPath };
}
