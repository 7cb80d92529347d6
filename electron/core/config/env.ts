import { userError } from '../messages.js';

/** Variables with our prefix that are not settings. */
const RESERVED = new Set(['AUTOINFRASNAP_CONFIG', 'AUTOINFRASNAP_DEBUG', 'AUTOINFRASNAP_API_KEY']);

/** `snapshot.windowSeconds` → `AUTOINFRASNAP_SNAPSHOT_WINDOW_SECONDS`. */
export function envName(path: readonly string[]): string {
  return `AUTOINFRASNAP_${path.map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()).join('_')}`;
}

/** Leaf paths of a defaults object, with the default value that tells each leaf's type. */
export function leaves(obj: Record<string, unknown>, prefix: string[] = []): Array<[string[], unknown]> {
  const out: Array<[string[], unknown]> = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      out.push(...leaves(v as Record<string, unknown>, [...prefix, k]));
    } else out.push([[...prefix, k], v]);
  }
  return out;
}

function parseValue(name: string, raw: string, example: unknown): unknown {
  if (typeof example === 'number') {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(n))
      throw userError('config', 'cli.config.env_number', { name, value: raw });
    return n;
  }
  if (typeof example === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw userError('config', 'cli.config.env_boolean', { name, value: raw });
  }
  if (Array.isArray(example)) {
    if (raw.trim().startsWith('[')) {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw userError('config', 'cli.config.env_array', { name });
      }
    }
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return raw;
}

/**
 * Settings from `AUTOINFRASNAP_*` variables, as a partial settings object. An unknown variable with our
 * prefix is an error (a typo would otherwise be silently ignored).
 */
export function settingsFromEnv(
  env: NodeJS.ProcessEnv,
  defaults: Record<string, unknown>,
): Record<string, unknown> {
  const known = new Map(leaves(defaults).map(([path, example]) => [envName(path), { path, example }]));
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('AUTOINFRASNAP_') || RESERVED.has(name) || raw === undefined) continue;
    const leaf = known.get(name);
    if (!leaf) {
      const hint = [...known.keys()].find((k) => k.startsWith(name) || name.startsWith(k));
      throw hint
        ? userError('config', 'cli.config.unknown_env', { name, hint })
        : userError('config', 'cli.config.unknown_env_list', { name, known: [...known.keys()].join(', ') });
    }
    let node = out;
    for (const key of leaf.path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[leaf.path[leaf.path.length - 1]!] = parseValue(name, raw, leaf.example);
  }
  return out;
}
