// The typed IPC wrapper (electron/main/ipc.ts) with a FAKE of Electron's ipcMain and of the invoke event
// (no Electron binary here): one handler per contract command, senders checked, every payload validated
// with the contract's zod schemas, errors as one-line messages in the user's language, events checked.
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandName } from '../../../shared/contract/api.js';
import { createTranslator, type Translator } from '../../../shared/i18n/index.js';
import { UserError } from '../../../electron/core/errors.js';
import { userError } from '../../../electron/core/messages.js';
import {
  broadcast,
  registerIpc,
  trustedSender,
  type CommandHandlers,
  type IpcMainLike,
} from '../../../electron/main/ipc.js';
import { APP_CHANNELS, COMMAND_CHANNELS, type IpcResult } from '../../../electron/main/ipc-channels.js';

type Handler = (event: unknown, payload: unknown) => unknown;

/** FAKE ipcMain: keeps the handlers so the test can invoke them as a window would. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener as Handler);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipc, handlers };
}

const OUR_URL = 'file:///app/out/renderer/dashboard/index.html';

/** FAKE IpcMainInvokeEvent from a window with this webContents id, frame URL and parent. */
function fromWindow(id: number, url = OUR_URL, parent: unknown = null) {
  return { sender: { id }, senderFrame: { url, parent } };
}

function setup(lang: 'en' | 'ko' = 'en') {
  const { ipc, handlers } = fakeIpcMain();
  const seen: { command: string; request: unknown }[] = [];
  const opened: (string | undefined)[] = [];
  const impl = Object.fromEntries(
    COMMAND_CHANNELS.map((c) => [
      c,
      (request: unknown) => {
        seen.push({ command: c, request });
        return { echo: c };
      },
    ]),
  ) as unknown as CommandHandlers;
  impl['snapshot:get'] = () => {
    throw userError('not_found', 'cli.config.unreadable', { path: '/x', detail: 'gone' });
  };
  impl['snapshot:list'] = () => {
    throw new Error('disk on fire');
  };
  const t: Translator = createTranslator(lang);
  const logs: string[] = [];
  const dispose = registerIpc(
    ipc,
    impl,
    { openDashboard: (r) => opened.push(r) },
    trustedSender(
      () => [{ id: 7 }],
      (url) => url === OUR_URL,
    ),
    () => t,
    (l) => logs.push(l),
  );
  const invoke = async (channel: string, payload: unknown, event = fromWindow(7)) =>
    (await handlers.get(channel)!(event, payload)) as IpcResult<unknown>;
  return { handlers, invoke, seen, opened, logs, dispose };
}

describe('registerIpc (fake ipcMain)', () => {
  it('handles every contract command and the shell channel, and removes them all', () => {
    const { handlers, dispose } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [...(Object.keys(COMMANDS) as CommandName[]), APP_CHANNELS.openDashboard].sort(),
    );
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('passes a valid request, parsed, to the handler', async () => {
    const { invoke, seen } = setup();
    expect(await invoke('metrics:history', { range: '1h' })).toEqual({
      ok: true,
      value: { echo: 'metrics:history' },
    });
    expect(seen).toEqual([{ command: 'metrics:history', request: { range: '1h' } }]);
    // A missing payload is an empty request.
    expect((await invoke('status:get', undefined)).ok).toBe(true);
  });

  it('refuses invalid payloads with a one-line message naming the field, without calling the handler', async () => {
    const { invoke, seen } = setup();
    const r = await invoke('snapshot:export', { ref: 'latest', format: 'pdf' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_request');
    expect(r.error.message).toMatch(/^snapshot:export: invalid request \(format: .+\); update the app/);
    expect(r.error.message).not.toContain('\n');
    expect(seen).toEqual([]);
    expect((await invoke('snapshot:get', { ref: '' })).ok).toBe(false);
    expect((await invoke('snapshot:save', 'not an object')).ok).toBe(false);
  });

  it('refuses other windows, subframes and foreign pages', async () => {
    const { invoke, seen } = setup('ko');
    for (const event of [
      fromWindow(8),
      fromWindow(7, 'https://evil.example/'),
      fromWindow(7, OUR_URL, { url: OUR_URL }),
      { sender: { id: 7 }, senderFrame: null },
    ]) {
      const r = await invoke('status:get', {}, event as ReturnType<typeof fromWindow>);
      expect(r).toEqual({
        ok: false,
        error: { code: 'untrusted_sender', message: '요청 거부: AutoInfraSnap 창에서 온 요청이 아닙니다' },
      });
    }
    expect(seen).toEqual([]);
  });

  it("returns a user error's message in the user's language and logs unexpected ones", async () => {
    const ko = setup('ko');
    const r = await ko.invoke('snapshot:get', { ref: 'latest' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        createTranslator('ko').t('cli.config.unreadable', { path: '/x', detail: 'gone' }),
      );
    const bad = await ko.invoke('snapshot:list', {});
    expect(bad).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    expect(ko.logs[0]).toMatch(/^snapshot:list failed: Error: disk on fire/);
    expect(new UserError('usage', 'x').kind).toBe('usage');
  });

  it('opens the dashboard on a valid route only', async () => {
    const { invoke, opened } = setup();
    expect(await invoke(APP_CHANNELS.openDashboard, {})).toEqual({ ok: true, value: null });
    expect(await invoke(APP_CHANNELS.openDashboard, { route: '#/alerts/cpu?subject=cpu' })).toMatchObject({
      ok: true,
    });
    for (const route of ['javascript:alert(1)', '#/x"><img>', 'https://evil.example/#/a', '#/a/b/c']) {
      expect(await invoke(APP_CHANNELS.openDashboard, { route })).toMatchObject({ ok: false });
    }
    expect(await invoke(APP_CHANNELS.openDashboard, {}, fromWindow(99))).toMatchObject({ ok: false });
    expect(opened).toEqual([undefined, '#/alerts/cpu?subject=cpu']);
  });
});

describe('broadcast', () => {
  const status = { status: 'ok' as const, firing: 0, host: 'h' };

  it('sends a valid event to every live window', () => {
    const sent: string[] = [];
    const target = (name: string, destroyed = false) => ({
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) =>
        void sent.push(`${name}:${channel}:${JSON.stringify(payload)}`),
    });
    expect(broadcast([target('a'), target('b', true), target('c')], 'status:changed', status)).toBe(true);
    expect(sent).toEqual([
      `a:status:changed:${JSON.stringify(status)}`,
      `c:status:changed:${JSON.stringify(status)}`,
    ]);
  });

  it('drops a payload that does not match the event schema', () => {
    const sent: unknown[] = [];
    const ok = broadcast(
      [{ isDestroyed: () => false, send: (_c: string, p: unknown) => void sent.push(p) }],
      'status:changed',
      { status: 'purple', firing: 0, host: 'h' } as never,
    );
    expect(ok).toBe(false);
    expect(sent).toEqual([]);
  });
});
