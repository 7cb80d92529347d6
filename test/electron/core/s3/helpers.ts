import { readFileSync } from 'node:fs';
import { v7 } from 'uuid';
import type { Snapshot } from '../../../../shared/snapshot/schema.js';

const base = JSON.parse(
  readFileSync(new URL('../../../fixtures/diff/scenario-a.json', import.meta.url), 'utf8'),
) as Snapshot;

/** A valid snapshot (the diff fixture) taken at `ms`, with a UUIDv7 id carrying that time. */
export function snapshotAt(ms: number, hostname = 'web-1'): Snapshot {
  const s = structuredClone(base);
  s.id = v7({ msecs: ms });
  s.taken_at = new Date(ms).toISOString();
  if (s.host) s.host.hostname = hostname;
  return s;
}
