// Preload (sandboxed, bundled to one CommonJS file): exposes a tiny, frozen, typed API to the page via
// contextBridge — named functions over fixed channel lists (bridge.ts), never ipcRenderer itself. The
// main process checks the sender and validates every payload again; these checks only stop typos early.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

export type { AutoInfraSnapApi } from './bridge.js';

/** Injected at build time from package.json by electron.vite.config.ts. */
declare const __APP_VERSION__: string;

contextBridge.exposeInMainWorld('autoinfrasnap', createBridge(ipcRenderer, __APP_VERSION__));
