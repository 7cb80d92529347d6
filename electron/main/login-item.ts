// Start at login. macOS and Windows: Electron's app.setLoginItemSettings. Linux has no such API in
// Electron: the XDG autostart spec is a .desktop file in ~/.config/autostart, written here (Electron-free).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The part of Electron's app this module uses (tests pass a fake). */
export interface LoginItemApp {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
}

/** Reads and sets whether the app starts at login. */
export interface LoginItem {
  supported: boolean;
  get(): Promise<boolean>;
  set(on: boolean): Promise<void>;
}

/** The autostart entry's file name. */
export const AUTOSTART_FILE = 'autoinfrasnap.desktop';

/** The XDG autostart entry that starts `exec` hidden in the tray. */
export function autostartEntry(exec: string): string {
  // Desktop entry Exec quoting: double quotes around the path, with \ " ` $ escaped.
  const quoted = `"${exec.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=AutoInfraSnap',
    'Comment=System status in the tray',
    `Exec=${quoted} --hidden`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Start at login through ~/.config/autostart (XDG_CONFIG_HOME honoured). */
export function linuxLoginItem(env: NodeJS.ProcessEnv, home: string, exec: string): LoginItem {
  const dir = join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart');
  const file = join(dir, AUTOSTART_FILE);
  return {
    supported: true,
    async get() {
      try {
        return (await readFile(file, 'utf8')).includes('[Desktop Entry]');
      } catch {
        return false;
      }
    },
    async set(on) {
      if (!on) return rm(file, { force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(file, autostartEntry(exec), { mode: 0o644 });
    },
  };
}

/** Start at login through Electron (macOS, Windows); the app starts hidden in the tray. */
export function electronLoginItem(app: LoginItemApp): LoginItem {
  return {
    supported: true,
    get: async () => app.getLoginItemSettings().openAtLogin,
    set: async (on) => app.setLoginItemSettings({ openAtLogin: on, openAsHidden: true, args: ['--hidden'] }),
  };
}

/** The login item for this OS; unsupported (hidden in the menu) for portable Windows builds. */
export function loginItem(
  platform: NodeJS.Platform,
  app: LoginItemApp,
  env: NodeJS.ProcessEnv,
  home: string,
  exec: string,
): LoginItem {
  if (platform === 'linux') return linuxLoginItem(env, home, env.APPIMAGE || exec);
  if (platform === 'win32' && env.PORTABLE_EXECUTABLE_FILE) {
    return { supported: false, get: async () => false, set: async () => undefined };
  }
  return electronLoginItem(app);
}
