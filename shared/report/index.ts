import type { Translator } from '../i18n/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { renderSummary } from './summary.js';

/** Output formats of a snapshot report (`snap --format`, `show --format`, the app's export). */
export const SNAPSHOT_FORMATS = ['text', 'json', 'markdown', 'html'] as const;

/** One snapshot report format. */
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];

/** Options every renderer takes. */
export interface RenderOptions {
  t: Translator;
  /** ANSI colours, text format only. */
  color: boolean;
  /**
   * SHA-256 of the snapshot file shipped beside the report (a share): shown in the HTML header so a
   * reader can check the JSON they download is the one the report was made from.
   */
  sha256?: string;
}

/** True when `s` names a snapshot report format. */
export function isSnapshotFormat(s: string): s is SnapshotFormat {
  return (SNAPSHOT_FORMATS as readonly string[]).includes(s);
}

/**
 * Renders a snapshot in one format: the one entry point the CLI, the server and the app call. The
 * Markdown and HTML renderers load on first use, so taking a snapshot never pays for them.
 */
export async function renderSnapshot(
  s: Snapshot,
  format: SnapshotFormat,
  opts: RenderOptions,
): Promise<string> {
  switch (format) {
    case 'text':
      return renderSummary(s, opts);
    case 'json':
      return JSON.stringify(s, null, 2);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(s, opts);
    case 'html':
      return (await import('./html/document.js')).renderHtml(s, opts);
  }
}
