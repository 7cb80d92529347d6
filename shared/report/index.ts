import type { Translator } from '../i18n/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { renderHtml } from './html/document.js';
import { renderMarkdown } from './markdown.js';
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
}

/** True when `s` names a snapshot report format. */
export function isSnapshotFormat(s: string): s is SnapshotFormat {
  return (SNAPSHOT_FORMATS as readonly string[]).includes(s);
}

/** Renders a snapshot in one format: the one entry point the CLI, the server and the app call. */
export function renderSnapshot(s: Snapshot, format: SnapshotFormat, opts: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderSummary(s, opts);
    case 'json':
      return JSON.stringify(s, null, 2);
    case 'markdown':
      return renderMarkdown(s, opts);
    case 'html':
      return renderHtml(s, opts);
  }
}
