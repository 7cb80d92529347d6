import { describe, expect, it } from 'vitest';
import {
  defaultStoreDir,
  isSnapshotRelPath,
  snapshotRelPath,
} from '../../../../electron/core/store/paths.js';

describe('defaultStoreDir: Electron userData for "AutoInfraSnap" + /snapshots', () => {
  it('Linux: $XDG_CONFIG_HOME when set and non-empty, else ~/.config', () => {
    expect(defaultStoreDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/AutoInfraSnap/snapshots');
    expect(defaultStoreDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.config/AutoInfraSnap/snapshots',
    );
    expect(defaultStoreDir({ XDG_CONFIG_HOME: '/cfg/' }, 'linux', '/home/ann')).toBe(
      '/cfg/AutoInfraSnap/snapshots',
    );
    // The BSDs take Electron's Linux path.
    expect(defaultStoreDir({}, 'freebsd', '/usr/home/ann')).toBe(
      '/usr/home/ann/.config/AutoInfraSnap/snapshots',
    );
  });

  it('macOS: ~/Library/Application Support, whatever XDG says', () => {
    expect(defaultStoreDir({ XDG_CONFIG_HOME: '/cfg' }, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/AutoInfraSnap/snapshots',
    );
  });

  it('Windows: %APPDATA%, else the roaming AppData folder under the profile, with backslashes', () => {
    expect(defaultStoreDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\AutoInfraSnap\\snapshots',
    );
    expect(defaultStoreDir({}, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\AutoInfraSnap\\snapshots',
    );
  });
});

describe('snapshot file paths', () => {
  const id = '019a1b2c-3d4e-7f00-8abc-0123456789ab';

  it('shard by the UTC year and month of taken_at', () => {
    expect(snapshotRelPath(id, '2026-01-31T23:59:59.999Z')).toBe(`2026/01/${id}.json.gz`);
  });

  it('accept only the canonical place for an id (an index cannot point elsewhere)', () => {
    expect(isSnapshotRelPath(`2026/01/${id}.json.gz`, id)).toBe(true);
    for (const bad of [
      `../../${id}.json.gz`,
      `2026/01/../${id}.json.gz`,
      `2026/1/${id}.json.gz`,
      `2026/01/${id}.json`,
      `2026/01/019a1b2c-3d4e-7f00-8abc-0123456789ac.json.gz`,
      `2026\\01\\${id}.json.gz`,
      `/etc/2026/01/${id}.json.gz`,
    ]) {
      expect(isSnapshotRelPath(bad, id), bad).toBe(false);
    }
  });
});
