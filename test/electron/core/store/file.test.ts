import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SYNC_GZIP_MAX_BYTES,
  decodeSnapshot,
  encodeSnapshot,
  readSnapshotFile,
} from '../../../../electron/core/store/file.js';
import { StoreError } from '../../../../electron/core/store/store-error.js';
import { hostSection, makeSnapshot } from './factory.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Writes `content` to a file named `name` in the temp folder and returns its path. */
async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The StoreError readSnapshotFile throws for `path` (fails the test if it resolves). */
async function failure(path: string): Promise<StoreError> {
  const err = await readSnapshotFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).message).not.toContain('\n');
  return err as StoreError;
}

describe('readSnapshotFile', () => {
  const snap = makeSnapshot({ hostname: 'db-1' });

  it('reads pretty-printed .json, and JSON with a byte-order mark', async () => {
    expect(await readSnapshotFile(await fileWith('s.json', JSON.stringify(snap, null, 2)))).toEqual(snap);
    expect(await readSnapshotFile(await fileWith('bom.json', `\ufeff${JSON.stringify(snap)}`))).toEqual(snap);
  });

  it('reads .json.gz, and tells gzip by its magic bytes, not its name', async () => {
    const gz = gzipSync(JSON.stringify(snap));
    expect(await readSnapshotFile(await fileWith('s.json.gz', gz))).toEqual(snap);
    expect(await readSnapshotFile(await fileWith('misnamed.json', gz))).toEqual(snap);
    expect(await readSnapshotFile(await fileWith('plain.json.gz', JSON.stringify(snap)))).toEqual(snap);
  });

  it('names the first bad field of a JSON document that is not a snapshot', async () => {
    const other = await failure(await fileWith('package.json', JSON.stringify({ name: 'x', version: '1' })));
    expect(other.code).toBe('corrupt');
    expect(other.message).toBe(
      `${join(dir, 'package.json')}: not an AutoInfraSnap snapshot: field "schema_version" is missing (expected 1)`,
    );

    const badTime = await failure(
      await fileWith('t.json', JSON.stringify({ ...snap, taken_at: 'yesterday' })),
    );
    expect(badTime.message).toMatch(/: field "taken_at": .*datetime/i);

    const host = { ...hostSection('h'), os: { ...hostSection('h').os, platform: 42 } };
    const nested = await failure(await fileWith('n.json', JSON.stringify({ ...snap, host })));
    expect(nested.message).toContain('field "host.os.platform": expected string, received number');

    const list = await failure(await fileWith('a.json', '[1, 2]'));
    expect(list.message).toContain('the document: expected object, received array');
  });

  it('says a newer schema version is newer, not broken', async () => {
    const err = await failure(
      await fileWith('v2.json', JSON.stringify({ ...snap, schema_version: 2, new_thing: 1 })),
    );
    expect(err.message).toContain(
      'written by a newer AutoInfraSnap (schema_version 2; this version reads 1)',
    );
  });

  it('rejects binary garbage, invalid JSON and a truncated gzip, each in its own words', async () => {
    const garbage = await failure(await fileWith('garbage.bin', randomBytes(2048).fill(0, 0, 4)));
    expect(garbage).toMatchObject({ code: 'corrupt' });
    expect(garbage.message).toBe(
      `${join(dir, 'garbage.bin')}: not a snapshot: binary data, neither gzip nor JSON`,
    );

    const text = await failure(await fileWith('notes.txt', 'hello, world'));
    expect(text.message).toMatch(/notes\.txt: not a snapshot: invalid JSON \(/);

    const gz = gzipSync(JSON.stringify(snap));
    const cut = await failure(await fileWith('cut.json.gz', gz.subarray(0, gz.length - 10)));
    expect(cut.message).toMatch(/cut\.json\.gz: damaged gzip data \(/);
  });

  it('a missing file is not_found, naming the path', async () => {
    const err = await failure(join(dir, 'nope.json'));
    expect(err.code).toBe('not_found');
    expect(err.message).toContain(join(dir, 'nope.json'));
  });
});

describe('encodeSnapshot', () => {
  it('gzips small and large documents alike (inline below the threshold, on the pool above)', async () => {
    const small = makeSnapshot({ hostname: 'web-1' });
    // Errors are free-form text: enough of them make a document past the inline limit.
    const large = makeSnapshot({
      hostname: 'web-2',
      errors: Array.from({ length: 4000 }, (_, i) => ({
        section: 'ports' as const,
        code: 'failed' as const,
        message: `${i} ${randomBytes(200).toString('hex')}`,
      })),
    });
    expect(JSON.stringify(small).length).toBeLessThan(SYNC_GZIP_MAX_BYTES);
    expect(JSON.stringify(large).length).toBeGreaterThan(SYNC_GZIP_MAX_BYTES);
    for (const snap of [small, large]) {
      const bytes = await encodeSnapshot(snap);
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      expect(await decodeSnapshot(bytes, 'test')).toEqual(snap);
    }
  });
});
