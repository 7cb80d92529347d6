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

  it('references a 512×512 PNG app icon', () => {
    for (const icon of new Set([config.linux.icon, config.mac.icon, config.win.icon])) {
      expect(pngSize(join(root, icon))).toEqual({ width: 512, height: 512 });
    }
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
});
