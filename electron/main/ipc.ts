// The one typed IPC wrapper of the main process (raw ipcMain is banned by lint everywhere else). Each
// contract command gets an ipcMain.handle on its own channel; the sender must be one of our windows
// showing one of our pages, and the payload must pass the contract's zod schema before a handler sees it.
// Results travel as an IpcResult envelope so the page gets the one-line message, not Electron's
// "Error invoking remote method" wrapping.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import {
  COMMANDS,
  EVENTS,
  type CommandName,
  type CommandResponse,
  type EventName,
  type EventPayload,
} from '../../shared/contract/api.js';
import type { Translator } from '../../shared/i18n/index.js';
import { isUserError } from '../core/errors.js';
import { translate } from '../core/messages.js';
import { APP_CHANNELS, COMMAND_CHANNELS, type IpcResult } from './ipc-channels.js';

/** A handler per contract command, given the validated request. */
export type CommandHandlers = {
  [C in CommandName]: (
    request: z.output<(typeof COMMANDS)[C]['request']>,
  ) => Promise<CommandResponse<C>> | CommandResponse<C>;
};

/** The shell's own requests. */
export interface AppHandlers {
  openDashboard(route: string | undefined): void;
}

/** Decides whether an invoke comes from one of our windows. */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/** The ipcMain members the wrapper uses (Electron's ipcMain satisfies it; tests pass a fake). */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** A dashboard route a window may ask for: `#/<view>` or `#/alerts/<id>?subject=…`, nothing else. */
export const RouteRequest = z.object({
  route: z
    .string()
    .max(300)
    .regex(/^#\/[\w-]+(\/[\w%.~-]+)?(\?[\w%.~=&-]*)?$/)
    .optional(),
});

/**
 * A sender check: the frame must be the main frame of a window we created (by webContents id), and its
 * URL must be one of our pages (`isOurPage`). Subframes and foreign pages are refused.
 */
export function trustedSender(
  windows: () => Iterable<Pick<WebContents, 'id'>>,
  isOurPage: (url: string) => boolean,
): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    let ours = false;
    for (const wc of windows()) if (wc.id === event.sender.id) ours = true;
    return ours && isOurPage(frame.url);
  };
}

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/** The message of a zod error's first issue: `path: message`. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Registers a handler per contract command and the shell's own channels; returns a function that
 * removes them all. `t` gives the language of the error messages; `log` gets unexpected errors (never
 * payloads: they may hold settings).
 */
export function registerIpc(
  ipc: IpcMainLike,
  handlers: CommandHandlers,
  app: AppHandlers,
  isTrusted: SenderCheck,
  t: () => Translator,
  log: (line: string) => void = () => undefined,
): () => void {
  const untrusted = () => failure('untrusted_sender', t().t('tray.ipc.untrusted_sender'));
  for (const command of COMMAND_CHANNELS) {
    const schema = COMMANDS[command].request as z.ZodType;
    const handler = handlers[command] as (r: unknown) => unknown;
    ipc.handle(command, async (event, raw: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrusted(event)) return untrusted();
      const parsed = schema.safeParse(raw ?? {});
      if (!parsed.success) {
        return failure(
          'bad_request',
          t().t('tray.ipc.bad_request', { command, detail: firstIssue(parsed.error) }),
        );
      }
      try {
        return { ok: true, value: await handler(parsed.data) };
      } catch (e) {
        if (isUserError(e)) {
          const message = e.key ? translate(t(), e.key, e.params) : e.message;
          return failure(e.kind, message);
        }
        log(`${command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return failure('internal', e instanceof Error ? e.message : String(e));
      }
    });
  }
  ipc.handle(APP_CHANNELS.openDashboard, (event, raw: unknown): IpcResult<null> => {
    if (!isTrusted(event)) return untrusted();
    const parsed = RouteRequest.safeParse(raw ?? {});
    if (!parsed.success) {
      return failure(
        'bad_request',
        t().t('tray.ipc.bad_request', {
          command: APP_CHANNELS.openDashboard,
          detail: firstIssue(parsed.error),
        }),
      );
    }
    app.openDashboard(parsed.data.route);
    return { ok: true, value: null };
  });
  return () => {
    for (const command of COMMAND_CHANNELS) ipc.removeHandler(command);
    ipc.removeHandler(APP_CHANNELS.openDashboard);
  };
}

/** What `broadcast` sends to (a BrowserWindow's webContents satisfies it). */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Pushes a contract event to every live window. The payload is checked against the event's schema
 * first: a bug on this side must not reach the page as a malformed value.
 */
export function broadcast<E extends EventName>(
  targets: Iterable<EventSink>,
  event: E,
  payload: EventPayload<E>,
): boolean {
  if (!(EVENTS[event] as z.ZodType).safeParse(payload).success) return false;
  for (const target of targets) if (!target.isDestroyed()) target.send(event, payload);
  return true;
}
