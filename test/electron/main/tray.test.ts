// The tray glue (electron/main/tray.ts) driven by a FAKE of Electron's Tray, Menu and nativeImage (no
// Electron binary here): icons loaded once per file, redraws only on change, the menu set again after a
// change on Linux/Windows and popped up on right-click on macOS, and double clicks counted once.
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Rectangle } from 'electron';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.js';
import { DOUBLE_CLICK_MS, TrayController, type TrayLike } from '../../../electron/main/tray.js';
import type { MenuAction, MenuState } from '../../../electron/main/tray-menu.js';
import type { TrayView } from '../../../electron/main/tray-state.js';

/** FAKE Electron: a tray that records calls, images that remember their path, menus that keep their template. */
function fakeElectron(platform: NodeJS.Platform, bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 }) {
  const calls: string[] = [];
  const loaded: string[] = [];
  const listeners = new Map<string, () => void>();
  let menuSet: unknown = null;
  let poppedUp: unknown = null;
  let clock = 0;
  const image = (path: string) =>
    ({
      path,
      template: false,
      setTemplateImage(this: { template: boolean }, v: boolean) {
        this.template = v;
      },
    }) as unknown as NativeImage;
  const tray: TrayLike = {
    setImage: (img) => void calls.push(`image:${(img as unknown as { path: string }).path}`),
    setTitle: (t) => void calls.push(`title:${t}`),
    setToolTip: (t) => void calls.push(`tooltip:${t}`),
    setContextMenu: (m) => {
      menuSet = m;
      calls.push('setContextMenu');
    },
    popUpContextMenu: (m) => {
      poppedUp = m;
    },
    getBounds: () => bounds,
    destroy: () => void calls.push('destroy'),
    on: (event, l) => listeners.set(event, l),
  };
  return {
    calls,
    loaded,
    listeners,
    menuSet: () => menuSet,
    poppedUp: () => poppedUp,
    tick: (ms: number) => (clock += ms),
    deps: {
      platform,
      iconDir: '/icons',
      now: () => clock,
      loadImage: (p: string) => {
        loaded.push(p);
        return image(p);
      },
      createTray: (img: NativeImage) => {
        calls.push(`new:${(img as unknown as { path: string }).path}`);
        return tray;
      },
      buildMenu: (template: MenuItemConstructorOptions[]) => ({ template }) as unknown as Menu,
    },
  };
}

const view = (icon: string, title = '', tooltip = 'tip'): TrayView => ({ icon, title, tooltip });
const state: MenuState = {
  paused: false,
  startAtLogin: false,
  loginSupported: true,
  shareAvailable: false,
  hasSnapshot: true,
  busy: false,
};
const en = createTranslator('en');

describe('TrayController (fake Electron)', () => {
  it('loads each icon file once and redraws only on change', () => {
    const f = fakeElectron('linux');
    const c = new TrayController(
      f.deps,
      view('tray-ok.png'),
      () => undefined,
      () => undefined,
    );
    c.update(view('tray-ok.png'));
    c.update(view('tray-warning.png'));
    c.update(view('tray-ok.png', '', 'tip 2'));
    expect(f.loaded).toEqual([join('/icons', 'tray-ok.png'), join('/icons', 'tray-warning.png')]);
    expect(f.calls).toEqual([
      `new:${join('/icons', 'tray-ok.png')}`,
      `image:${join('/icons', 'tray-ok.png')}`,
      'tooltip:tip',
      `image:${join('/icons', 'tray-warning.png')}`,
      `image:${join('/icons', 'tray-ok.png')}`,
      'tooltip:tip 2',
    ]);
  });

  it('marks macOS template images and sets the title there', () => {
    const f = fakeElectron('darwin');
    const c = new TrayController(
      f.deps,
      view('tray-okTemplate.png', '5% 9%'),
      () => undefined,
      () => undefined,
    );
    expect(f.calls).toContain('title:5% 9%');
    c.update(view('tray-okTemplate.png', '6% 9%'));
    expect(f.calls).toContain('title:6% 9%');
  });

  it('Linux/Windows: sets the context menu again after each change, not when nothing changed', () => {
    const f = fakeElectron('linux');
    const c = new TrayController(
      f.deps,
      view('tray-ok.png'),
      () => undefined,
      () => undefined,
    );
    expect(c.setMenu(state, en)).toBe(true);
    expect(c.setMenu(state, en)).toBe(false);
    expect(c.setMenu({ ...state, paused: true }, en)).toBe(true);
    expect(f.calls.filter((x) => x === 'setContextMenu')).toHaveLength(2);
  });

  it('macOS: never sets a context menu (it would open on left click); right-click pops it up', () => {
    const f = fakeElectron('darwin');
    const c = new TrayController(
      f.deps,
      view('tray-okTemplate.png'),
      () => undefined,
      () => undefined,
    );
    c.setMenu(state, en);
    expect(f.menuSet()).toBeNull();
    f.listeners.get('right-click')?.();
    expect(f.poppedUp()).not.toBeNull();
  });

  it('runs the action of a clicked menu item', () => {
    const f = fakeElectron('win32');
    const ran: MenuAction[] = [];
    const c = new TrayController(
      f.deps,
      view('tray-ok.ico'),
      (a) => ran.push(a),
      () => undefined,
    );
    c.setMenu(state, en);
    const template = (f.menuSet() as { template: MenuItemConstructorOptions[] }).template;
    (template.find((i) => i.label === 'Take snapshot') as { click: () => void }).click();
    expect(ran).toEqual(['take-snapshot']);
  });

  it('passes the tray bounds on click, null when the OS gives none, and counts a double click once', () => {
    const clicks: (Rectangle | null)[] = [];
    const f = fakeElectron('win32', { x: 1880, y: 1045, width: 32, height: 32 });
    new TrayController(
      f.deps,
      view('tray-ok.ico'),
      () => undefined,
      (b) => clicks.push(b),
    );
    const click = f.listeners.get('click')!;
    click();
    f.tick(DOUBLE_CLICK_MS - 1);
    click(); // second half of a double click (Linux and Windows send both)
    f.tick(DOUBLE_CLICK_MS);
    click();
    expect(clicks).toEqual([
      { x: 1880, y: 1045, width: 32, height: 32 },
      { x: 1880, y: 1045, width: 32, height: 32 },
    ]);
    const g = fakeElectron('linux');
    new TrayController(
      g.deps,
      view('tray-ok.png'),
      () => undefined,
      (b) => clicks.push(b),
    );
    g.listeners.get('click')!();
    expect(clicks.at(-1)).toBeNull();
  });
});
