// Ambient types for the renderer: Vite's client types (CSS and asset imports) and the preload bridge.
/// <reference types="vite/client" />

/** The preload bridge, mirrored from electron/preload/index.ts (the renderer may not import electron/). */
interface AutoInfraSnapApi {
  /** The app version, from package.json. */
  readonly version: string;
  /** Sends a contract command over IPC (set once the shell wires the contract). */
  readonly call?: (command: string, request: unknown) => Promise<unknown>;
  /** Listens to a contract event; returns an unsubscribe function. */
  readonly on?: (event: string, listener: (payload: unknown) => void) => () => void;
  /** Listens to the IPC connection state; returns an unsubscribe function. */
  readonly onConnection?: (listener: (connected: boolean) => void) => () => void;
  /** Opens the dashboard window (Electron only). */
  readonly openDashboard?: () => void;
}

interface Window {
  /** Set by the preload; absent when a page is opened in a plain browser. */
  readonly autoinfrasnap?: AutoInfraSnapApi;
}
