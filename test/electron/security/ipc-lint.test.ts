// The lint rule that keeps raw IPC inside the typed wrapper and the preload (eslint.config.js): real
// ESLint with the project's config, on code placed (virtually) at different paths.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function restricted(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('raw IPC lint rule', () => {
  it('bans ipcMain and ipcRenderer outside the wrapper and the preload', async () => {
    for (const file of ['electron/main/tray.ts', 'electron/main/some-new-window.ts', 'scripts/tool.mjs']) {
      const main = await restricted("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", file);
      expect(main, file).toHaveLength(1);
      expect(main[0]).toMatch(/typed IPC wrapper/);
    }
    const renderer = await restricted(
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      'electron/main/helper.ts',
    );
    expect(renderer).toHaveLength(1);
  });

  it('allows them in the wrapper and the preload, and other Electron imports anywhere in main', async () => {
    expect(
      await restricted(
        "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
        'electron/main/ipc-main.ts',
      ),
    ).toEqual([]);
    expect(
      await restricted(
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
        'electron/preload/index.ts',
      ),
    ).toEqual([]);
    expect(
      await restricted("import { Tray } from 'electron';\nexport const x = Tray;\n", 'electron/main/tray.ts'),
    ).toEqual([]);
  });

  it('still bans Electron altogether in the core and the renderer', async () => {
    expect(
      await restricted("import { app } from 'electron';\nexport const x = app;\n", 'electron/core/x.ts'),
    ).toHaveLength(1);
    expect(
      await restricted(
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
        'renderer/x.ts',
      ),
    ).not.toEqual([]);
  });
});
