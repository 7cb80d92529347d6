// Electron glue for the two windows: the popover (frameless, next to the tray, hidden on blur) and the
// dashboard (remembers its size and place in desktop.json, clamped to the displays present). Both load
// the built renderer with the locked-down webPreferences; BrowserWindow and screen are passed in.
import { pathToFileURL } from 'node:url';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Display,
  Rectangle,
  WebContents,
} from 'electron';
import type { DesktopState } from '../core/settings/desktop.js';
import { popoverPosition, type Point } from './popover-position.js';
import { DASHBOARD_MIN, restoreBounds } from './window-state.js';
import { pageSource, secureWebPreferences, type RendererPage } from './window-options.js';

/** The BrowserWindow members used here. */
export type WindowLike = Pick<
  BrowserWindow,
  | 'loadFile'
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isVisible'
  | 'isDestroyed'
  | 'isMinimized'
  | 'isMaximized'
  | 'restore'
  | 'maximize'
  | 'setPosition'
  | 'getNormalBounds'
  | 'setVisibleOnAllWorkspaces'
> & {
  webContents: Pick<WebContents, 'id' | 'send' | 'isDestroyed'>;
  on(event: 'blur' | 'closed' | 'close' | 'ready-to-show' | 'show' | 'hide', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
};

/** The screen members used here. */
export type ScreenLike = {
  getDisplayMatching(rect: Rectangle): Pick<Display, 'bounds' | 'workArea'>;
  getDisplayNearestPoint(point: Point): Pick<Display, 'bounds' | 'workArea'>;
  getAllDisplays(): Pick<Display, 'workArea'>[];
  getPrimaryDisplay(): Pick<Display, 'workArea'>;
  getCursorScreenPoint(): Point;
};

/** What the window manager needs. */
export interface WindowDeps {
  platform: NodeJS.Platform;
  createWindow(options: BrowserWindowConstructorOptions): WindowLike;
  screen: ScreenLike;
  preloadPath: string;
  mainDir: string;
  devServerUrl: string | undefined;
  isPackaged: boolean;
  /** The desktop state store (dashboard bounds). */
  state: { get(): DesktopState; update(change: (s: DesktopState) => DesktopState): DesktopState };
  now?: () => number;
  /** Called when a window shows, hides or closes (the sampler runs fast only while one is visible). */
  onVisibilityChange?: () => void;
}

/** The popover's size. */
export const POPOVER_SIZE = { width: 360, height: 520 };

/**
 * A click on the tray right after the popover hid on blur is the same click that blurred it: the user
 * meant "close", so it must not reopen. This long after a blur-hide, a click opens it again.
 */
export const REOPEN_GUARD_MS = 300;

/** True for a URL of one of our pages (the built files, or the dev server in unpackaged dev runs). */
export function isOurPageUrl(
  url: string,
  mainDir: string,
  devServerUrl: string | undefined,
  isPackaged: boolean,
): boolean {
  const pages: RendererPage[] = ['dashboard', 'popover'];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const bare = `${u.protocol}//${u.host}${u.pathname}`;
  return pages.some((p) => bare === pageUrl(p, mainDir, devServerUrl, isPackaged));
}

/** The page's URL without hash (file:// for the built file). */
export function pageUrl(
  page: RendererPage,
  mainDir: string,
  devServerUrl: string | undefined,
  isPackaged: boolean,
): string {
  const src = pageSource(page, mainDir, devServerUrl, isPackaged);
  return src.kind === 'url' ? src.url : pathToFileURL(src.path).href;
}

/** The popover and dashboard windows. */
export class Windows {
  popover: WindowLike | null = null;
  dashboard: WindowLike | null = null;
  private popoverHiddenAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: WindowDeps) {}

  private now(): number {
    return (this.deps.now ?? (() => performance.now()))();
  }

  private prefs(): BrowserWindowConstructorOptions['webPreferences'] {
    return secureWebPreferences(this.deps.preloadPath, !this.deps.isPackaged);
  }

  private load(win: WindowLike, page: RendererPage, route?: string): void {
    const src = pageSource(page, this.deps.mainDir, this.deps.devServerUrl, this.deps.isPackaged);
    const hash = route?.replace(/^#/, '');
    const loading =
      src.kind === 'url'
        ? win.loadURL(hash ? `${src.url}#${hash}` : src.url)
        : win.loadFile(src.path, hash ? { hash } : {});
    loading.catch((e: unknown) => console.error(`AutoInfraSnap: cannot load the ${page} page`, e));
  }

  /** The webContents of every open window (IPC sender checks and event pushes). */
  contents(): WindowLike['webContents'][] {
    return [this.popover, this.dashboard]
      .filter((w): w is WindowLike => w !== null && !w.isDestroyed())
      .map((w) => w.webContents);
  }

  /** Whether any window is on screen (the sampler runs fast only then). */
  anyVisible(): boolean {
    return [this.popover, this.dashboard].some((w) => w !== null && !w.isDestroyed() && w.isVisible());
  }

  private createPopover(): WindowLike {
    const win = this.deps.createWindow({
      width: POPOVER_SIZE.width,
      height: POPOVER_SIZE.height,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      webPreferences: this.prefs(),
    });
    if (this.deps.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    win.on('blur', () => {
      if (!win.isVisible()) return;
      win.hide();
      this.popoverHiddenAt = this.now();
    });
    win.on('closed', () => {
      this.popover = null;
      this.deps.onVisibilityChange?.();
    });
    this.watchVisibility(win);
    this.load(win, 'popover');
    return win;
  }

  private watchVisibility(win: WindowLike): void {
    const changed = () => this.deps.onVisibilityChange?.();
    win.on('show', changed);
    win.on('hide', changed);
  }

  /** Shows the popover next to the tray (bounds may be null), or hides it when it is showing. */
  togglePopover(trayBounds: Rectangle | null): 'shown' | 'hidden' | 'ignored' {
    if (this.popover?.isVisible()) {
      this.popover.hide();
      return 'hidden';
    }
    if (this.now() - this.popoverHiddenAt < REOPEN_GUARD_MS) return 'ignored';
    this.showPopover(trayBounds);
    return 'shown';
  }

  /** Positions and shows the popover. */
  showPopover(trayBounds: Rectangle | null): void {
    this.popover ??= this.createPopover();
    const { screen } = this.deps;
    const cursor = screen.getCursorScreenPoint();
    const display = trayBounds
      ? screen.getDisplayMatching(trayBounds)
      : screen.getDisplayNearestPoint(cursor);
    const p = popoverPosition({
      trayBounds,
      cursor,
      display,
      size: POPOVER_SIZE,
      platform: this.deps.platform,
    });
    this.popover.setPosition(p.x, p.y, false);
    this.popover.show();
    this.popover.focus();
  }

  private createDashboard(route?: string): WindowLike {
    const { screen, state } = this.deps;
    const saved = state.get().dashboard;
    const bounds = restoreBounds(
      saved.bounds,
      screen.getAllDisplays().map((d) => d.workArea),
      screen.getPrimaryDisplay().workArea,
    );
    const win = this.deps.createWindow({
      title: 'AutoInfraSnap',
      ...bounds,
      minWidth: DASHBOARD_MIN.width,
      minHeight: DASHBOARD_MIN.height,
      show: false,
      autoHideMenuBar: true,
      webPreferences: this.prefs(),
    });
    if (saved.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.on('close', () => {
      const b = win.getNormalBounds();
      state.update((s) => ({ ...s, dashboard: { bounds: b, maximized: win.isMaximized() } }));
    });
    win.on('closed', () => {
      this.dashboard = null;
      this.deps.onVisibilityChange?.();
    });
    this.watchVisibility(win);
    this.load(win, 'dashboard', route);
    return win;
  }

  /** Opens or focuses the dashboard; with a route (`#/alerts/cpu`), on that view. */
  openDashboard(route?: string): void {
    this.popover?.hide();
    if (!this.dashboard) {
      this.dashboard = this.createDashboard(route);
      return;
    }
    // Same page, new fragment: a same-document navigation (hashchange), no reload.
    if (route) this.load(this.dashboard, 'dashboard', route);
    if (this.dashboard.isMinimized()) this.dashboard.restore();
    this.dashboard.show();
    this.dashboard.focus();
  }
}
