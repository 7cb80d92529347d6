// Electron glue for the tray icon: images per state (cached: one NativeImage per file, never recreated),
// the renderer that redraws only what changed, the native menu rebuilt only when its model changed, and
// the clicks of each OS. Typed against Electron's own types; Electron itself is passed in (index.ts), so
// tests drive it with a fake (test/electron/main/tray.test.ts).
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Rectangle, Tray } from 'electron';
import type { Translator } from '../../shared/i18n/index.js';
import { menuKey, menuTemplate, trayMenu, type MenuAction, type MenuState } from './tray-menu.js';
import { TrayRenderer, type TrayView } from './tray-state.js';

/** The Tray members used here. */
export type TrayLike = Pick<
  Tray,
  'setImage' | 'setTitle' | 'setToolTip' | 'setContextMenu' | 'popUpContextMenu' | 'getBounds' | 'destroy'
> & {
  on(event: 'click' | 'right-click' | 'double-click', listener: () => void): unknown;
};

/** What the controller needs of Electron. */
export interface TrayDeps {
  platform: NodeJS.Platform;
  /** Folder of the tray icons (build/ in development, resources/icons when packaged). */
  iconDir: string;
  /** nativeImage.createFromPath */
  loadImage(path: string): NativeImage;
  /** new Tray(image) */
  createTray(image: NativeImage): TrayLike;
  /** Menu.buildFromTemplate */
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  /** The monotonic clock, for telling a double click from two clicks. */
  now?: () => number;
}

/** A second click within this many ms is the second half of a double click (Linux sends both). */
export const DOUBLE_CLICK_MS = 400;

/** The tray icon, its tooltip/title and its menu. */
export class TrayController {
  private readonly tray: TrayLike;
  private readonly renderer: TrayRenderer;
  private readonly images = new Map<string, NativeImage>();
  private menu: Menu | null = null;
  private menuModelKey = '';
  private lastClick = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: TrayDeps,
    initial: TrayView,
    private readonly onAction: (action: MenuAction) => void,
    /** A left click (not on Linux AppIndicator, which only shows the menu): toggles the popover. */
    private readonly onClick: (bounds: Rectangle | null) => void,
  ) {
    this.tray = deps.createTray(this.image(initial.icon));
    this.renderer = new TrayRenderer(
      {
        setImage: (file) => this.tray.setImage(this.image(file)),
        setTitle: (title) => this.tray.setTitle(title),
        setToolTip: (tip) => this.tray.setToolTip(tip),
      },
      deps.platform,
    );
    this.renderer.apply(initial);
    this.tray.on('click', () => this.click());
    // macOS: a context menu set on the tray would open on every click, so it pops up on right-click only.
    if (deps.platform === 'darwin') {
      this.tray.on('right-click', () => {
        if (this.menu) this.tray.popUpContextMenu(this.menu);
      });
    }
  }

  private image(file: string): NativeImage {
    let img = this.images.get(file);
    if (!img) {
      img = this.deps.loadImage(join(this.deps.iconDir, file));
      // Electron marks `…Template.png` as a template by name; say so explicitly too.
      if (this.deps.platform === 'darwin' && file.includes('Template')) img.setTemplateImage(true);
      this.images.set(file, img);
    }
    return img;
  }

  private click(): void {
    const now = (this.deps.now ?? (() => performance.now()))();
    const second = now - this.lastClick < DOUBLE_CLICK_MS;
    this.lastClick = now;
    if (second) return;
    const b = this.tray.getBounds();
    this.onClick(b.width > 0 && b.height > 0 ? b : null);
  }

  /** Redraws what changed of the icon, title and tooltip; returns what was redrawn. */
  update(view: TrayView): (keyof TrayView)[] {
    return this.renderer.apply(view);
  }

  /**
   * Sets the menu for a state. Rebuilt only when the model changed; on Linux and Windows it is set on
   * the tray again after every rebuild (AppIndicator does not see changes to a menu already set).
   */
  setMenu(state: MenuState, t: Translator): boolean {
    const model = trayMenu(state, t);
    const key = menuKey(model);
    if (key === this.menuModelKey) return false;
    this.menuModelKey = key;
    this.menu = this.deps.buildMenu(menuTemplate(model, this.onAction));
    if (this.deps.platform !== 'darwin') this.tray.setContextMenu(this.menu);
    return true;
  }

  /** The tray icon's bounds, when the OS tells (not on Linux). */
  bounds(): Rectangle | null {
    const b = this.tray.getBounds();
    return b.width > 0 && b.height > 0 ? b : null;
  }

  /** Removes the icon. */
  destroy(): void {
    this.tray.destroy();
  }
}
