import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let moduleUrl: string;
// The module as the CLI ships it: bundled to plain JavaScript, loaded by a fresh Node.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ais-all-day-'));
  const outfile = join(dir, 'all-day.mjs');
  await build({
    entryPoints: [new URL('../../../../electron/core/os/all-day.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  moduleUrl = pathToFileURL(outfile).href;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs a hot loop in a fresh Node, optionally after tuneForAllDay(), and reports whether V8 optimised
 * it: bit 16 of %GetOptimizationStatus is "TurboFan code".
 */
function optimised(tuned: boolean): boolean {
  const script = `
    const { tuneForAllDay } = await import(${JSON.stringify(moduleUrl)});
    if (${tuned}) { tuneForAllDay(); tuneForAllDay(); }
    function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }
    // Keep it hot for up to 3 s, letting a concurrent compile land between rounds.
    let turbofan = false;
    for (const until = Date.now() + 3000; !turbofan && Date.now() < until; ) {
      for (let k = 0; k < 5000; k++) hot(200);
      await new Promise((r) => setTimeout(r, 20));
      turbofan = (%GetOptimizationStatus(hot) & 16) !== 0;
    }
    console.log(turbofan ? 'turbofan' : 'not-optimised');
  `;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return r.stdout.trim() === 'turbofan';
}

describe('tuneForAllDay', () => {
  it('stops V8 from optimising hot code from then on (and a second call changes nothing)', () => {
    expect(optimised(false)).toBe(true); // without it, the loop gets TurboFan code
    expect(optimised(true)).toBe(false);
  });
});
