// The one-click export as the pages run it (renderer/app/create-client.ts): in a browser on the headless
// server, snapshot:save becomes a download and snapshot:copy the page clipboard, both over snapshot:export
// (a FAKE ApiClient records the calls; a FAKE BrowserIo stands for the download link and clipboard).
// In the tray app the same exportLatest goes over IPC (see ipc-roundtrip.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, CommandName } from '../../../shared/contract/api.js';
import { createTranslator } from '../../../shared/i18n/index.js';

/** The page module, imported at run time: it belongs to the web TypeScript project. */
const CREATE_CLIENT = '../../../renderer/app/create-client.js';
interface BrowserIo {
  download(filename: string, content: string, mime: string): void;
  copy(text: string): Promise<void>;
}
interface CreateClientModule {
  withBrowserExport(client: ApiClient, io: BrowserIo): ApiClient;
  exportLatest(
    client: ApiClient,
    action: 'save-html' | 'save-markdown' | 'save-json' | 'copy-markdown',
    t: ReturnType<typeof createTranslator>,
  ): Promise<string>;
}
let mod: CreateClientModule;
beforeAll(async () => {
  mod = (await import(/* @vite-ignore */ CREATE_CLIENT)) as CreateClientModule;
});

/** FAKE ApiClient: answers snapshot:export and status:get, records every call. */
function fakeClient() {
  const calls: { command: CommandName; request: unknown }[] = [];
  const client: ApiClient = {
    call: (async (command: CommandName, request: Record<string, unknown>) => {
      calls.push({ command, request });
      if (command === 'snapshot:export')
        return {
          format: request.format,
          filename: `r.${String(request.format)}`,
          content: `# ${String(request.format)}`,
        };
      if (command === 'status:get') return { status: 'ok', firing: 0, host: 'h' };
      if (command === 'snapshot:save') return { saved: false, path: null };
      throw new Error(`unexpected ${command}`);
    }) as ApiClient['call'],
    subscribe: () => () => undefined,
    onConnection: () => () => undefined,
  };
  return { client, calls };
}

/** FAKE BrowserIo. */
function fakeIo() {
  const downloads: [string, string, string][] = [];
  const copied: string[] = [];
  const io: BrowserIo = {
    download: (f, c, m) => void downloads.push([f, c, m]),
    copy: async (t) => void copied.push(t),
  };
  return { io, downloads, copied };
}

describe('withBrowserExport', () => {
  it('turns snapshot:save into a download of snapshot:export', async () => {
    const { client, calls } = fakeClient();
    const { io, downloads } = fakeIo();
    const c = mod.withBrowserExport(client, io);
    expect(await c.call('snapshot:save', { ref: 'latest', format: 'markdown', lang: 'ko' })).toEqual({
      saved: true,
      path: null,
    });
    expect(calls).toEqual([
      { command: 'snapshot:export', request: { ref: 'latest', format: 'markdown', lang: 'ko' } },
    ]);
    expect(downloads).toEqual([['r.markdown', '# markdown', 'text/markdown']]);
  });

  it('turns snapshot:copy into the page clipboard with the Markdown report', async () => {
    const { client, calls } = fakeClient();
    const { io, copied } = fakeIo();
    const r = await mod.withBrowserExport(client, io).call('snapshot:copy', { ref: 'abc12345' });
    expect(r).toEqual({ copied: true, chars: '# markdown'.length });
    expect(calls[0]).toEqual({
      command: 'snapshot:export',
      request: { ref: 'abc12345', format: 'markdown' },
    });
    expect(copied).toEqual(['# markdown']);
  });

  it('passes every other command through', async () => {
    const { client, calls } = fakeClient();
    const c = mod.withBrowserExport(client, fakeIo().io);
    expect((await c.call('status:get', {})).status).toBe('ok');
    expect(calls.map((x) => x.command)).toEqual(['status:get']);
  });
});

describe('exportLatest', () => {
  const en = createTranslator('en');

  it('says what happened: downloaded, copied, or nothing when the dialog was cancelled', async () => {
    const browser = mod.withBrowserExport(fakeClient().client, fakeIo().io);
    expect(await mod.exportLatest(browser, 'save-html', en)).toBe('Report downloaded');
    expect(await mod.exportLatest(browser, 'copy-markdown', createTranslator('ko'))).toBe(
      'Markdown을 클립보드에 복사했습니다',
    );
    // The tray app's client: the dialog was cancelled.
    expect(await mod.exportLatest(fakeClient().client, 'save-json', en)).toBe('');
  });

  it('names the saved file in the app', async () => {
    const app: ApiClient = {
      ...fakeClient().client,
      call: (async () => ({ saved: true, path: '/home/u/r.html' })) as ApiClient['call'],
    };
    expect(await mod.exportLatest(app, 'save-html', en)).toBe('Saved /home/u/r.html');
  });
});
