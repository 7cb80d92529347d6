import { posix, win32 } from 'node:path';

/** The product name Electron derives its user-data folder from; the CLI uses the same folder. */
export const PRODUCT_NAME = 'AutoInfraSnap';

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The folder Electron's `app.getPath('userData')` returns for this app, so the tray app, the CLI and
 * the server share settings and snapshots. Electron takes appData from XDG_CONFIG_HOME (else ~/.config)
 * on Linux and the BSDs, ~/Library/Application Support on macOS, and %APPDATA% on Windows.
 */
export function userDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32') {
    return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  // Chromium's GetXDGDirectory: a set, non-empty XDG_CONFIG_HOME is used as is, else ~/.config.
  return posix.join(nonEmpty(env.XDG_CONFIG_HOME) ?? posix.join(home, '.config'), PRODUCT_NAME);
}

/** The settings file the app's settings store writes (electron-store's default `config.json`). */
export function userSettingsFile(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  home: string,
): string {
  return (platform === 'win32' ? win32 : posix).join(userDataDir(env, platform, home), 'config.json');
}
