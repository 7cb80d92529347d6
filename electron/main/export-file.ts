// One-click export in the tray app: a stored snapshot rendered by the core (snapshot:export), saved
// where the user picks in a save dialog, or its Markdown put on the clipboard. Electron's dialog and
// clipboard are passed in, so this runs under plain Node with fakes in tests.
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { CommandRequest, CommandResponse } from '../../shared/contract/api.js';
import type { Translator } from '../../shared/i18n/index.js';

/** The formats the save dialog offers. */
export type ExportFormat = CommandRequest<'snapshot:save'>['format'];

const EXTENSIONS: Record<ExportFormat, string[]> = {
  html: ['html', 'htm'],
  markdown: ['md'],
  json: ['json'],
};

/** The save dialog's options: a suggested file in `dir`, one filter for the format. */
export function saveDialogOptions(
  format: ExportFormat,
  filename: string,
  dir: string,
  t: Translator,
): SaveDialogOptions {
  return {
    title: t.t('tray.export.dialog_title'),
    defaultPath: join(dir, filename),
    filters: [{ name: t.t(`tray.export.filter_${format}`), extensions: EXTENSIONS[format] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The chosen path with the format's extension added when the user typed none (Linux dialogs allow it). */
export function withExtension(path: string, format: ExportFormat): string {
  return extname(path) ? path : `${path}.${EXTENSIONS[format][0]!}`;
}

/** What the export commands need. */
export interface ExportDeps {
  /** The core's snapshot:export (renders a stored snapshot). */
  exportSnapshot(request: CommandRequest<'snapshot:export'>): Promise<CommandResponse<'snapshot:export'>>;
  /** Electron's dialog.showSaveDialog (with the parent window when there is one). */
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** Electron's clipboard.writeText. */
  writeClipboard(text: string): void;
  /** Where the dialog starts (app.getPath('documents')). */
  defaultDir(): string;
  t(): Translator;
  /** Writes the file; default node:fs writeFile (reports are not secret: they are redacted). */
  write?(path: string, content: string): Promise<void>;
}

/** snapshot:save — renders, asks where to save, writes; `saved: false` when the user cancels. */
export async function saveSnapshot(
  deps: ExportDeps,
  request: CommandRequest<'snapshot:save'>,
): Promise<CommandResponse<'snapshot:save'>> {
  const out = await deps.exportSnapshot(request);
  const choice = await deps.showSaveDialog(
    saveDialogOptions(request.format, out.filename, deps.defaultDir(), deps.t()),
  );
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  const path = withExtension(choice.filePath, request.format);
  await (deps.write ?? ((p, c) => writeFile(p, c, 'utf8')))(path, out.content);
  return { saved: true, path };
}

/** snapshot:copy — the snapshot's Markdown report on the clipboard. */
export async function copySnapshot(
  deps: ExportDeps,
  request: CommandRequest<'snapshot:copy'>,
): Promise<CommandResponse<'snapshot:copy'>> {
  const out = await deps.exportSnapshot({ ...request, format: 'markdown' });
  deps.writeClipboard(out.content);
  return { copied: true, chars: out.content.length };
}
