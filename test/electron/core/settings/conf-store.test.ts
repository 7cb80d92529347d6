// The settings port over the real `conf` store, against the real CLI loader: the app and the CLI must
// write and read the exact same `<data folder>/config.json` (format, mode, migrations).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../electron/core/config/load.js';
import { isUserError } from '../../../../electron/core/errors.js';
import { userDataDir, userSettingsFile } from '../../../../electron/core/paths.js';
import { openSettingsStore } from '../../../../electron/core/settings/index.js';
import { migrateSettings, SETTINGS_MIGRATIONS } from '../../../../electron/core/settings/migrations.js';
import { SettingsOps } from '../../../../electron/server/settings.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
let home: string;
let env: Record<string, string>;
let dataDir: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ais-settings-'));
  env = { XDG_CONFIG_HOME: join(home, 'cfg') };
  dataDir = userDataDir(env, 'linux', home);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const cli = () => loadConfig({ cwd: home, env, platform: 'linux', home });

describe('conf-based settings store', () => {
  it('writes <data folder>/config.json that the CLI loader reads', async () => {
    const store = await openSettingsStore(dataDir);
    expect(store.path).toBe(userSettingsFile(env, 'linux', home));
    store.update({ language: 'ko', snapshot: { topN: 7 } });
    store.update({ snapshot: { skip: ['users'] } });
    const cfg = await cli();
    expect(cfg.settings.language).toBe('ko');
    expect(cfg.settings.snapshot).toMatchObject({ topN: 7, skip: ['users'], windowSeconds: 1 });
    expect(cfg.layers.map((l) => l.source)).toEqual(['settings']);
    expect(cfg.userSettingsPath).toBe(store.path);
  });

  it('is read by the real CLI (`autoinfrasnap config show`)', async () => {
    const store = await openSettingsStore(dataDir);
    store.update({ snapshot: { topN: 7 }, store: { maxAgeDays: 3 } });
    const r = spawnSync(process.execPath, [join(root, 'bin', 'autoinfrasnap.js'), 'config', 'show'], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME, LANG: 'C' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/"topN": 7,/);
    expect(r.stdout).toMatch(/"maxAgeDays": 3\b/);
    // It says where each layer came from: the file the store wrote.
    expect(`${r.stdout}${r.stderr}`).toContain(store.path);
  });

  it('writes pretty JSON with a newline, mode 0600 — the bytes the server writes too', async () => {
    const store = await openSettingsStore(dataDir);
    store.update({ redaction: { patterns: ['x+'] } });
    const text = readFileSync(store.path, 'utf8');
    expect(text).toBe(`${JSON.stringify({ redaction: { patterns: ['x+'] } }, null, 2)}\n`);
    if (process.platform !== 'win32') expect(statSync(store.path).mode & 0o777).toBe(0o600);

    // The same change through the server's settings:set gives the same file.
    rmSync(store.path);
    const ops = new SettingsOps(await cli(), cli);
    await ops.set({ redaction: { patterns: ['x+'] } });
    expect(readFileSync(store.path, 'utf8')).toBe(text);
  });

  it('reads what the CLI or the server wrote, without a restart', async () => {
    const store = await openSettingsStore(dataDir);
    expect(store.get().store.maxCount).toBe(500);
    const ops = new SettingsOps(await cli(), cli);
    await ops.set({ store: { maxCount: 42 } });
    expect(store.get().store.maxCount).toBe(42);
    expect(store.read()).toEqual({ store: { maxCount: 42 } });
  });

  it('refuses a bad value with a one-line error naming it, and leaves the file alone', async () => {
    const store = await openSettingsStore(dataDir);
    store.update({ snapshot: { topN: 5 } });
    const before = readFileSync(store.path, 'utf8');
    let err: unknown;
    try {
      store.update({ snapshot: { topN: 0 } });
    } catch (e) {
      err = e;
    }
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/snapshot\.topN/);
    expect((err as Error).message).not.toContain('\n');
    expect(() => store.update({ snapshot: { topM: 1 } })).toThrow(/snapshot\.topM.*snapshot\.topN/);
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('says in one line which file is damaged and how to fix it', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'config.json'), '{ "language": ');
    const err = await openSettingsStore(dataDir).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(
      /^cannot read the settings file .*config\.json: .+; fix or delete it$/,
    );
  });

  it('tells listeners about each change', async () => {
    const store = await openSettingsStore(dataDir);
    const seen: number[] = [];
    const off = store.onChange((s) => seen.push(s.snapshot.topN));
    store.update({ snapshot: { topN: 3 } });
    off();
    store.update({ snapshot: { topN: 4 } });
    expect(seen).toEqual([3]);
  });

  it('migrates an old file on open, and the CLI reads the old file the same way', async () => {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, 'config.json');
    writeFileSync(
      path,
      JSON.stringify({
        snapshot: { windowMs: 2500, topN: 9 },
        __internal__: { migrations: { version: '0.0.1' } },
      }),
    );
    // The CLI, before the app ever ran: reads through the same migrations.
    const before = await cli();
    expect(before.settings.snapshot).toMatchObject({ windowSeconds: 2.5, topN: 9 });
    const store = await openSettingsStore(dataDir);
    expect(store.migrated).toEqual(['conf-internal', 'snapshot-window-ms']);
    expect(store.get().snapshot).toMatchObject({ windowSeconds: 2.5, topN: 9 });
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as { snapshot: Record<string, unknown> };
    expect(onDisk.snapshot).toEqual({ windowSeconds: 2.5, topN: 9 });
    expect((await cli()).settings.snapshot.windowSeconds).toBe(2.5);
  });
});

describe('migrateSettings', () => {
  it('is idempotent and does not mutate its input', () => {
    const raw = { snapshot: { windowMs: 500 } };
    const once = migrateSettings(raw);
    expect(raw).toEqual({ snapshot: { windowMs: 500 } });
    expect(once).toEqual({ values: { snapshot: { windowSeconds: 0.5 } }, applied: ['snapshot-window-ms'] });
    expect(migrateSettings(once.values)).toEqual({ values: once.values, applied: [] });
  });

  it('keeps an explicit windowSeconds over an old windowMs', () => {
    expect(migrateSettings({ snapshot: { windowMs: 500, windowSeconds: 3 } }).values).toEqual({
      snapshot: { windowSeconds: 3 },
    });
  });

  it('has unique ids', () => {
    const ids = SETTINGS_MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
