import { join } from 'node:path';
import { readText } from '../../os/files.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { type ReaderContext, defineReader } from '../../snapshot/reader.js';
import { type Meminfo, memoryFromMeminfo, parseMeminfo, swapFromMeminfo } from './parse.js';
import { type SiMem, memoryFromSi, swapFromSi } from './si.js';

// memory and swap come from the same source: read it once per snapshot.
function meminfo(ctx: ReaderContext): Promise<Meminfo> {
  const path = join(ctx.procRoot, 'meminfo');
  return ctx.memo(`linux:meminfo:${path}`, async () => {
    const text = await readText(path);
    if (text === null) throw new Error(`cannot read ${path}`);
    return parseMeminfo(text);
  });
}

function siMem(ctx: ReaderContext): Promise<SiMem> {
  return ctx.memo('si:mem', async () => (await loadSystemInformation()).mem());
}

// PowerShell behind si.mem() (page file usage) can take seconds on a cold Windows machine.
const timeoutMs = process.platform === 'win32' ? 10_000 : 3000;

/** Physical memory: total, available, used and the caches. */
export const reader = defineReader({
  section: 'memory',
  timeoutMs,
  async collect(ctx) {
    if (ctx.platform === 'linux') return memoryFromMeminfo(await meminfo(ctx));
    return memoryFromSi(await siMem(ctx), ctx.platform);
  },
});

/** Swap space (the page file on Windows). */
export const swapReader = defineReader({
  section: 'swap',
  timeoutMs,
  async collect(ctx) {
    if (ctx.platform === 'linux') return swapFromMeminfo(await meminfo(ctx));
    return swapFromSi(await siMem(ctx));
  },
});
