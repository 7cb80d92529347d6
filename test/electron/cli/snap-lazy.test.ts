// `snap` on a machine without configuration takes its settings from precomputed defaults and saves
// without validating again (no zod), and its bundle carries English only: Korean loads from a file
// beside it when asked for. These check that the outcome is the same as the full path's, with the
// real built CLI in real processes.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../../../shared/i18n/locales/ko/index.js';
import { runCli } from '../../helpers/cli.js';

const DIST = new URL('../../../dist/cli/', import.meta.url);

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ais-lazy-'));
  // No settings file (fresh HOME), no autoinfrasnap.json (cwd is dir) and no AUTOINFRASNAP_* variable.
  const clean = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith('AUTOINFRASNAP_'))
      .map((k) => [k, undefined]),
  );
  env = {
    ...clean,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    LANG: 'C',
    LC_ALL: '',
    LC_MESSAGES: '',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('snap without any configuration', () => {
  it('saves a snapshot that reads back valid and whole', async () => {
    const store = join(dir, 'store');
    const r = await runCli(
      [
        'snap',
        '--window',
        '0',
        '--format',
        'json',
        '-o',
        join(dir, 's.json'),
        '--store',
        store,
        '--top',
        '4',
      ],
      env,
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^autoinfrasnap: saved [0-9a-f-]{36} \(\d+ bytes\)\n$/);
    const written = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as { id: string };
    // `show` reads the stored file back through the zod model: it must accept what snap saved unvalidated.
    const shown = await runCli(['show', 'latest', '--format', 'json', '--store', store], env, dir);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual(written);
    const top = (written as unknown as { processes: { top_cpu: unknown[] } }).processes.top_cpu;
    expect(top.length).toBeLessThanOrEqual(4);
  });

  it('gives the same settings errors as with a config file present', async () => {
    const bare = await runCli(['snap', '--lang', 'fr', '--no-save'], env, dir);
    writeFileSync(join(dir, 'autoinfrasnap.json'), '{"snapshot":{"topN":3}}');
    try {
      const configured = await runCli(['snap', '--lang', 'fr', '--no-save'], env, dir);
      expect(bare.code).toBe(2);
      expect(configured.code).toBe(2);
      expect(bare.stderr).toBe(configured.stderr);
      expect(bare.stderr).toContain('"language"');
      expect(bare.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(join(dir, 'autoinfrasnap.json'), { force: true });
    }
  });
});

describe('languages in the snap bundle', () => {
  it('carries no Korean text in the bundle itself', () => {
    const name = (JSON.parse(readFileSync(new URL('fast-path.json', DIST), 'utf8')) as { snap: string }).snap;
    const code = readFileSync(new URL(name, DIST), 'utf8');
    expect(code).not.toMatch(/[\uac00-\ud7a3]/); // Hangul syllables
    expect(readdirSync(DIST).filter((f) => /^i18n-ko-[0-9a-f]{16}\.cjs$/.test(f))).toHaveLength(1);
  });

  it('still speaks Korean when asked, loading it on demand', async () => {
    const r = await runCli(['snap', '--lang', 'ko', '--window', 'abc'], env, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/[\uac00-\ud7a3]/);
    const text = await runCli(
      ['snap', '--lang', 'ko', '--window', '0', '--only', 'memory', '--no-save'],
      env,
      dir,
    );
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(
      new RegExp(
        `^(${[ko.common.health.ok, ko.common.health.warning, ko.common.health.critical].join('|')}) `,
      ),
    );
  });
});

describe('what snap loads of Node itself', () => {
  it('loads no crypto, fs/promises, net, perf_hooks, readline or timers/promises, with piped output', async () => {
    // A preload that records Node's own module list at exit; stdout and stderr are pipes, the case
    // where process.stdout and process.stderr would load net.
    const hook = join(dir, 'modules-hook.cjs');
    const list = join(dir, 'modules.txt');
    writeFileSync(
      hook,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`,
    );
    const out = await runCli(
      // Without containers: where an engine answers, that section loads dockerode, which needs crypto.
      [
        'snap',
        '--window',
        '0',
        '--format',
        'json',
        '--skip',
        'containers',
        '--store',
        join(dir, 'store-mods'),
      ],
      env,
      dir,
      ['-r', hook],
    );
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { schema_version: number }).schema_version).toBe(1);
    const loaded = readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule zlib'); // the list is real: gzip needs zlib
    for (const m of ['crypto', 'fs/promises', 'net', 'perf_hooks', 'readline', 'timers/promises'])
      expect(loaded, m).not.toContain(`NativeModule ${m}`);
  });
});
