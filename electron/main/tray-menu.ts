// Pure, Electron-free tray menu: the items, their labels in the user's language, which are enabled or
// checked, and the action each runs. The Electron glue turns the model into a Menu and, on Linux,
// sets it again after every change (AppIndicator menus do not update in place).
import type { MenuItemConstructorOptions } from 'electron';
import type { Translator } from '../../shared/i18n/index.js';

/** What the tray menu can do. */
export type MenuAction =
  | 'open-popover'
  | 'open-dashboard'
  | 'take-snapshot'
  | 'share'
  | 'export-html'
  | 'export-markdown'
  | 'export-json'
  | 'copy-markdown'
  | 'toggle-pause'
  | 'toggle-login'
  | 'quit';

/** What the menu depends on. */
export interface MenuState {
  paused: boolean;
  startAtLogin: boolean;
  /** False where starting at login cannot be set (e.g. a portable build): the item is hidden. */
  loginSupported: boolean;
  /** S3 sharing is configured (the share item is disabled otherwise, with a hint in its label). */
  shareAvailable: boolean;
  /** A snapshot exists to share or export. */
  hasSnapshot: boolean;
  /** A snapshot, share or export is running: those items are disabled until it ends. */
  busy: boolean;
}

/** One item of the model; `submenu` items have children, separators have neither label nor action. */
export type MenuItemModel =
  | { kind: 'separator' }
  | { kind: 'action'; action: MenuAction; label: string; enabled: boolean }
  | { kind: 'check'; action: MenuAction; label: string; checked: boolean; enabled: boolean }
  | { kind: 'submenu'; label: string; enabled: boolean; items: MenuItemModel[] };

/** The tray menu for a state. */
export function trayMenu(s: MenuState, t: Translator): MenuItemModel[] {
  const act = (action: MenuAction, key: Parameters<Translator['t']>[0], enabled = true): MenuItemModel => ({
    kind: 'action',
    action,
    label: t.t(key),
    enabled,
  });
  const canUseSnapshot = s.hasSnapshot && !s.busy;
  const items: MenuItemModel[] = [
    act('open-popover', 'tray.menu.open_popover'),
    act('open-dashboard', 'tray.menu.open_dashboard'),
    { kind: 'separator' },
    act('take-snapshot', 'tray.menu.take_snapshot', !s.busy),
    s.shareAvailable
      ? act('share', 'tray.menu.share', canUseSnapshot)
      : act('share', 'tray.menu.share_unconfigured', false),
    {
      kind: 'submenu',
      label: t.t('tray.menu.export'),
      enabled: canUseSnapshot,
      items: [
        act('export-html', 'tray.menu.export_html', canUseSnapshot),
        act('export-markdown', 'tray.menu.export_markdown', canUseSnapshot),
        act('export-json', 'tray.menu.export_json', canUseSnapshot),
        { kind: 'separator' },
        act('copy-markdown', 'tray.menu.copy_markdown', canUseSnapshot),
      ],
    },
    { kind: 'separator' },
    {
      kind: 'check',
      action: 'toggle-pause',
      label: t.t('tray.menu.pause'),
      checked: s.paused,
      enabled: true,
    },
  ];
  if (s.loginSupported) {
    items.push({
      kind: 'check',
      action: 'toggle-login',
      label: t.t('tray.menu.start_at_login'),
      checked: s.startAtLogin,
      enabled: true,
    });
  }
  items.push({ kind: 'separator' }, act('quit', 'tray.menu.quit'));
  return items;
}

/** Electron's menu template for a model; `run` gets the action of the clicked item. */
export function menuTemplate(
  items: MenuItemModel[],
  run: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => run(item.action) };
      case 'check':
        return {
          type: 'checkbox',
          label: item.label,
          checked: item.checked,
          enabled: item.enabled,
          click: () => run(item.action),
        };
      case 'submenu':
        return { label: item.label, enabled: item.enabled, submenu: menuTemplate(item.items, run) };
    }
  });
}

/** A stable key of a model: the glue rebuilds the native menu only when this changes. */
export function menuKey(items: MenuItemModel[]): string {
  return JSON.stringify(items);
}
