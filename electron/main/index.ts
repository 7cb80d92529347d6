// Electron main process: the composition root of a thin, locked-down shell. It runs the same core as
// `autoinfrasnap serve` (the Backend: sampler, alert engine, store, settings) and wires it to the tray,
// the popover and dashboard windows, native notifications and the typed IPC. Every piece of logic lives
// in an Electron-free module next to this file, unit-tested under Node; this file only connects them.
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  Tray,
} from 'electron';
import ElectronStore from 'electron-store';
import type { Options as ConfOptions } from 'conf';
import type { Status } from '../../shared/contract/api.js';
import { worstStatus } from '../../shared/fleet/status.js';
import { createTranslator, resolveLang, type Translator } from '../../shared/i18n/index.js';
import { loadConfig } from '../core/config/load.js';
import { tuneForAllDay } from '../core/os/all-day.js';
import { createFleetOps } from '../core/fleet/ops.js';
import { isUserError } from '../core/errors.js';
import { openSettingsStore, type ConfFactory, type RawSettings } from '../core/settings/index.js';
import { DesktopStateStore } from '../core/settings/desktop.js';
import { S3Ops } from '../core/s3/ops.js';
import { hostEnvOf } from '../core/s3/session.js';
import { defaultStoreDir } from '../core/store/paths.js';
import { SnapshotStore } from '../core/store/store.js';
import { HANDLERS } from '../server/api.js';
import { createBackend, type Backend } from '../server/backend.js';
import { createParts } from '../server/parts.js';
import { SafeStorageCredentialStore } from './credentials.js';
import { copySnapshot, saveSnapshot, type ExportDeps, type ExportFormat } from './export-file.js';
import { COMMAND_CHANNELS } from './ipc-channels.js';
import { broadcast, trustedSender, type CommandHandlers } from './ipc.js';
import { registerContractIpc } from './ipc-main.js';
import { loginItem } from './login-item.js';
import { AlertNotifier } from './notifier.js';
import type { MenuAction, MenuState } from './tray-menu.js';
import { trayView } from './tray-state.js';
import { TrayController } from './tray.js';
import { isAllowedNetworkRequest, NETWORK_URL_PATTERNS } from './window-options.js';
import {
  frameAncestorsFor,
  isAllowedFrameNavigation,
  registerReportProtocol,
  registerReportScheme,
} from './report-protocol.js';
import { isOurPageUrl, pageUrl, Windows } from './windows.js';

const APP_USER_MODEL_ID = 'dev.autoinfrasnap.app';
/** Sampling interval of the live sampler, as `serve` defaults to. */
const INTERVAL_MS = 2000;

const mainDir = import.meta.dirname;
const preloadPath = join(mainDir, '..', 'preload', 'index.cjs');
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const iconDir = app.isPackaged ? join(process.resourcesPath, 'icons') : join(mainDir, '..', '..', 'build');
const log = (line: string) => console.error(`AutoInfraSnap: ${line}`);

/** electron-store over conf's options: its `name` is conf's `configName`. */
const electronStore: ConfFactory = (o: ConfOptions<RawSettings>) => {
  const { configName, projectName: _p, projectVersion: _v, projectSuffix: _s, ...rest } = o;
  return new ElectronStore<RawSettings>({ ...rest, name: configName ?? 'config' });
};

function hardenDefaultSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) =>
    callback({ cancel: !isAllowedNetworkRequest(details.url, devServerUrl) }),
  );
}

async function start(): Promise<void> {
  hardenDefaultSession();
  const userData = app.getPath('userData');
  const settings = await openSettingsStore(userData, electronStore);
  const desktop = await DesktopStateStore.open(userData, electronStore);
  const env = process.env;
  const load = () => loadConfig({ cwd: process.cwd(), env, platform: process.platform, home: homedir() });
  const cfg = await load();
  const parts = await createParts({ cfg, dataDir: join(userData, 'desktop'), intervalMs: INTERVAL_MS, log });
  // S3 share and backups as the server runs them, but typed-in keys go to the OS keychain (safeStorage).
  const ref: { backend?: Backend } = {};
  const current = (): Backend => {
    if (!ref.backend) throw new Error('the backend is not ready yet');
    return ref.backend;
  };
  const s3 = new S3Ops({
    settings: () => current().settings.get(),
    take: async () => (await current().snapshots.take()).id,
    store: () => {
      const s = current().settings.get().store;
      return new SnapshotStore(s.dir ?? defaultStoreDir(env, process.platform, homedir()), {
        retention: { maxCount: s.maxCount, maxAgeDays: s.maxAgeDays },
      });
    },
    credentials: new SafeStorageCredentialStore(safeStorage, join(userData, 's3-credentials.bin')),
    credentialsKind: 'keychain',
    host: hostEnvOf(env),
    log,
  });
  // The fleet view, as `serve` runs it: remote hosts watched over their event streams.
  const fleet = (settings: Parameters<typeof createFleetOps>[0]) =>
    createFleetOps(settings, { dataDir: join(userData, 'desktop'), log });
  const backend: Backend = createBackend(cfg, { ...parts, s3, fleet }, load);
  ref.backend = backend;

  let t: Translator = createTranslator('en');
  const retranslate = () => {
    t = createTranslator(resolveLang(backend.settings.get().language, env, () => app.getLocale()));
  };
  retranslate();

  // The report view (ais-report://snapshot/<ref>): the dashboard's sandboxed iframe shows a stored
  // snapshot's HTML report, rendered by the same core as `serve`'s /report/<ref>.
  registerReportProtocol(protocol, {
    snapshots: backend.snapshots,
    frameAncestors: frameAncestorsFor(pageUrl('dashboard', mainDir, devServerUrl, app.isPackaged)),
    lang: () => t.lang,
    log,
  });

  const windows = new Windows({
    platform: process.platform,
    // The three flags that matter most are forced here, whatever the options say (defence in depth, and
    // visible to electronegativity's static checks); Auxclick off: no middle-click new windows.
    createWindow: (options) =>
      new BrowserWindow({
        ...options,
        webPreferences: {
          ...options.webPreferences,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          disableBlinkFeatures: 'Auxclick',
        },
      }),
    screen,
    preloadPath,
    mainDir,
    devServerUrl,
    isPackaged: app.isPackaged,
    state: desktop,
    onVisibilityChange: () => ref.backend?.setVisible(windows.anyVisible()),
  });
  const isOurPage = (url: string) => isOurPageUrl(url, mainDir, devServerUrl, app.isPackaged);

  // Export, save and copy: the core renders, Electron asks where and writes the clipboard.
  const exportDeps: ExportDeps = {
    exportSnapshot: (r) => backend.snapshots.export(r.ref, r.format, r.lang),
    showSaveDialog: (options) => {
      const parent = BrowserWindow.getFocusedWindow();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    writeClipboard: (text) => clipboard.writeText(text),
    defaultDir: () => app.getPath('documents'),
    t: () => t,
  };

  // The IPC runs the server's command table over the same Backend; the shell adds save, copy and a
  // settings write through electron-store (then the Backend re-reads the file it shares with the CLI).
  const handlers = Object.fromEntries(
    COMMAND_CHANNELS.map((c) => [
      c,
      (r: unknown) => (HANDLERS[c] as (b: Backend, r: unknown) => unknown)(backend, r),
    ]),
  ) as CommandHandlers;
  handlers['snapshot:save'] = (r) => saveSnapshot(exportDeps, r);
  handlers['snapshot:copy'] = (r) => copySnapshot(exportDeps, r);
  // Every share in the app (tray, popover, dashboard) puts the link on the clipboard and says so: the
  // pages cannot write the clipboard themselves (the permission handler denies it).
  const shareToClipboard = async (ref: string, expires?: string, lang?: 'en' | 'ko') => {
    const shared = await backend.s3.share(ref, expires, lang ?? t.lang);
    clipboard.writeText(shared.url);
    if (Notification.isSupported())
      new Notification({ title: 'AutoInfraSnap', body: t.t('tray.share.done', { url: shared.url }) }).show();
    return shared;
  };
  handlers['snapshot:share'] = (r) => shareToClipboard(r.ref, r.expires, r.lang);
  handlers['settings:set'] = async (r) => {
    settings.update(r.settings);
    const next = await backend.settings.set({});
    retranslate();
    refresh();
    return next;
  };
  registerContractIpc(
    handlers,
    { openDashboard: (route) => windows.openDashboard(route) },
    trustedSender(() => windows.contents(), isOurPage),
    () => t,
    log,
  );

  // End-to-end tests (unpackaged builds only, AUTOINFRASNAP_E2E=1) watch notifications and drive the menu.
  const e2e = !app.isPackaged && env['AUTOINFRASNAP_E2E'] === '1';
  const shown: { title: string; body: string }[] = [];
  const notifier = new AlertNotifier({
    platform: process.platform,
    isSupported: () => e2e || Notification.isSupported(),
    create: (options) => {
      if (e2e) shown.push({ title: options.title ?? '', body: options.body ?? '' });
      return new Notification(options);
    },
    t: () => t,
    host: () => hostname(),
    enabled: () => desktop.get().notifications.enabled,
    open: (route) => windows.openDashboard(route),
  });

  const login = loginItem(process.platform, app, env, homedir(), process.execPath);
  const menu: MenuState = {
    paused: desktop.get().paused,
    startAtLogin: await login.get().catch(() => false),
    loginSupported: login.supported,
    shareAvailable: false,
    hasSnapshot: (await backend.snapshots.list().catch(() => [])).length > 0,
    busy: false,
  };
  const shareConfigured = () => backend.settings.get().s3.bucket !== null;

  // The tray shows the worst of this machine and every fleet host (unreachable counts as warning).
  const status = (): Status => {
    const local = backend.status();
    const worst = worstStatus(local, backend.fleet?.list() ?? []);
    return {
      ...local,
      firing: worst.firing,
      status: worst.level,
    };
  };
  const tray = new TrayController(
    {
      platform: process.platform,
      iconDir,
      loadImage: (p) => nativeImage.createFromPath(p),
      createTray: (image) => new Tray(image),
      buildMenu: (template) => Menu.buildFromTemplate(template),
    },
    trayView(status(), backend.latest(), process.platform, t),
    (action) => void run(action),
    (bounds) => void windows.togglePopover(bounds),
  );
  function refresh(): void {
    menu.shareAvailable = shareConfigured();
    tray.update(trayView(status(), backend.latest(), process.platform, t));
    tray.setMenu(menu, t);
  }

  const toast = (body: string) => {
    if (Notification.isSupported()) new Notification({ title: 'AutoInfraSnap', body }).show();
  };
  const busy = async (work: () => Promise<void>) => {
    menu.busy = true;
    refresh();
    try {
      await work();
    } finally {
      menu.busy = false;
      refresh();
    }
  };
  const exportLatest = (format: ExportFormat) =>
    busy(async () => {
      const r = await saveSnapshot(exportDeps, { ref: 'latest', format, lang: t.lang });
      if (r.saved && r.path) toast(t.t('tray.export.saved', { path: r.path }));
    });

  async function run(action: MenuAction): Promise<void> {
    try {
      switch (action) {
        case 'open-popover':
          windows.showPopover(tray.bounds());
          break;
        case 'open-dashboard':
          windows.openDashboard();
          break;
        case 'take-snapshot':
          await busy(async () => {
            const e = await backend.snapshots.take();
            menu.hasSnapshot = true;
            toast(t.t('tray.snapshot.taken', { id: e.id.slice(0, 8) }));
          });
          break;
        case 'share':
          await busy(async () => void (await shareToClipboard('latest')));
          break;
        case 'export-html':
        case 'export-markdown':
        case 'export-json':
          await exportLatest(action.slice('export-'.length) as ExportFormat);
          break;
        case 'copy-markdown':
          await copySnapshot(exportDeps, { ref: 'latest', lang: t.lang });
          toast(t.t('tray.export.copied'));
          break;
        case 'toggle-pause':
          menu.paused = !menu.paused;
          desktop.update((s) => ({ ...s, paused: menu.paused }));
          await (menu.paused ? backend.stop() : backend.start());
          break;
        case 'toggle-login':
          await login.set(!menu.startAtLogin);
          menu.startAtLogin = await login.get();
          break;
        case 'quit':
          app.quit();
          return;
      }
    } catch (e) {
      toast(e instanceof Error ? e.message.split('\n')[0]! : String(e));
    }
    refresh();
  }

  backend.onSample((s) => {
    broadcast(windows.contents(), 'metrics:sample', s);
    tray.update(trayView(status(), s, process.platform, t));
  });
  backend.onStatus((s) => {
    broadcast(windows.contents(), 'status:changed', s);
    refresh();
  });
  backend.fleet?.onChanged((c) => {
    broadcast(windows.contents(), 'fleet:changed', c);
    refresh();
  });
  backend.fleet?.onEvent((e) => broadcast(windows.contents(), 'fleet:event', e));
  backend.onAlert((e) => {
    broadcast(windows.contents(), 'alerts:changed', e);
    notifier.handle(e);
  });

  if (e2e) {
    (globalThis as Record<string, unknown>)['__autoinfrasnapE2E'] = {
      run: (action: MenuAction) => run(action),
      menu: () => ({ ...menu }),
      notifications: () => [...shown],
    };
  }

  refresh();
  if (!menu.paused) await backend.start();
  if (!process.argv.includes('--hidden')) windows.openDashboard();

  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    notifier.dispose();
    void backend
      .stop()
      .catch((e: unknown) => log(`stopping the sampler failed: ${String(e)}`))
      .finally(() => {
        tray.destroy();
        app.quit();
      });
  });
  app.on('second-instance', () => windows.openDashboard());
  app.on('activate', () => windows.openDashboard());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  // The main process samples all day: no TurboFan, so its memory stays flat (core/os/all-day.ts).
  tuneForAllDay();
  // Before ready, and the app's only call: standard + secure, nothing more (report-protocol.ts).
  registerReportScheme(protocol);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  // Every web contents, present or future: no navigation, no popups, no <webview>.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    // Subframes too: only the report view (ais-report://snapshot/…) may load in one.
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedFrameNavigation(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  // A tray app lives on with every window closed; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined);

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // A user error (a damaged settings file) gets its one line in a dialog; anything else its stack.
      if (isUserError(error)) {
        dialog.showErrorBox('AutoInfraSnap', error.message);
        app.exit(2);
        return;
      }
      console.error('AutoInfraSnap: startup failed', error);
      app.exit(70);
    });
}
