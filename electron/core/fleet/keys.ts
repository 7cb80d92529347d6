// The fleet's API keys: secrets, so never settings. One JSON file in the server's data folder, mode
// 0600 in a 0700 folder, written atomically; keys are only read here and sent as Bearer headers.
import { readFile } from '../os/fs-async.js';
import { join } from 'node:path';
import { writeSecretFile } from '../store/atomic.js';

/** The file name in the data folder. */
export const FLEET_KEYS_FILE = 'fleet-keys.json';

/** Host name → API key, kept in `<dataDir>/fleet-keys.json`. */
export class FleetKeyStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, FLEET_KEYS_FILE);
  }

  /** Every stored key (an absent file is none). */
  async read(): Promise<Map<string, string>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw e;
    }
    const keys = (JSON.parse(text) as { keys?: Record<string, unknown> }).keys ?? {};
    return new Map(Object.entries(keys).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  /** Replaces the stored keys. */
  async write(keys: ReadonlyMap<string, string>): Promise<void> {
    const body = { version: 1, keys: Object.fromEntries([...keys].sort(([a], [b]) => a.localeCompare(b))) };
    await writeSecretFile(this.path, `${JSON.stringify(body, null, 2)}\n`);
  }
}
