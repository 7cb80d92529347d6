// Ambient types for the renderer: Vite's client types (CSS and asset imports) and the preload bridge.
/// <reference types="vite/client" />

/** The preload bridge, mirrored from electron/preload/index.ts (the renderer may not import electron/). */
interface AutoInfraSnapApi {
  /** The app version, from package.json. */
  readonly version: string;
}

interface Window {
  /** Set by the preload; absent when a page is opened in a plain browser. */
  readonly autoinfrasnap?: AutoInfraSnapApi;
}
