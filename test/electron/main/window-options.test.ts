// The main process's security helpers, under plain Node (no Electron binary needed).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isAllowedNetworkRequest,
  NETWORK_URL_PATTERNS,
  pageSource,
  secureWebPreferences,
} from '../../../electron/main/window-options.js';

describe('secureWebPreferences', () => {
  it('sandboxes and isolates the renderer, with Node off everywhere', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('enables devtools only when asked', () => {
    expect(secureWebPreferences('p', true).devTools).toBe(true);
  });

  it('uses a CommonJS preload (sandboxed preloads cannot be ES modules)', () => {
    expect(secureWebPreferences(join('out', 'preload', 'index.cjs')).preload).toMatch(/\.cjs$/);
  });
});

describe('pageSource', () => {
  const mainDir = join('/app', 'out', 'main');

  it('loads the built file by default', () => {
    expect(pageSource('dashboard', mainDir, undefined, false)).toEqual({
      kind: 'file',
      path: join('/app', 'out', 'renderer', 'dashboard', 'index.html'),
    });
  });

  it('uses the dev server in unpackaged dev runs', () => {
    expect(pageSource('popover', mainDir, 'http://localhost:5173', false)).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/popover/index.html',
    });
    expect(pageSource('dashboard', mainDir, 'http://localhost:5173/', false)).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/dashboard/index.html',
    });
  });

  it('never uses a dev server URL when packaged', () => {
    expect(pageSource('dashboard', mainDir, 'http://evil.example', true).kind).toBe('file');
  });
});

describe('isAllowedNetworkRequest', () => {
  it('blocks all remote content without a dev server', () => {
    for (const url of ['https://example.com/x.js', 'http://localhost:5173/', 'wss://example.com/socket']) {
      expect(isAllowedNetworkRequest(url, undefined)).toBe(false);
    }
  });

  it('allows only the dev server host (HTTP and HMR websocket) during dev', () => {
    const dev = 'http://localhost:5173';
    expect(isAllowedNetworkRequest('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedNetworkRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedNetworkRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedNetworkRequest('https://example.com/', dev)).toBe(false);
  });

  it('leaves non-network schemes to the page CSP, and rejects garbage', () => {
    expect(isAllowedNetworkRequest('file:///app/out/renderer/dashboard/index.html', undefined)).toBe(true);
    expect(isAllowedNetworkRequest('not a url', undefined)).toBe(false);
    expect(isAllowedNetworkRequest('https://example.com/', 'not a url')).toBe(false);
  });

  it('filters exactly the network schemes', () => {
    expect(NETWORK_URL_PATTERNS.map((p) => p.split(':')[0]).sort()).toEqual(['http', 'https', 'ws', 'wss']);
  });
});
