import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sample } from '../../../../shared/contract/sample.js';
import { Sampler } from '../../../../electron/core/sampler/sampler.js';
import { tempDir } from './fakes.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

// The real readers of this machine; only the tick count and the sample shape are asserted, never timings.
describe('Sampler on the real machine', () => {
  it('takes samples every second with CPU usage from the second one on', async () => {
    const sampler = new Sampler({ intervalMs: 1000, dataDir: join(dir, 'in-process') });
    const samples: Sample[] = [];
    sampler.onSample((s) => samples.push(s));
    await sampler.start();
    await new Promise((r) => setTimeout(r, 2500));
    await sampler.stop();
    expect(samples.length).toBeGreaterThanOrEqual(2);
    for (const s of samples) expect(Sample.safeParse(s).error).toBeUndefined();
    expect(samples[1]!.cpu.usage_percent).not.toBeNull();
    expect(samples[1]!.memory.total_bytes).toBeGreaterThan(0);
    expect(sampler.history('5m').length).toBe(samples.length);
  });

  it('leaves nothing behind that keeps a process alive once stopped', async () => {
    // Node 20 cannot run TypeScript: bundle a tiny script that starts, samples, stops and returns. Its
    // own 2.5 s wait keeps it alive meanwhile: the sampler's timer is unref'd and would not.
    const outfile = join(dir, 'child.mjs');
    const data = JSON.stringify(join(dir, 'child-data'));
    const contents = `
      import { Sampler } from './electron/core/sampler/sampler.ts';
      const sampler = new Sampler({ intervalMs: 1000, dataDir: ${data} });
      let n = 0;
      sampler.onSample(() => n++);
      await sampler.start();
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await sampler.stop();
      console.log('stopped ' + (n >= 2 ? 'after 2+' : n));
    `;
    await build({
      stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'child.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['dockerode', 'systeminformation', 'electron'],
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [outfile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const result = await new Promise<string>((resolve) => {
      // Generous: the child exits within a second of `stopped` unless a timer or handle holds it.
      const killer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still running');
      }, 15_000);
      child.on('exit', (code) => {
        clearTimeout(killer);
        resolve(`exit ${code}`);
      });
    });
    expect(out).toContain('stopped after 2+');
    expect(result).toBe('exit 0');
  });
});
