// Start at login: the Linux XDG autostart file (real files in a temp folder) and Electron's login item
// settings on macOS/Windows (a FAKE of app.getLoginItemSettings/setLoginItemSettings).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUTOSTART_FILE,
  autostartEntry,
  loginItem,
  type LoginItemApp,
} from '../../../electron/main/login-item.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ais-login-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** FAKE of Electron's app login item API. */
function fakeApp(): LoginItemApp & { calls: unknown[] } {
  let on = false;
  const calls: unknown[] = [];
  return {
    calls,
    getLoginItemSettings: () => ({ openAtLogin: on }),
    setLoginItemSettings: (s) => {
      calls.push(s);
      on = s.openAtLogin;
    },
  };
}

describe('loginItem', () => {
  it('Linux: writes and removes ~/.config/autostart/autoinfrasnap.desktop', async () => {
    const li = loginItem('linux', fakeApp(), {}, home, '/opt/AutoInfraSnap/autoinfrasnap');
    const file = join(home, '.config', 'autostart', AUTOSTART_FILE);
    expect(await li.get()).toBe(false);
    await li.set(true);
    expect(await li.get()).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/AutoInfraSnap/autoinfrasnap" --hidden');
    await li.set(false);
    expect(existsSync(file)).toBe(false);
    expect(await li.get()).toBe(false);
  });

  it('Linux: honours XDG_CONFIG_HOME and starts the AppImage, not its mount', async () => {
    const env = { XDG_CONFIG_HOME: join(home, 'x'), APPIMAGE: '/home/u/AutoInfraSnap.AppImage' };
    await loginItem('linux', fakeApp(), env, home, '/tmp/.mount_x/autoinfrasnap').set(true);
    expect(readFileSync(join(home, 'x', 'autostart', AUTOSTART_FILE), 'utf8')).toContain(
      'Exec="/home/u/AutoInfraSnap.AppImage" --hidden',
    );
  });

  it('quotes Exec per the desktop entry spec', () => {
    expect(autostartEntry('/a b/"c"$d')).toContain('Exec="/a b/\\"c\\"\\$d" --hidden');
  });

  it('macOS and Windows: Electron login item settings, started hidden', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const app = fakeApp();
      const li = loginItem(platform, app, {}, home, '/x');
      await li.set(true);
      expect(await li.get()).toBe(true);
      expect(app.calls).toEqual([{ openAtLogin: true, openAsHidden: true, args: ['--hidden'] }]);
    }
  });

  it('portable Windows builds cannot start at login (their path moves)', () => {
    expect(
      loginItem('win32', fakeApp(), { PORTABLE_EXECUTABLE_FILE: 'C:\\x.exe' }, home, 'x').supported,
    ).toBe(false);
  });
});
