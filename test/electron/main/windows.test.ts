// The window glue (electron/main/windows.ts) with a FAKE of Electron's BrowserWindow and screen (no
// Electron binary here) and the real desktop state store (conf, in a temp folder): locked-down
// webPreferences, popover placement and hide-on-blur, dashboard bounds saved and restored, deep links.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopStateStore } from '../../../electron/core/settings/desktop.js';
import {
  isOurPageUrl,
  POPOVER_SIZE,
  REOPEN_GUARD_MS,
  Windows,
  type ScreenLike,
  type WindowLike,
} from '../../../electron/main/windows.js';

/** FAKE BrowserWindow: records options, loads, visibility, position; lets the test fire events. */
class FakeWindow {
  static nextId = 1;
  readonly handlers = new Map<string, (() => void)[]>();
  readonly loads: string[] = [];
  visible = false;
  destroyed = false;
  maximized = false;
  position: [number, number] | null = null;
  bounds: Rectangle;
  readonly webContents = {
    id: FakeWindow.nextId++,
    send: () => undefined,
    isDestroyed: () => this.destroyed,
  };
  constructor(readonly options: BrowserWindowConstructorOptions) {
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 0,
      height: options.height ?? 0,
    };
  }
  fire(event: string) {
    for (const h of this.handlers.get(event) ?? []) h();
  }
  asWindow(): WindowLike {
    const on = (event: string, l: () => void) => {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), l]);
      return this;
    };
    return {
      webContents: this.webContents,
      loadFile: async (path: string, o?: { hash?: string }) =>
        void this.loads.push(`file:${path}#${o?.hash ?? ''}`),
      loadURL: async (url: string) => void this.loads.push(`url:${url}`),
      show: () => {
        this.visible = true;
        this.fire('show');
      },
      hide: () => {
        this.visible = false;
        this.fire('hide');
      },
      focus: () => undefined,
      isVisible: () => this.visible,
      isDestroyed: () => this.destroyed,
      isMinimized: () => false,
      isMaximized: () => this.maximized,
      restore: () => undefined,
      maximize: () => void (this.maximized = true),
      setPosition: (x: number, y: number) => void (this.position = [x, y]),
      getNormalBounds: () => this.bounds,
      setVisibleOnAllWorkspaces: () => undefined,
      on,
      once: on,
    } as unknown as WindowLike;
  }
}

/** FAKE screen: one 1920×1080 display with a bottom taskbar, plus an optional second one. */
function fakeScreen(displays: Rectangle[] = [{ x: 0, y: 0, width: 1920, height: 1040 }]): ScreenLike {
  const d = (workArea: Rectangle) => ({ bounds: { ...workArea, height: 1080 }, workArea });
  return {
    getDisplayMatching: () => d(displays[0]!),
    getDisplayNearestPoint: () => d(displays[0]!),
    getAllDisplays: () => displays.map((w) => ({ workArea: w })),
    getPrimaryDisplay: () => ({ workArea: displays[0]! }),
    getCursorScreenPoint: () => ({ x: 1900, y: 1070 }),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ais-windows-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function setup(platform: NodeJS.Platform = 'win32', screen = fakeScreen()) {
  const made: FakeWindow[] = [];
  const visibility: boolean[] = [];
  let clock = 0;
  const state = await DesktopStateStore.open(dir);
  const windows = new Windows({
    platform,
    createWindow: (o) => {
      const w = new FakeWindow(o);
      made.push(w);
      return w.asWindow();
    },
    screen,
    preloadPath: '/app/out/preload/index.cjs',
    mainDir: '/app/out/main',
    devServerUrl: undefined,
    isPackaged: true,
    state,
    now: () => clock,
    onVisibilityChange: () => visibility.push(windows.anyVisible()),
  });
  return { windows, made, state, visibility, tick: (ms: number) => (clock += ms) };
}

describe('Windows (fake Electron)', () => {
  it('creates both windows sandboxed, isolated, without Node, with the bundled preload', async () => {
    const { windows, made } = await setup();
    windows.showPopover(null);
    windows.openDashboard();
    expect(made).toHaveLength(2);
    for (const w of made) {
      expect(w.options.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: false,
        preload: '/app/out/preload/index.cjs',
      });
    }
    expect(made[0]!.options).toMatchObject({
      frame: false,
      skipTaskbar: true,
      resizable: false,
      ...POPOVER_SIZE,
    });
    expect(made[0]!.loads).toEqual([`file:${join('/app/out/renderer/popover/index.html')}#`]);
  });

  it('places the popover above the tray and hides it on blur; the blurring click does not reopen it', async () => {
    const { windows, made, tick } = await setup();
    expect(windows.togglePopover({ x: 1880, y: 1045, width: 32, height: 32 })).toBe('shown');
    const pop = made[0]!;
    expect(pop.position).toEqual([1920 - 360 - 8, 1040 - 520 - 8]);
    expect(windows.anyVisible()).toBe(true);
    pop.fire('blur');
    expect(pop.visible).toBe(false);
    tick(REOPEN_GUARD_MS - 1);
    expect(windows.togglePopover(null)).toBe('ignored');
    tick(1);
    expect(windows.togglePopover(null)).toBe('shown');
    expect(windows.togglePopover(null)).toBe('hidden');
    expect(made).toHaveLength(1);
  });

  it('reports visibility changes, so the sampler slows down when nothing is on screen', async () => {
    const { windows, made, visibility } = await setup();
    windows.showPopover(null);
    windows.openDashboard();
    made[1]!.fire('ready-to-show');
    made[0]!.fire('blur');
    made[1]!.destroyed = true;
    made[1]!.fire('closed');
    // Opening the dashboard hides the popover first; the dashboard shows once it is ready.
    expect(visibility).toEqual([true, false, true, false]);
  });

  it('remembers the dashboard bounds across runs, clamped to the displays present', async () => {
    const two = fakeScreen([
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 1280, height: 1000 },
    ]);
    const first = await setup('linux', two);
    first.windows.openDashboard();
    const dash = first.made[0]!;
    dash.bounds = { x: 2000, y: 50, width: 1000, height: 700 };
    dash.maximized = true;
    dash.fire('close');
    dash.fire('closed');
    expect(first.state.get().dashboard).toEqual({ bounds: dash.bounds, maximized: true });

    const again = await setup('linux', two);
    again.windows.openDashboard();
    expect(again.made[0]!.options).toMatchObject({ x: 2000, y: 50, width: 1000, height: 700 });
    expect(again.made[0]!.maximized).toBe(true);

    const oneScreen = await setup('linux');
    oneScreen.windows.openDashboard();
    expect(oneScreen.made[0]!.options).toMatchObject({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('opens the dashboard on a deep link, and moves an open one there without a new window', async () => {
    const { windows, made } = await setup();
    windows.openDashboard('#/alerts/cpu?subject=cpu');
    const page = join('/app/out/renderer/dashboard/index.html');
    expect(made[0]!.loads).toEqual([`file:${page}#/alerts/cpu?subject=cpu`]);
    made[0]!.fire('ready-to-show');
    windows.openDashboard('#/alerts/mem');
    expect(made).toHaveLength(1);
    expect(made[0]!.loads.at(-1)).toBe(`file:${page}#/alerts/mem`);
    expect(windows.contents().map((c) => c.id)).toEqual([made[0]!.webContents.id]);
  });
});

describe('isOurPageUrl', () => {
  const mainDir = join('/app', 'out', 'main');
  it('accepts our built pages with any hash, nothing else', () => {
    const dash = pathToFileURL(join('/app', 'out', 'renderer', 'dashboard', 'index.html')).href;
    expect(isOurPageUrl(dash, mainDir, undefined, true)).toBe(true);
    expect(isOurPageUrl(`${dash}#/alerts/x`, mainDir, undefined, true)).toBe(true);
    expect(isOurPageUrl(pathToFileURL('/etc/passwd').href, mainDir, undefined, true)).toBe(false);
    expect(isOurPageUrl('https://evil.example/dashboard/index.html', mainDir, undefined, true)).toBe(false);
    expect(isOurPageUrl('garbage', mainDir, undefined, true)).toBe(false);
  });
  it('accepts the dev server pages only in unpackaged dev runs', () => {
    const dev = 'http://localhost:5173';
    expect(isOurPageUrl('http://localhost:5173/popover/index.html', mainDir, dev, false)).toBe(true);
    expect(isOurPageUrl('http://localhost:5173/popover/index.html', mainDir, dev, true)).toBe(false);
    expect(isOurPageUrl('http://localhost:5174/popover/index.html', mainDir, dev, false)).toBe(false);
  });
});
