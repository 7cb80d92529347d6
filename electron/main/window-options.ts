// Pure, Electron-free security helpers for the main process: the locked-down webPreferences, where a page
// comes from, and which URLs a window may load. Unit-tested under plain Node (test/electron/main/).
import { join } from 'node:path';
import type { WebPreferences } from 'electron';

/** The renderer pages built by electron-vite (renderer/<page>/index.html). */
export type RendererPage = 'dashboard' | 'popover';

/** Locked-down webPreferences: sandboxed, isolated, no Node, no webview, only our preload. */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click opens links in new windows: off (new windows are denied anyway).
    disableBlinkFeatures: 'Auxclick',
    devTools,
  };
}

/** Where a page is loaded from: the dev server (unpackaged dev runs only) or the built file. */
export type PageSource = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/** Resolves a page: the electron-vite dev server when given (never when packaged), else out/renderer. */
export function pageSource(
  page: RendererPage,
  mainDir: string,
  devServerUrl: string | undefined,
  isPackaged: boolean,
): PageSource {
  if (devServerUrl && !isPackaged) {
    return { kind: 'url', url: new URL(`${page}/index.html`, withSlash(devServerUrl)).href };
  }
  return { kind: 'file', path: join(mainDir, '..', 'renderer', page, 'index.html') };
}

/**
 * Whether a network request (http, https, ws, wss) may leave a window: only to the electron-vite dev server
 * during an unpackaged dev run. No remote content otherwise. Other schemes are not network: the page CSP
 * governs them.
 */
export function isAllowedNetworkRequest(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!NETWORK_PROTOCOLS.has(parsed.protocol)) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.host === new URL(devServerUrl).host;
  } catch {
    return false;
  }
}

/** URL patterns of the network schemes, for session.webRequest filters. */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
