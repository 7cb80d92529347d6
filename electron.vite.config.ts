// Build of the Electron app: main (ESM, deps external), preload (one self-contained CommonJS file, because
// sandboxed preloads cannot be ES modules nor require anything but 'electron'), renderer (two React pages).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/**
 * Dev server only: Vite's HMR client and the React Refresh preamble are inline scripts/styles, which the
 * strict CSP in the HTML forbids. Relax script-src/style-src for `electron-vite dev`; builds keep the
 * CSP exactly as written.
 */
function devCsp(): Plugin {
  return {
    name: 'autoinfrasnap:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: resolve(root, 'out/preload'),
      // Bundle everything: a sandboxed preload can only require('electron') and a few polyfilled modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; the popover must stay small.
      minify: true,
      rolldownOptions: {
        input: {
          dashboard: resolve(root, 'renderer/dashboard/index.html'),
          popover: resolve(root, 'renderer/popover/index.html'),
        },
        // zod in a chunk of its own: the dashboard needs it, the popover (hand-checked payloads, see
        // renderer/transport/light-schemas.ts) must not get it through the pages' common chunk.
        // test/e2e/ui-serve.test.ts builds with the same group and checks both pages' gzip budgets.
        output: { codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] } },
      },
    },
  },
});
