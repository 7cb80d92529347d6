// The tray menu model under plain Node: items, enabled/checked states, labels in both languages, and
// the Electron template built from it (clicks run the item's action).
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.js';
import {
  menuKey,
  menuTemplate,
  trayMenu,
  type MenuAction,
  type MenuItemModel,
  type MenuState,
} from '../../../electron/main/tray-menu.js';

const en = createTranslator('en');
const base: MenuState = {
  paused: false,
  startAtLogin: false,
  loginSupported: true,
  shareAvailable: true,
  hasSnapshot: true,
  busy: false,
};

/** Every action item, flattened, as `action:enabled[:checked]`. */
function flat(items: MenuItemModel[]): string[] {
  return items.flatMap((i) =>
    i.kind === 'submenu'
      ? flat(i.items)
      : i.kind === 'action'
        ? [`${i.action}:${i.enabled}`]
        : i.kind === 'check'
          ? [`${i.action}:${i.enabled}:${i.checked}`]
          : [],
  );
}

describe('trayMenu', () => {
  it('has every action of the issue, in order', () => {
    expect(flat(trayMenu(base, en))).toEqual([
      'open-popover:true',
      'open-dashboard:true',
      'take-snapshot:true',
      'share:true',
      'export-html:true',
      'export-markdown:true',
      'export-json:true',
      'copy-markdown:true',
      'toggle-pause:true:false',
      'toggle-login:true:false',
      'quit:true',
    ]);
  });

  it('disables share with a hint when S3 is not set up', () => {
    const share = trayMenu({ ...base, shareAvailable: false }, en).find(
      (i) => i.kind === 'action' && i.action === 'share',
    );
    expect(share).toEqual({
      kind: 'action',
      action: 'share',
      label: 'Share latest snapshot (set up S3 first)',
      enabled: false,
    });
  });

  it('disables snapshot actions while one runs, and export/share without a snapshot', () => {
    expect(flat(trayMenu({ ...base, busy: true }, en))).toContain('take-snapshot:false');
    const none = flat(trayMenu({ ...base, hasSnapshot: false }, en));
    expect(none).toContain('take-snapshot:true');
    expect(none).toContain('share:false');
    expect(none).toContain('export-html:false');
    expect(none).toContain('copy-markdown:false');
  });

  it('checks pause and start-at-login; hides login where unsupported', () => {
    const m = flat(trayMenu({ ...base, paused: true, startAtLogin: true }, en));
    expect(m).toContain('toggle-pause:true:true');
    expect(m).toContain('toggle-login:true:true');
    expect(
      flat(trayMenu({ ...base, loginSupported: false }, en)).some((a) => a.startsWith('toggle-login')),
    ).toBe(false);
  });

  it('speaks Korean', () => {
    const labels = JSON.stringify(trayMenu(base, createTranslator('ko')));
    expect(labels).toContain('대시보드 열기');
    expect(labels).toContain('AutoInfraSnap 종료');
  });

  it('changes its key only when something visible changes', () => {
    expect(menuKey(trayMenu(base, en))).toBe(menuKey(trayMenu({ ...base }, en)));
    expect(menuKey(trayMenu(base, en))).not.toBe(menuKey(trayMenu({ ...base, paused: true }, en)));
  });
});

describe('menuTemplate', () => {
  it('builds Electron items whose clicks run the actions', () => {
    const ran: MenuAction[] = [];
    const tpl = menuTemplate(trayMenu(base, en), (a) => ran.push(a));
    expect(tpl[2]).toEqual({ type: 'separator' });
    const pause = tpl.find((i) => i.type === 'checkbox' && i.label === 'Pause monitoring');
    expect(pause).toMatchObject({ checked: false, enabled: true });
    const exportMenu = tpl.find((i) => i.label === 'Export latest snapshot');
    const sub = exportMenu?.submenu as { label?: string; click?: () => void }[];
    sub.find((i) => i.label === 'Copy as Markdown')?.click?.();
    // Electron passes (menuItem, window, event); the actions ignore them.
    const click = (item: unknown) => (item as { click: () => void }).click();
    click(tpl.find((i) => i.label === 'Quit AutoInfraSnap'));
    click(pause);
    expect(ran).toEqual(['copy-markdown', 'quit', 'toggle-pause']);
  });
});
