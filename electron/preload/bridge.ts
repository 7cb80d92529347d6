// The preload's API, built over an ipcRenderer passed in (index.ts passes Electron's; tests a fake):
// named functions over fixed channel lists. The page never gets ipcRenderer nor an IpcRendererEvent.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { APP_CHANNELS, COMMAND_CHANNELS, EVENT_CHANNELS, type IpcResult } from '../main/ipc-channels.js';

/** What the renderer sees as `window.autoinfrasnap` (mirrored by renderer/env.d.ts). */
export interface AutoInfraSnapApi {
  /** The app version, from package.json. */
  readonly version: string;
  /** Runs a contract command in the main process; rejects with the one-line message on failure. */
  readonly call: (command: string, request: unknown) => Promise<unknown>;
  /** Listens to a contract event; returns an unsubscribe function. */
  readonly on: (event: string, listener: (payload: unknown) => void) => () => void;
  /** IPC has no connection to lose: reports `true` once and never changes. */
  readonly onConnection: (listener: (connected: boolean) => void) => () => void;
  /** Opens the dashboard window, optionally on a route such as `#/alerts/cpu`. */
  readonly openDashboard: (route?: string) => void;
}

/** The ipcRenderer members the bridge uses. */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

const commands = new Set<string>(COMMAND_CHANNELS);
const events = new Set<string>(EVENT_CHANNELS);

/** The frozen API object the preload exposes. */
export function createBridge(ipc: IpcRendererLike, version: string): AutoInfraSnapApi {
  const call = async (command: string, request: unknown): Promise<unknown> => {
    if (!commands.has(command)) throw new Error(`unknown command "${command}"`);
    const result = (await ipc.invoke(command, request)) as IpcResult<unknown>;
    if (result.ok) return result.value;
    throw Object.assign(new Error(result.error.message), { code: result.error.code });
  };
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!events.has(event)) throw new Error(`unknown event "${event}"`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipc.on(event, wrapped);
    return () => void ipc.removeListener(event, wrapped);
  };
  const onConnection = (listener: (connected: boolean) => void): (() => void) => {
    queueMicrotask(() => listener(true));
    return () => undefined;
  };
  const openDashboard = (route?: string): void => {
    void ipc.invoke(APP_CHANNELS.openDashboard, route === undefined ? {} : { route });
  };
  return Object.freeze({ version, call, on, onConnection, openDashboard });
}
