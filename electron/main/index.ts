// Electron main process: a thin, locked-down shell. One instance, one sandboxed dashboard window, no
// permissions, no navigation, no new windows, no remote content. Features (tray, popover, live data) come
// from later issues and keep their logic out of this file.
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import {
  isAllowedNetworkRequest,
  NETWORK_URL_PATTERNS,
  pageSource,
  secureWebPreferences,
} from './window-options.js';

const mainDir = import.meta.dirname;
const preloadPath = join(mainDir, '..', 'preload', 'index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];

let dashboard: BrowserWindow | null = null;

function createDashboard(): BrowserWindow {
  const win = new BrowserWindow({
    title: 'AutoInfraSnap',
    width: 1100,
    height: 720,
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, !app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    dashboard = null;
  });
  const source = pageSource('dashboard', mainDir, devServerUrl, app.isPackaged);
  const loading = source.kind === 'url' ? win.loadURL(source.url) : win.loadFile(source.path);
  loading.catch((error: unknown) => console.error('AutoInfraSnap: failed to load the dashboard', error));
  return win;
}

function hardenDefaultSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) =>
    callback({ cancel: !isAllowedNetworkRequest(details.url, devServerUrl) }),
  );
}

function showDashboard(): void {
  if (!dashboard) dashboard = createDashboard();
  if (dashboard.isMinimized()) dashboard.restore();
  dashboard.show();
  dashboard.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('dev.autoinfrasnap.app');

  // Every web contents, present or future: no navigation, no popups, no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('second-instance', showDashboard);
  app.on('activate', showDashboard);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenDefaultSession();
      dashboard = createDashboard();
    })
    .catch((error: unknown) => {
      console.error('AutoInfraSnap: startup failed', error);
      app.exit(1);
    });
}
