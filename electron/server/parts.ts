import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedConfig } from '../core/config/load.js';
import { AlertEngine } from '../core/alerts/engine.js';
import { Sampler } from '../core/sampler/sampler.js';
import type { BackendParts } from './backend.js';
import { writeSecretFile } from '../core/store/atomic.js';

/** File in the data folder that keeps the alert engine's rules, open alerts, cooldowns and trends. */
export const ALERTS_FILE = 'alerts.json';

/**
 * The built renderer: `out/renderer` at the repository root. Both this module (electron/server/) and
 * the CLI bundle's chunks (dist/cli/) sit two folders below the root.
 */
export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../../out/renderer', import.meta.url));
}

/** What the real sampler and engine are built from. */
export interface PartsOptions {
  cfg: LoadedConfig;
  dataDir: string;
  intervalMs: number;
  log?: (line: string) => void;
}

async function loadEngine(file: string, log: (line: string) => void): Promise<AlertEngine> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`cannot read ${file}; starting with default alert rules`);
    return new AlertEngine();
  }
  try {
    return AlertEngine.fromJSON(JSON.parse(text));
  } catch {
    log(`${file} is damaged; starting with default alert rules`);
    return new AlertEngine();
  }
}

/**
 * The live pieces of the server: the core sampler (history kept in `<dataDir>/history`) and the alert
 * engine, restored from `<dataDir>/alerts.json` and saved there after rule changes and on stop.
 */
export async function createParts(opts: PartsOptions): Promise<BackendParts> {
  const log = opts.log ?? (() => undefined);
  const file = join(opts.dataDir, ALERTS_FILE);
  const alerts = await loadEngine(file, log);
  const r = opts.cfg.settings.redaction;
  const sampler = new Sampler({
    intervalMs: opts.intervalMs,
    dataDir: opts.dataDir,
    redaction: { enabled: r.enabled, patterns: r.patterns },
  });
  return {
    sampler,
    alerts,
    save: () => writeSecretFile(file, `${JSON.stringify(alerts.toJSON())}\n`),
  };
}
