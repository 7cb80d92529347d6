// Lint config: typescript-eslint's recommended rules plus the runtime boundaries of the architecture:
// shared/ is pure (no Node, no Electron), the core/CLI/server never touch Electron, the renderer only
// reaches shared/.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `${m}/*`]);
const noNode = {
  group: ['node:*', ...nodeBuiltins],
  message: 'This code runs in a browser too: no Node APIs.',
};
const noElectron = { group: ['electron', 'electron/*'], message: 'Electron-free code: no electron imports.' };
const noRenderer = {
  group: ['**/renderer/**'],
  message: 'Data flows one way: nothing imports the renderer.',
};
const noElectronDir = {
  group: ['**/electron/**'],
  message: 'shared/ and renderer/ never import from electron/ (main, core, cli, server).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `import { type X }` still loads the module at run time; type-only imports must be `import type`.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-console': 'off',
    },
  },
  {
    // Raw IPC only in the typed wrapper (electron/main/ipc-main.ts) and the preload; the blocks below
    // ban Electron altogether in shared/, renderer/ and the core.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['electron/main/ipc-main.ts', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed IPC wrapper (electron/main/ipc.ts) or the preload bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noRenderer, noElectronDir] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer] }] },
  },
  {
    // The CLI and the core run on every `snap`: fs/promises alone loads ~2 ms of Node internals.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: ['electron/core/os/fs-async.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [noElectron, noRenderer],
          paths: ['fs/promises', 'node:fs/promises'].map((name) => ({
            name,
            message: 'Use electron/core/os/fs-async.js (callback fs, promisified; see docs/performance.md).',
          })),
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noNode, noElectron, noElectronDir] }] },
  },
  prettier,
);
