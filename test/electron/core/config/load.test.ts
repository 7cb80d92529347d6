import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envName, settingsFromEnv } from '../../../../electron/core/config/env.js';
import { loadConfig } from '../../../../electron/core/config/load.js';
import { UserError } from '../../../../electron/core/errors.js';
import { defaultSettings } from '../../../../shared/settings/schema.js';

let home: string;
let cwd: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ais-home-'));
  cwd = mkdtempSync(join(tmpdir(), 'ais-cwd-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

const load = (env: NodeJS.ProcessEnv = {}, extra: Partial<Parameters<typeof loadConfig>[0]> = {}) =>
  loadConfig({ cwd, env, platform: 'linux', home, ...extra });

function userSettings(values: unknown): string {
  const dir = join(home, '.config', 'AutoInfraSnap');
  mkdirSync(dir, { recursive: true });
  const p = join(dir, 'config.json');
  writeFileSync(p, JSON.stringify(values));
  return p;
}

async function errorOf(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('loadConfig', () => {
  it('gives the defaults when nothing is configured', async () => {
    const c = await load();
    expect(c.settings).toEqual(defaultSettings());
    expect(c.layers).toEqual([]);
    expect(c.userSettingsPath).toBe(join(home, '.config', 'AutoInfraSnap', 'config.json'));
  });

  it('layers settings file ← autoinfrasnap.json ← env ← flags', async () => {
    userSettings({ snapshot: { windowSeconds: 3, topN: 7 }, store: { maxCount: 10 } });
    writeFileSync(join(cwd, 'autoinfrasnap.json'), JSON.stringify({ snapshot: { windowSeconds: 4 } }));
    const c = await load(
      { AUTOINFRASNAP_SNAPSHOT_TOP_N: '9', AUTOINFRASNAP_REDACTION_PATTERNS: 'foo\\d+, bar' },
      { flags: { snapshot: { windowSeconds: 0 } } },
    );
    expect(c.settings.snapshot).toMatchObject({ windowSeconds: 0, topN: 9 });
    expect(c.settings.store.maxCount).toBe(10);
    expect(c.settings.redaction.patterns).toEqual(['foo\\d+', 'bar']);
    expect(c.layers.map((l) => l.source)).toEqual(['settings', 'file', 'env', 'flags']);
  });

  it('names an unknown key, its file, and the closest known key', async () => {
    const p = userSettings({ snapshot: { windowSecond: 2 } });
    const e = await errorOf(load());
    expect(e.kind).toBe('config');
    expect(e.message).toBe(
      `unknown setting "snapshot.windowSecond" in ${p}; did you mean "snapshot.windowSeconds"?`,
    );
  });

  it('names a bad value and where it came from', async () => {
    writeFileSync(join(cwd, 'autoinfrasnap.json'), JSON.stringify({ snapshot: { topN: 0 } }));
    const e = await errorOf(load());
    expect(e.message).toMatch(/^bad value for setting "snapshot.topN" in .*autoinfrasnap\.json: /);
    expect(e.message).not.toContain('\n');
  });

  it('reports a file that is not JSON in one line', async () => {
    writeFileSync(join(cwd, 'autoinfrasnap.json'), '{ "snapshot": ');
    const e = await errorOf(load());
    expect(e.message).toMatch(/autoinfrasnap\.json is not valid JSON .*fix or delete it$/);
  });

  it('requires an explicitly named config file to exist', async () => {
    const e = await errorOf(load({}, { configFile: join(cwd, 'missing.json') }));
    expect(e.message).toMatch(/^cannot read config file .*missing\.json/);
  });

  it('rejects an unknown AUTOINFRASNAP_ variable and a bad value', async () => {
    expect((await errorOf(load({ AUTOINFRASNAP_SNAPSHOT_WINDOW: '2' }))).message).toBe(
      'unknown environment variable AUTOINFRASNAP_SNAPSHOT_WINDOW; did you mean AUTOINFRASNAP_SNAPSHOT_WINDOW_SECONDS?',
    );
    expect((await errorOf(load({ AUTOINFRASNAP_REDACTION_ENABLED: 'maybe' }))).message).toBe(
      'AUTOINFRASNAP_REDACTION_ENABLED="maybe" is not a boolean: use true or false',
    );
    expect((await errorOf(load({ AUTOINFRASNAP_SNAPSHOT_WINDOW_SECONDS: '99' }))).message).toMatch(
      /^bad value for setting "snapshot.windowSeconds" in the environment: /,
    );
  });
});

describe('environment names', () => {
  it('are derived from the setting paths', () => {
    expect(envName(['snapshot', 'windowSeconds'])).toBe('AUTOINFRASNAP_SNAPSHOT_WINDOW_SECONDS');
    expect(envName(['store', 'maxAgeDays'])).toBe('AUTOINFRASNAP_STORE_MAX_AGE_DAYS');
  });

  it('parse booleans, numbers and JSON arrays', () => {
    const d = defaultSettings() as unknown as Record<string, unknown>;
    expect(
      settingsFromEnv(
        {
          AUTOINFRASNAP_REDACTION_ENABLED: 'no',
          AUTOINFRASNAP_STORE_MAX_COUNT: '12',
          AUTOINFRASNAP_SNAPSHOT_ONLY: '["cpu"]',
        },
        d,
      ),
    ).toEqual({ redaction: { enabled: false }, store: { maxCount: 12 }, snapshot: { only: ['cpu'] } });
  });
});
