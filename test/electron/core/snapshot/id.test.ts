import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newSnapshotId } from '../../../../electron/core/snapshot/id.js';
import { Snapshot } from '../../../../shared/snapshot/schema.js';

/** Unix milliseconds in the first 48 bits of a UUIDv7. */
const msecsOf = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('newSnapshotId', () => {
  it('makes UUIDv7 ids the snapshot schema accepts, stamped with the time', () => {
    const before = Date.now();
    const id = newSnapshotId();
    expect(validate(id)).toBe(true);
    expect(version(id)).toBe(7);
    expect(Snapshot.shape.id.safeParse(id).success).toBe(true);
    expect(msecsOf(id)).toBeGreaterThanOrEqual(before);
    expect(msecsOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it('keeps creation order within one millisecond and across a clock step back', () => {
    const t = Date.now() + 60_000;
    const ids = [
      ...Array.from({ length: 5000 }, () => newSnapshotId(t)),
      ...Array.from({ length: 10 }, () => newSnapshotId(t - 5)), // clock stepped back
      newSnapshotId(t + 1),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('draws fresh random bits for every id', () => {
    const t = Date.now() + 120_000;
    const tails = new Set(Array.from({ length: 200 }, () => newSnapshotId(t).slice(-12)));
    expect(tails.size).toBe(200);
  });
});
