import { randomBytes } from 'node:crypto';
import { open, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { reader } from '../../../../../electron/core/metrics/disks/reader.js';
import { DisksSection } from '../../../../../shared/snapshot/metrics/disks.js';
import { testContext } from '../../../../helpers/context.js';

const TMPFS_MAGIC = 0x01021994;
const onLinux = process.platform === 'linux';

describe.runIf(onLinux)('disks reader on this machine', () => {
  it('matches the schema and reports / with the size statfs gives', async () => {
    const section = DisksSection.parse(await reader.collect(testContext({ windowMs: 0 }), undefined));
    const rootFs = section.filesystems.find((f) => f.mountpoint === '/');
    const s = await statfs('/');
    expect(rootFs?.total_bytes).toBe(s.blocks * s.bsize);
    expect(rootFs?.used_percent).toBeGreaterThanOrEqual(0);
    expect(section.filesystems.some((f) => ['proc', 'sysfs', 'cgroup', 'devpts'].includes(f.fstype))).toBe(
      false,
    );
  });

  it('sees bytes written with fsync during the window', async () => {
    const dir = tmpdir();
    // On tmpfs nothing reaches a block device, so there is nothing to see.
    const onTmpfs = (await statfs(dir)).type === TMPFS_MAGIC;
    const ctx = testContext({ windowMs: 300 });
    const start = await reader.begin?.(ctx);
    const file = join(dir, `ais-disks-${process.pid}-${Date.now()}.bin`);
    // Random bytes, so a compressing filesystem (btrfs, ZFS) still has to write all of them.
    const chunk = randomBytes(1 << 20);
    const written = 4 * chunk.length;
    const fh = await open(file, 'w');
    try {
      for (let i = 0; i < 4; i++) await fh.write(chunk);
      await fh.sync();
    } finally {
      await fh.close();
      await rm(file, { force: true });
    }
    await sleep(300);
    const section = DisksSection.parse(await reader.collect(ctx, start));
    expect(section.io.length).toBeGreaterThan(0);
    if (onTmpfs) return;
    // At least half of what was written, so background writes of a few KB cannot pass for it.
    const grew = section.io.filter((d) => {
      const before = start?.devices.find((b) => b.device === d.device);
      return before !== undefined && d.write_bytes - before.writeBytes >= written / 2;
    });
    expect(grew.map((d) => d.device)).not.toEqual([]);
    expect(grew.every((d) => (d.write_bytes_per_s ?? 0) > 0)).toBe(true);
  });
});
