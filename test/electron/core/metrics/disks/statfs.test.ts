import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  boundedStatfs,
  filesystemEntry,
  mountStatfs,
} from '../../../../../electron/core/metrics/disks/statfs.js';

// statfs is replaced so a dead NFS server can be imitated: a call that never answers. The core's
// async statfs is node:fs's callback one (electron/core/os/fs-async.ts), so that is what is replaced.
type StatfsCallback = (err: Error | null, stats?: unknown) => void;
const fake = vi.hoisted(() => ({ calls: 0, impl: null as null | ((p: string) => Promise<unknown>) }));
vi.mock('node:fs', async (importOriginal) => {
  const orig = await importOriginal<Record<string, unknown>>();
  return {
    ...orig,
    statfs: (p: string, cb: StatfsCallback) => {
      fake.calls++;
      if (!fake.impl) return (orig.statfs as (p: string, cb: StatfsCallback) => void)(p, cb);
      fake.impl(p).then(
        (v) => cb(null, v),
        (e: Error) => cb(e),
      );
    },
  };
});

afterEach(() => {
  fake.calls = 0;
  fake.impl = null;
});

const id = { mountpoint: '/data', device: '/dev/sdb1', fstype: 'ext4', readOnly: false };

describe('filesystemEntry', () => {
  it('computes sizes as df does: used from bfree, available from bavail (reserved blocks excluded)', () => {
    const fs = filesystemEntry(id, {
      bsize: 4096,
      blocks: 1000,
      bfree: 300,
      bavail: 250,
      files: 200,
      ffree: 150,
    });
    expect(fs).toEqual({
      ...{ mountpoint: '/data', device: '/dev/sdb1', fstype: 'ext4', read_only: false },
      total_bytes: 4_096_000,
      used_bytes: 700 * 4096,
      available_bytes: 250 * 4096,
      used_percent: 73.68,
      inodes_total: 200,
      inodes_used: 50,
      inodes_used_percent: 25,
    });
  });

  it('has no inode numbers for filesystems without inodes, and nothing for empty ones', () => {
    const fs = filesystemEntry(id, { bsize: 512, blocks: 10, bfree: 10, bavail: 10, files: 0, ffree: 0 });
    expect(fs).toMatchObject({
      used_percent: 0,
      inodes_total: null,
      inodes_used: null,
      inodes_used_percent: null,
    });
    expect(
      filesystemEntry(id, { bsize: 4096, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 }),
    ).toBeNull();
  });
});

describe('boundedStatfs', () => {
  it('gives up on a statfs that does not answer, and does not issue another while it is pending', async () => {
    fake.impl = () => new Promise(() => {});
    const signal = new AbortController().signal;
    await expect(boundedStatfs('/mnt/dead-nfs', 20, signal)).resolves.toBeNull();
    await expect(boundedStatfs('/mnt/dead-nfs', 20, signal)).resolves.toBeNull();
    expect(fake.calls).toBe(1);
  });

  it('returns what statfs returns, and null when it fails', async () => {
    const s = await boundedStatfs('/', 5000, new AbortController().signal);
    expect(s?.blocks).toBeGreaterThan(0);
    await expect(
      boundedStatfs('/nonexistent/autoinfrasnap', 5000, new AbortController().signal),
    ).resolves.toBeNull();
  });
});

describe('mountStatfs', () => {
  const signal = new AbortController().signal;

  it('asks a local filesystem directly, without the thread pool (the async statfs is never called)', async () => {
    const s = await mountStatfs({ mountpoint: '/', fstype: 'ext4' }, 5000, signal);
    expect(s?.blocks).toBeGreaterThan(0);
    await expect(
      mountStatfs({ mountpoint: '/nonexistent/autoinfrasnap', fstype: 'tmpfs' }, 5000, signal),
    ).resolves.toBeNull();
    expect(fake.calls).toBe(0);
  });

  it('keeps network and FUSE filesystems behind the timeout, on the thread pool', async () => {
    fake.impl = () => new Promise(() => {});
    await expect(mountStatfs({ mountpoint: '/mnt/nfs', fstype: 'nfs4' }, 20, signal)).resolves.toBeNull();
    await expect(
      mountStatfs({ mountpoint: '/mnt/sshfs', fstype: 'fuse.sshfs' }, 20, signal),
    ).resolves.toBeNull();
    expect(fake.calls).toBe(2);
  });
});
