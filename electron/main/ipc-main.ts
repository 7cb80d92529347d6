// The only file of the main process that touches Electron's ipcMain (lint bans it elsewhere): it binds
// the typed wrapper in ipc.ts to the real ipcMain.
import { ipcMain } from 'electron';
import { registerIpc } from './ipc.js';

/** registerIpc over Electron's ipcMain; returns the function that removes every handler. */
export function registerContractIpc(
  ...args: Parameters<typeof registerIpc> extends [unknown, ...infer R] ? R : never
): () => void {
  return registerIpc(ipcMain, ...args);
}
