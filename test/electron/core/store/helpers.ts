import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** A fresh empty folder; `cleanup` removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ais-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `dir`, relative and `/`-separated, sorted: to see exactly what a store left on disk. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/**
 * Bundles save-worker.ts (with the store, zod and uuid) into one .mjs file, because Node 20 cannot run
 * TypeScript: the concurrency and crash tests need real separate processes, not workers in vitest.
 */
export async function bundleWorker(outDir: string): Promise<string> {
  const outfile = join(outDir, 'save-worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./save-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** A running save-worker with the ids it has reported saved so far. */
export interface WorkerRun {
  child: ChildProcess;
  saved: string[];
  /** Resolves once the worker printed `line` (or reported `count` saves with waitSaved). */
  waitFor(line: string): Promise<void>;
  waitSaved(count: number): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `node worker.mjs <dir> <count> <host> [--wait]`; see save-worker.ts for the protocol. */
export function runWorker(script: string, args: string[]): WorkerRun {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const saved: string[] = [];
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  let stderr = '';
  let buf = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buf += chunk;
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (line.startsWith('saved ')) saved.push(line.slice(6));
    }
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) =>
      child.on('exit', (code, signal) => {
        for (const w of waiters.splice(0)) w();
        resolve({ code, signal, stderr });
      }),
  );
  const until = async (ok: () => boolean, what: string): Promise<void> => {
    while (!ok()) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`worker exited before ${what}: ${stderr}`);
      }
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return {
    child,
    saved,
    waitFor: (line) => until(() => lines.includes(line), `"${line}"`),
    waitSaved: (count) => until(() => saved.length >= count, `${count} saves`),
    exit,
  };
}
