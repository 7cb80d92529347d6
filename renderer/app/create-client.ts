// Picks the transport: IPC inside the tray app (when the preload's bridge exists), HTTP + SSE in a
// browser on the headless server. In a browser the desktop-only export commands fall back: save becomes
// a download of snapshot:export's content, copy uses navigator.clipboard.
import type { ApiClient, CommandName, CommandRequest, CommandResponse } from '../../shared/contract/api';
import type { Translator } from '../../shared/i18n/index';
import { createHttpClient } from '../transport/http-client';
import { createIpcClient, type IpcBridge } from '../transport/ipc-client';

export { createIpcClient, type IpcBridge } from '../transport/ipc-client';

/** The bridge, when the preload exposes the contract (`call`); undefined in a plain browser. */
export function ipcBridge(w: Pick<Window, 'autoinfrasnap'> = window): IpcBridge | undefined {
  const b = w.autoinfrasnap;
  if (typeof b?.call !== 'function') return undefined;
  return {
    call: b.call,
    ...(b.on && { on: b.on }),
    ...(b.onConnection && { onConnection: b.onConnection }),
  };
}

/** What the browser fallbacks need of the page; tests pass their own. */
export interface BrowserIo {
  download(filename: string, content: string, mime: string): void;
  copy(text: string): Promise<void>;
}

const MIME = { html: 'text/html', markdown: 'text/markdown', json: 'application/json' } as const;

/** The page's own download (an object URL on a temporary link) and clipboard. */
export const pageIo: BrowserIo = {
  download(filename, content, mime) {
    const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
  copy: (text) => navigator.clipboard.writeText(text),
};

/** An ApiClient whose snapshot:save and snapshot:copy run in the browser over snapshot:export. */
export function withBrowserExport(client: ApiClient, io: BrowserIo = pageIo): ApiClient {
  const call = async <C extends CommandName>(
    command: C,
    request: CommandRequest<C>,
  ): Promise<CommandResponse<C>> => {
    if (command === 'snapshot:save') {
      const r = request as CommandRequest<'snapshot:save'>;
      const out = await client.call('snapshot:export', r);
      io.download(out.filename, out.content, MIME[r.format]);
      return { saved: true, path: null } as CommandResponse<C>;
    }
    if (command === 'snapshot:copy') {
      const r = request as CommandRequest<'snapshot:copy'>;
      const out = await client.call('snapshot:export', { ...r, format: 'markdown' });
      await io.copy(out.content);
      return { copied: true, chars: out.content.length } as CommandResponse<C>;
    }
    return client.call(command, request);
  };
  return {
    call,
    subscribe: (event, listener) => client.subscribe(event, listener),
    onConnection: (listener) => client.onConnection(listener),
    ...(client.reportUrl && { reportUrl: client.reportUrl }),
  };
}

/** The ApiClient for this page: the preload bridge when it carries the contract, else HTTP + SSE. */
export function createClient(): ApiClient {
  const bridge = ipcBridge();
  return bridge ? createIpcClient(bridge) : withBrowserExport(createHttpClient());
}

/** The popover's and dashboard's one-click exports of the latest snapshot. */
export type ExportAction = 'save-html' | 'save-markdown' | 'save-json' | 'copy-markdown';

/**
 * Runs a one-click export of the latest snapshot and returns the line to show: saved (with the path in
 * the app), downloaded (browser), copied, or nothing when the user cancelled the save dialog.
 */
export async function exportLatest(client: ApiClient, action: ExportAction, t: Translator): Promise<string> {
  if (action === 'copy-markdown') {
    await client.call('snapshot:copy', { ref: 'latest', lang: t.lang });
    return t.t('tray.export.copied');
  }
  const format = action.slice('save-'.length) as CommandRequest<'snapshot:save'>['format'];
  const r = await client.call('snapshot:save', { ref: 'latest', format, lang: t.lang });
  if (!r.saved) return '';
  return r.path ? t.t('tray.export.saved', { path: r.path }) : t.t('tray.export.downloaded');
}
