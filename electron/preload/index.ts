// Preload (sandboxed, bundled to one CommonJS file): exposes a tiny, frozen, typed API to the page.
// Never expose ipcRenderer itself; later issues add narrow, named functions here.
import { contextBridge } from 'electron';

/** Injected at build time from package.json by electron.vite.config.ts. */
declare const __APP_VERSION__: string;

/** What the renderer sees as `window.autoinfrasnap` (mirrored by renderer/env.d.ts). */
export interface AutoInfraSnapApi {
  /** The app version, from package.json. */
  readonly version: string;
}

const api: AutoInfraSnapApi = Object.freeze({ version: __APP_VERSION__ });

contextBridge.exposeInMainWorld('autoinfrasnap', api);
