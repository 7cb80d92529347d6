import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseMountinfo,
  selectFilesystems,
  unescapeMountField,
} from '../../../../../electron/core/metrics/disks/parse.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../fixtures/disks/${name}`, import.meta.url), 'utf8');

describe('unescapeMountField', () => {
  it('decodes the octal escapes the kernel writes for space, tab, newline and backslash', () => {
    expect(unescapeMountField('/mnt/a\\040b\\011c\\012d\\134e')).toBe('/mnt/a b\tc\nd\\e');
    expect(unescapeMountField('/plain')).toBe('/plain');
  });
});

describe('parseMountinfo', () => {
  const mounts = parseMountinfo(fixture('mountinfo.host'));

  it('parses every well-formed line and skips garbage', () => {
    expect(mounts).toHaveLength(36);
    expect(mounts[0]).toEqual({
      id: 22,
      parentId: 1,
      devno: '259:2',
      root: '/',
      mountpoint: '/',
      fstype: 'ext4',
      source: '/dev/nvme0n1p2',
      readOnly: false,
    });
  });

  it('finds fstype and source after a variable number of optional fields', () => {
    const nas = mounts.find((m) => m.mountpoint === '/mnt/nas');
    expect(nas).toMatchObject({ fstype: 'nfs4', source: 'nas.local:/export/media', devno: '0:37' });
  });

  it('unescapes mountpoints', () => {
    expect(mounts.map((m) => m.mountpoint)).toContain('/mnt/My Backup Disk');
    expect(mounts.map((m) => m.mountpoint)).toContain('/mnt/tab\tand\\slash');
  });

  it('is read-only when either the mount or the superblock options say ro', () => {
    expect(mounts.find((m) => m.mountpoint === '/media/usb')?.readOnly).toBe(true);
    expect(mounts.find((m) => m.mountpoint === '/mnt/tab\tand\\slash')?.readOnly).toBe(true);
    expect(mounts.find((m) => m.mountpoint === '/boot/efi')?.readOnly).toBe(false);
  });
});

describe('selectFilesystems', () => {
  it('keeps real filesystems of a host and folds bind mounts, shadowed and pseudo mounts away', () => {
    const chosen = selectFilesystems(parseMountinfo(fixture('mountinfo.host')));
    expect(chosen.map((m) => m.mountpoint).sort()).toEqual(
      [
        '/',
        '/boot/efi',
        '/data',
        '/home',
        '/media/usb',
        '/mnt/My Backup Disk',
        '/mnt/nas',
        '/mnt/nas-backup',
        '/mnt/old',
        '/mnt/tab\tand\\slash',
      ].sort(),
    );
  });

  it('reports the mount on top when two are stacked on one directory', () => {
    const chosen = selectFilesystems(parseMountinfo(fixture('mountinfo.host')));
    expect(chosen.find((m) => m.mountpoint === '/mnt/old')?.source).toBe('/dev/sdd2');
  });

  it('prefers the mount of the device root over a bind mount with a shorter path', () => {
    const chosen = selectFilesystems(parseMountinfo(fixture('mountinfo.host')));
    expect(chosen.filter((m) => m.source === '/dev/sdb1').map((m) => m.mountpoint)).toEqual([
      '/mnt/My Backup Disk',
    ]);
    expect(chosen.filter((m) => m.devno === '259:2').map((m) => m.mountpoint)).toEqual(['/']);
  });

  it('keeps the overlay root of a container and one entry for the host disk behind its bind mounts', () => {
    const chosen = selectFilesystems(parseMountinfo(fixture('mountinfo.container')));
    expect(chosen.map((m) => [m.mountpoint, m.fstype])).toEqual([
      ['/', 'overlay'],
      ['/data', 'ext4'],
    ]);
  });

  it('drops an overlay that is not the root', () => {
    const chosen = selectFilesystems(parseMountinfo(fixture('mountinfo.host')));
    expect(chosen.some((m) => m.fstype === 'overlay')).toBe(false);
  });
});
