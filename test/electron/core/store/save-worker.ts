// Child process for the concurrency and crash tests (bundled by helpers.ts, run with plain node).
// Usage: node save-worker.mjs <store dir> <count> <hostname> [--wait | --small]
//   Prints "ready", waits for a line on stdin when --wait is given (so two workers start together),
//   then saves <count> typical snapshots (minimal ones with --small, so that a loop of saves spends
//   its time in file operations), printing "saved <id>" after each save has returned.
// Or:    node save-worker.mjs --increment <counter file> <count> [--wait]
//   Adds 1 to the number in <counter file> <count> times, each read-modify-write under withLock.
import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { withLock } from '../../../../electron/core/store/lock.js';
import { SnapshotStore } from '../../../../electron/core/store/store.js';
import { makeSnapshot, makeTypicalSnapshot } from './factory.js';

async function ready(wait: string | undefined): Promise<void> {
  process.stdout.write('ready\n');
  if (wait !== '--wait') return;
  const rl = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => rl.once('line', () => resolve()));
  rl.close();
  process.stdin.destroy();
}

async function increment(file: string, count: number, wait: string | undefined): Promise<void> {
  await ready(wait);
  for (let i = 0; i < count; i++) {
    await withLock(`${file}.lock`, async () => {
      const n = Number(await readFile(file, 'utf8').catch(() => '0'));
      // Yield between read and write so an unprotected update would interleave with the other process.
      await new Promise((r) => setImmediate(r));
      await writeFile(file, String(n + 1));
    });
  }
}

async function main(): Promise<void> {
  const [dir, countText, hostname, wait] = process.argv.slice(2);
  if (dir === '--increment') return increment(countText ?? '', Number(hostname), wait);
  if (!dir || !countText || !hostname)
    throw new Error('usage: save-worker <dir> <count> <hostname> [--wait | --small]');
  const store = new SnapshotStore(dir);
  await ready(wait);
  for (let i = 0; i < Number(countText); i++) {
    const snapshot = wait === '--small' ? makeSnapshot({ hostname }) : makeTypicalSnapshot(i + 1);
    if (snapshot.host) snapshot.host.hostname = hostname;
    const entry = await store.save(snapshot);
    process.stdout.write(`saved ${entry.id}\n`);
  }
}

// No process.exit on success: stdout may still be flushing to the pipe (it is async on Windows).
main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
