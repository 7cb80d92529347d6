// The tray app's own state file (desktop.json) over the real `conf` store.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopState, DesktopStateStore } from '../../../../electron/core/settings/desktop.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ais-desktop-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('DesktopStateStore', () => {
  it('starts from the defaults and persists changes in desktop.json (0600)', async () => {
    const s = await DesktopStateStore.open(dir);
    expect(s.get()).toEqual(DesktopState.parse({}));
    expect(s.get()).toEqual({
      dashboard: { bounds: null, maximized: false },
      paused: false,
      notifications: { enabled: true },
    });
    s.update((st) => ({
      ...st,
      paused: true,
      dashboard: { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false },
    }));
    const again = await DesktopStateStore.open(dir);
    expect(again.get().paused).toBe(true);
    expect(again.get().dashboard.bounds).toEqual({ x: 1, y: 2, width: 800, height: 600 });
    const file = join(dir, 'desktop.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ paused: true });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('falls back to the defaults when the file is damaged or hand-edited wrong', async () => {
    writeFileSync(join(dir, 'desktop.json'), '{ not json');
    const damaged = await DesktopStateStore.open(dir);
    expect(damaged.get()).toEqual(DesktopState.parse({}));
    damaged.update((st) => ({ ...st, paused: true }));
    expect(JSON.parse(readFileSync(join(dir, 'desktop.json'), 'utf8'))).toMatchObject({ paused: true });
    writeFileSync(join(dir, 'desktop.json'), JSON.stringify({ paused: 'yes' }));
    expect((await DesktopStateStore.open(dir)).get().paused).toBe(false);
  });
});
