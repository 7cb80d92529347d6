// The whole IPC chain without Electron: the renderer's ApiClient (renderer/transport/ipc-client.ts) over
// the preload's bridge (electron/preload/bridge.ts) over a FAKE ipcRenderer/ipcMain pair (payloads
// structured-cloned as Electron does) into the main process's typed wrapper (electron/main/ipc.ts), with
// the real snapshot store behind it and a FAKE clipboard.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcRendererEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/contract/api.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import { Settings } from '../../../shared/settings/schema.js';
import { SnapshotOps } from '../../../electron/server/snapshots.js';
import { copySnapshot, type ExportDeps } from '../../../electron/main/export-file.js';
import { COMMAND_CHANNELS } from '../../../electron/main/ipc-channels.js';
import { broadcast, registerIpc, trustedSender, type CommandHandlers } from '../../../electron/main/ipc.js';
import { handleReportRequest } from '../../../electron/main/report-protocol.js';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge.js';

/**
 * The renderer's IPC client, imported at run time: it belongs to the web TypeScript project, so this Node
 * test sees it through the ApiClient interface both projects share.
 */
const IPC_CLIENT = '../../../renderer/transport/ipc-client.js';
interface IpcClientModule {
  createIpcClient(bridge: ReturnType<typeof createBridge>): ApiClient;
  IpcError: new (...args: never[]) => Error;
}
let createIpcClient: IpcClientModule['createIpcClient'];
let IpcError: IpcClientModule['IpcError'];

const PAGE = 'file:///app/out/renderer/popover/index.html';
let dir: string;
let ops: SnapshotOps;
const clipboard: string[] = [];
const toPage = new EventEmitter();

/** FAKE ipcMain + ipcRenderer: invoke runs the registered handler with a sender of window `senderId`. */
function fakeIpc(
  senderId: number,
): IpcRendererLike & { handlers: Map<string, (e: unknown, p: unknown) => unknown> } {
  const handlers = main;
  return {
    handlers,
    invoke: async (channel: string, payload: unknown) => {
      const h = handlers.get(channel);
      if (!h) throw new Error(`No handler registered for '${channel}'`);
      const event = { sender: { id: senderId }, senderFrame: { url: PAGE, parent: null } };
      return structuredClone(await h(event, structuredClone(payload)));
    },
    on: (channel: string, l: (e: IpcRendererEvent, ...args: unknown[]) => void) => {
      toPage.on(channel, l);
      return undefined as never;
    },
    removeListener: (channel: string, l: (...args: unknown[]) => void) => {
      toPage.removeListener(channel, l);
      return undefined as never;
    },
  } as never;
}
const main = new Map<string, (e: unknown, p: unknown) => unknown>();

let client: ApiClient;
let stranger: ApiClient;

beforeAll(async () => {
  ({ createIpcClient, IpcError } = (await import(/* @vite-ignore */ IPC_CLIENT)) as IpcClientModule);
  dir = mkdtempSync(join(tmpdir(), 'ais-ipc-'));
  const settings = Settings.parse({
    store: { dir: join(dir, 'store') },
    snapshot: { windowSeconds: 0, only: ['host'] },
  });
  ops = new SnapshotOps({ settings, layers: [], userSettingsPath: join(dir, 'config.json') });
  const exportDeps: ExportDeps = {
    exportSnapshot: (r) => ops.export(r.ref, r.format, r.lang),
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    writeClipboard: (text) => void clipboard.push(text),
    defaultDir: () => dir,
    t: () => createTranslator('en'),
  };
  const handlers = Object.fromEntries(
    COMMAND_CHANNELS.map((c) => [
      c,
      () => {
        throw new Error(`${c} is not part of this test`);
      },
    ]),
  ) as unknown as CommandHandlers;
  handlers['snapshot:take'] = () => ops.take();
  handlers['snapshot:list'] = () => ops.list();
  handlers['snapshot:export'] = (r) => ops.export(r.ref, r.format, r.lang);
  handlers['snapshot:copy'] = (r) => copySnapshot(exportDeps, r);
  handlers['status:get'] = () => ({ status: 'ok', firing: 0, host: 'h' });
  registerIpc(
    {
      handle: (c, l) => void main.set(c, l as (e: unknown, p: unknown) => unknown),
      removeHandler: (c) => void main.delete(c),
    },
    handlers,
    { openDashboard: () => undefined },
    trustedSender(
      () => [{ id: 1 }],
      (url) => url === PAGE,
    ),
    () => createTranslator('en'),
  );
  client = createIpcClient(createBridge(fakeIpc(1), '0.1.0'));
  stranger = createIpcClient(createBridge(fakeIpc(2), '0.1.0'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('IPC round trip (fake Electron IPC, real core)', () => {
  it('takes and lists snapshots through the whole chain', async () => {
    const entry = await client.call('snapshot:take', {});
    const list = await client.call('snapshot:list', {});
    expect(list.map((e) => e.id)).toEqual([entry.id]);
    expect(entry.sections).toEqual(['host']);
  });

  it('copies the Markdown report to the clipboard', async () => {
    const r = await client.call('snapshot:copy', { ref: 'latest' });
    expect(r).toEqual({ copied: true, chars: clipboard[0]!.length });
    expect(clipboard[0]).toMatch(/^#/);
  });

  it('rejects a bad request with the main process’s one-line message and code', async () => {
    const err = await client
      .call('snapshot:export', { ref: 'latest', format: 'pdf' as never })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect(err).toMatchObject({ code: 'bad_request' });
    expect((err as Error).message).toMatch(/^snapshot:export: invalid request \(format: /);
  });

  it('passes core errors through (a missing snapshot)', async () => {
    const err = await client
      .call('snapshot:export', { ref: 'ffffffff', format: 'json' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not_found' });
  });

  it('refuses a window that is not ours', async () => {
    await expect(stranger.call('status:get', {})).rejects.toMatchObject({ code: 'untrusted_sender' });
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const got: unknown[] = [];
    const off = client.subscribe('status:changed', (s) => got.push(s.status));
    const targets = [
      { isDestroyed: () => false, send: (c: string, p: unknown) => void toPage.emit(c, {}, p) },
    ];
    broadcast(targets, 'status:changed', { status: 'warning', firing: 1, host: 'h' });
    off();
    broadcast(targets, 'status:changed', { status: 'ok', firing: 0, host: 'h' });
    expect(got).toEqual(['warning']);
  });

  it('gives the report-view URL the shell’s ais-report: protocol answers with the HTML report', async () => {
    const [latest] = await client.call('snapshot:list', {});
    const id = latest!.id;
    expect(client.reportUrl?.(id, 'ko')).toBe(`ais-report://snapshot/${id}?lang=ko`);
    expect(client.reportUrl?.('latest~1', 'en')).toBe('ais-report://snapshot/latest~1?lang=en');
    expect(client.reportUrl?.('a/b?c', 'en')).toBe('ais-report://snapshot/a%2Fb%3Fc?lang=en');
    const res = await handleReportRequest(new Request(client.reportUrl!(id, 'ko')), {
      snapshots: ops,
      frameAncestors: 'file:',
      lang: () => 'en',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe((await ops.export(id, 'html', 'ko')).content);
  });

  it('the bridge refuses channels outside the contract', async () => {
    const bridge = createBridge(fakeIpc(1), '0.1.0');
    await expect(bridge.call('shell:exec', {})).rejects.toThrow('unknown command "shell:exec"');
    expect(() => bridge.on('electron-store-get-data', () => undefined)).toThrow(/unknown event/);
    expect(Object.isFrozen(bridge)).toBe(true);
    const states: boolean[] = [];
    bridge.onConnection((c) => states.push(c));
    await Promise.resolve();
    expect(states).toEqual([true]);
  });
});
