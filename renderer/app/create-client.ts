// Picks the transport: IPC inside the Electron shell, HTTP + SSE in a browser on the headless server.
import type {
  ApiClient,
  CommandName,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract/api';
import { createHttpClient } from '../transport/http-client';

/** The members of the preload bridge an IPC client needs. */
export interface IpcBridge {
  call: (command: string, request: unknown) => Promise<unknown>;
  on?: (event: string, listener: (payload: unknown) => void) => () => void;
  onConnection?: (listener: (connected: boolean) => void) => () => void;
}

/** Wraps the preload bridge as an ApiClient; the main process validates every request. */
export function createIpcClient(bridge: IpcBridge): ApiClient {
  return {
    call: async <C extends CommandName>(command: C, request: unknown) =>
      (await bridge.call(command, request)) as CommandResponse<C>,
    subscribe: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) =>
      bridge.on ? bridge.on(event, (p) => listener(p as EventPayload<E>)) : () => undefined,
    onConnection: (listener) => (bridge.onConnection ? bridge.onConnection(listener) : () => undefined),
  };
}

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

/** The ApiClient for this page: the preload bridge when it carries the contract, else HTTP + SSE. */
export function createClient(): ApiClient {
  const bridge = ipcBridge();
  return bridge ? createIpcClient(bridge) : createHttpClient();
}
