import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { open, readFile, readdir, stat } from '../../../../electron/core/os/fs-async.js';

const dir = mkdtempSync(join(tmpdir(), 'ais-fs-async-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fs-async (callback fs, promisified)', () => {
  it('writes, syncs and closes a file through a descriptor handle, with the mode asked for', async () => {
    const path = join(dir, 'a.txt');
    const h = await open(path, 'wx', 0o600);
    await h.writeFile('hello ');
    await h.writeFile(Buffer.from('world'));
    await h.sync();
    await h.close();
    expect(readFileSync(path, 'utf8')).toBe('hello world');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    await expect(open(path, 'wx')).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('keeps the typed overloads of the promise API', async () => {
    const text: string = await readFile(join(dir, 'a.txt'), 'utf8');
    expect(text).toBe('hello world');
    expect(await readdir(dir)).toContain('a.txt');
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});
