// electron-builder.yml: valid against electron-builder's own JSON schema, with the settings the release
// depends on (fuses, asar, targets), and the icons it references present and sized right.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  directories: { output: string };
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  mac: { target: { target: string; arch: string[] }[]; category: string; icon: string };
  win: { target: string[]; icon: string };
  extraResources: { from: string; to: string; filter: string[] }[];
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

const validate = compileSchema();

function compileSchema() {
  const schema = JSON.parse(
    readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
  ) as object;
  // Same options as electron-builder's own validator, minus coerceTypes: the file must be right as written.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/** The sizes in an ICO's directory, each entry checked to be a PNG of that size. */
function icoSizes(file: string): number[] {
  const buf = readFileSync(file);
  expect(buf.readUInt16LE(0)).toBe(0);
  expect(buf.readUInt16LE(2)).toBe(1);
  const sizes: number[] = [];
  for (let i = 0; i < buf.readUInt16LE(4); i++) {
    const e = 6 + i * 16;
    const size = buf[e] === 0 ? 256 : buf[e]!;
    const png = buf.subarray(buf.readUInt32LE(e + 12), buf.readUInt32LE(e + 12) + buf.readUInt32LE(e + 8));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    sizes.push(size);
  }
  return sizes;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's JSON schema", () => {
    const ok = validate(config);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is real: unknown options and wrong types are rejected', () => {
    expect(validate({ ...config, notAnOption: true })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, notAnOption: 1 } })).toBe(false);
  });

  it('identifies the app and packages only the bundles, in an asar', () => {
    expect(config.appId).toBe('dev.autoinfrasnap.app');
    expect(config.productName).toBe('AutoInfraSnap');
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('targets AppImage + deb, dmg for both Mac architectures, NSIS + portable', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('System');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac.category).toBe('public.app-category.utilities');
    expect(config.win.target).toEqual(['nsis', 'portable']);
  });

  it('references a 512×512 PNG app icon (Linux, macOS) and a multi-size ICO (Windows)', () => {
    for (const icon of new Set([config.linux.icon, config.mac.icon])) {
      expect(pngSize(join(root, icon))).toEqual({ width: 512, height: 512 });
    }
    expect(config.win.icon).toBe('build/icon.ico');
    expect(icoSizes(join(root, config.win.icon))).toEqual([16, 32, 48, 256]);
  });

  it('ships tray icons for every state at 1x and 2x, plus the macOS template', () => {
    for (const name of ['ok', 'warning', 'critical', 'paused']
      .map((s) => `tray-${s}`)
      .concat('trayTemplate')) {
      expect(pngSize(join(root, 'build', `${name}.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(join(root, 'build', `${name}@2x.png`))).toEqual({ width: 32, height: 32 });
    }
    expect(existsSync(join(root, 'scripts', 'make-icons.mjs'))).toBe(true);
  });

  it('ships per-state macOS template images and Windows tray ICOs, and packages them', () => {
    for (const state of ['ok', 'warning', 'critical', 'paused']) {
      expect(pngSize(join(root, 'build', `tray-${state}Template.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(join(root, 'build', `tray-${state}Template@2x.png`))).toEqual({ width: 32, height: 32 });
      expect(icoSizes(join(root, 'build', `tray-${state}.ico`))).toEqual([16, 32]);
    }
    const resources = config.extraResources.find((r) => r.to === 'icons');
    expect(resources?.filter).toEqual(['tray*.png', 'tray*.ico']);
  });
});

describe('.github/workflows/release.yml', () => {
  interface Workflow {
    on: { push: { tags: string[] } };
    jobs: {
      build: {
        strategy: { matrix: { include: { os: string; target: string }[] } };
        steps: { run?: string }[];
      };
      release: { needs: string; permissions: Record<string, string> };
    };
  }
  const wf = load(readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;

  it('builds installers on each OS with electron-builder, without publishing from the build jobs', () => {
    expect(wf.on.push.tags).toEqual(['v*']);
    expect(wf.jobs.build.strategy.matrix.include.map((m) => [m.os, m.target])).toEqual([
      ['ubuntu-latest', '--linux'],
      ['macos-latest', '--mac'],
      ['windows-latest', '--win'],
    ]);
    const runs = wf.jobs.build.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npx electron-builder ${{ matrix.target }} --publish never');
  });

  it('attaches them to a draft release from one job with write access', () => {
    expect(wf.jobs.release.needs).toBe('build');
    expect(wf.jobs.release.permissions).toEqual({ contents: 'write' });
  });
});
