import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Snapshot, snapshotJsonSchema } from '../../../shared/snapshot/schema.js';

const committed = JSON.parse(
  readFileSync(new URL('../../../shared/snapshot/snapshot.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('published JSON Schema', () => {
  it('matches the zod source (regenerate with `npm run schema` after changing the model)', () => {
    expect(committed).toEqual(snapshotJsonSchema());
  });

  it('is draft 2020-12 and requires the top-level fields', () => {
    expect(committed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(committed.required).toEqual(
      expect.arrayContaining([
        'schema_version',
        'id',
        'taken_at',
        'tool',
        'duration_ms',
        'errors',
        'redactions',
      ]),
    );
  });

  it('rejects an id that is not a UUIDv7 and a taken_at with an offset', () => {
    const base = {
      schema_version: 1,
      id: '0196b7c4-8f3a-7cde-9abc-0123456789ab',
      taken_at: '2026-11-26T12:00:00.000Z',
      tool: { name: 'autoinfrasnap', version: '1.0.0' },
      duration_ms: 1,
      window_ms: 0,
      sections: [],
      errors: [],
      redactions: { enabled: true, total: 0, by_rule: {} },
    };
    expect(Snapshot.safeParse(base).success).toBe(true);
    expect(Snapshot.safeParse({ ...base, id: '6ba7b810-9dad-41d1-80b4-00c04fd430c8' }).success).toBe(false);
    expect(Snapshot.safeParse({ ...base, taken_at: '2026-11-26T12:00:00+01:00' }).success).toBe(false);
  });
});
