// The ApiClient inside the tray app: contract commands and events over the preload bridge
// (window.autoinfrasnap; create-client.ts finds it). DOM-free, so the IPC chain is testable under Node. The main process checks the sender and validates every request with the
// contract's schemas, and every event before sending it, so this side stays small (no zod).
import type {
  ApiClient,
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract/api';

/** The members of the preload bridge an IPC client needs (see electron/preload/index.ts). */
export interface IpcBridge {
  call: (command: string, request: unknown) => Promise<unknown>;
  on?: (event: string, listener: (payload: unknown) => void) => () => void;
  onConnection?: (listener: (connected: boolean) => void) => () => void;
}

/** A failed IPC call: the main process's error code and its one-line message. */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Wraps the preload bridge as an ApiClient. */
export function createIpcClient(bridge: IpcBridge): ApiClient {
  return {
    async call<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResponse<C>> {
      try {
        return (await bridge.call(command, request)) as CommandResponse<C>;
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        throw new IpcError(
          typeof code === 'string' ? code : 'ipc',
          e instanceof Error ? e.message : String(e),
        );
      }
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on ? bridge.on(event, (p) => listener(p as EventPayload<E>)) : () => undefined;
    },
    onConnection(listener: (connected: boolean) => void): () => void {
      return bridge.onConnection ? bridge.onConnection(listener) : () => undefined;
    },
    reportUrl: ipcReportUrl,
  };
}

/**
 * Where the tray app shows a stored snapshot's HTML report: the shell's `ais-report:` protocol
 * (electron/main/report-protocol.ts), which answers with the report under its own CSP and `sandbox`.
 */
export function ipcReportUrl(ref: string, lang: 'en' | 'ko'): string {
  return `ais-report://snapshot/${encodeURIComponent(ref)}?lang=${encodeURIComponent(lang)}`;
}
