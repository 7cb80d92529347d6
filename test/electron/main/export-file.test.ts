// One-click export (electron/main/export-file.ts) with a FAKE of Electron's dialog and clipboard (no
// Electron binary here), over the real core: a snapshot in a real store rendered by SnapshotOps, the
// file really written to a temp folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.js';
import { Settings } from '../../../shared/settings/schema.js';
import { SnapshotOps } from '../../../electron/server/snapshots.js';
import {
  copySnapshot,
  saveDialogOptions,
  saveSnapshot,
  withExtension,
  type ExportDeps,
} from '../../../electron/main/export-file.js';

let dir: string;
let ops: SnapshotOps;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ais-export-'));
  const settings = Settings.parse({
    store: { dir: join(dir, 'store') },
    snapshot: { windowSeconds: 0, only: ['host', 'memory'] },
  });
  ops = new SnapshotOps({ settings, layers: [], userSettingsPath: join(dir, 'config.json') });
  await ops.take();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** FAKE dialog (answers with `answer`, records the options) and clipboard. */
function deps(answer: SaveDialogReturnValue) {
  const dialogs: SaveDialogOptions[] = [];
  const clipboard: string[] = [];
  const d: ExportDeps = {
    exportSnapshot: (r) => ops.export(r.ref, r.format, r.lang),
    showSaveDialog: async (o) => {
      dialogs.push(o);
      return answer;
    },
    writeClipboard: (text) => void clipboard.push(text),
    defaultDir: () => join(dir, 'docs'),
    t: () => createTranslator('en'),
  };
  return { d, dialogs, clipboard };
}

describe('saveSnapshot', () => {
  it('asks where to save, suggesting the report name, and writes the rendered report there', async () => {
    const target = join(dir, 'report');
    const { d, dialogs } = deps({ canceled: false, filePath: target });
    const r = await saveSnapshot(d, { ref: 'latest', format: 'html' });
    expect(r).toEqual({ saved: true, path: `${target}.html` });
    expect(dialogs[0]!.defaultPath).toMatch(/autoinfrasnap-\d{8}T\d{6}Z\.html$/);
    expect(dialogs[0]!.filters).toEqual([{ name: 'HTML report', extensions: ['html', 'htm'] }]);
    const html = readFileSync(`${target}.html`, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Content-Security-Policy');
  });

  it('writes JSON that is the stored snapshot', async () => {
    const target = join(dir, 'snap.json');
    const { d } = deps({ canceled: false, filePath: target });
    await saveSnapshot(d, { ref: 'latest', format: 'json' });
    const snap = JSON.parse(readFileSync(target, 'utf8')) as { id: string };
    expect(snap.id).toBe((await ops.list())[0]!.id);
  });

  it('writes nothing when the user cancels', async () => {
    const { d } = deps({ canceled: true, filePath: '' });
    expect(await saveSnapshot(d, { ref: 'latest', format: 'markdown' })).toEqual({
      saved: false,
      path: null,
    });
  });

  it('passes a missing snapshot through as the core error', async () => {
    const { d } = deps({ canceled: false, filePath: join(dir, 'x.md') });
    await expect(saveSnapshot(d, { ref: 'ffffffff', format: 'markdown' })).rejects.toThrow();
  });
});

describe('copySnapshot', () => {
  it('puts the Markdown report on the clipboard, in the asked language', async () => {
    const { d, clipboard } = deps({ canceled: true, filePath: '' });
    const r = await copySnapshot(d, { ref: 'latest', lang: 'ko' });
    expect(clipboard).toHaveLength(1);
    expect(r).toEqual({ copied: true, chars: clipboard[0]!.length });
    expect(clipboard[0]).toMatch(/^#/);
    expect(clipboard[0]).toMatch(/[가-힣]/);
  });
});

describe('helpers', () => {
  it('adds the extension only when none was typed', () => {
    expect(withExtension('/a/report', 'markdown')).toBe('/a/report.md');
    expect(withExtension('/a/report.txt', 'markdown')).toBe('/a/report.txt');
  });

  it('labels the dialog in Korean', () => {
    const o = saveDialogOptions('json', 'a.json', '/d', createTranslator('ko'));
    expect(o.title).toBe('스냅샷 내보내기');
    expect(o.filters?.[0]?.name).toBe('JSON 스냅샷');
    expect(o.defaultPath).toBe(join('/d', 'a.json'));
  });
});
