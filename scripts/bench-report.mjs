// `node scripts/bench-report.mjs`: how long rendering the HTML report of this machine's real snapshot
// takes in-process, and how big the page is. Bundles a tiny entry (the real snapshot builder, renderer and
// translator from source) with esbuild to a temporary file and imports it; takes one real snapshot, warms
// up, then times 50 renders per language and prints the medians. Not a test: numbers vary with the machine.
// Targets: a median of at most 100 ms and a page of at most 300 KiB. Exits 1 when a target is missed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 10;
const TARGET_MS = 100;
const TARGET_KIB = 300;
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ais-bench-report-'));

const entry = `
export { takeSnapshot } from './electron/core/snapshot/build.ts';
export { renderSnapshot } from './shared/report/index.ts';
export { createTranslator } from './shared/i18n/index.ts';
export { diffSnapshots } from './shared/diff/diff.ts';
`;

try {
  const outfile = join(dir, 'bench-entry.mjs');
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    // The snapshot's readers load these only on macOS and Windows, or when an engine is configured.
    external: ['dockerode', 'systeminformation', 'electron'],
    // An ESM bundle of CommonJS dependencies needs a require of its own.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'warning',
  });
  const { takeSnapshot, renderSnapshot, createTranslator, diffSnapshots } = await import(
    pathToFileURL(outfile).href
  );

  const snapshot = await takeSnapshot({
    windowMs: 500,
    topN: 15,
    redaction: { enabled: true },
    version: 'bench',
  });
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };

  let ok = true;
  console.log(`bench-report: ${RUNS} renders after ${WARMUP} warm-up, this machine's snapshot (top 15)`);
  for (const lang of ['en', 'ko']) {
    // A new translator per render, as the CLI makes one per run: its cost is part of rendering.
    const render = () => renderSnapshot(snapshot, 'html', { t: createTranslator(lang), color: false });
    for (let i = 0; i < WARMUP; i++) await render();
    const times = [];
    let html = '';
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      html = await render();
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    const kib = Buffer.byteLength(html) / 1024;
    const verdict = ms <= TARGET_MS && kib <= TARGET_KIB ? 'ok' : 'OVER TARGET';
    if (verdict !== 'ok') ok = false;
    console.log(
      `  html ${lang}: median ${ms.toFixed(2)} ms (min ${Math.min(...times).toFixed(2)}, max ` +
        `${Math.max(...times).toFixed(2)}) · ${kib.toFixed(1)} KiB · targets ≤ ${TARGET_MS} ms, ≤ ${TARGET_KIB} KiB: ${verdict}`,
    );
    if (lang === 'en' && process.env.BENCH_REPORT_OUT) writeFileSync(process.env.BENCH_REPORT_OUT, html);
  }
  // Diff of two real snapshots of this machine, taken a moment apart (target ≤ 20 ms).
  const later = await takeSnapshot({
    windowMs: 500,
    topN: 15,
    redaction: { enabled: true },
    version: 'bench',
  });
  for (let i = 0; i < WARMUP; i++) diffSnapshots(snapshot, later);
  const diffTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    diffSnapshots(snapshot, later);
    diffTimes.push(performance.now() - t0);
  }
  const diffMs = median(diffTimes);
  if (diffMs > 20) ok = false;
  console.log(
    `  diff of two real snapshots: median ${diffMs.toFixed(2)} ms · target ≤ 20 ms: ${diffMs <= 20 ? 'ok' : 'OVER TARGET'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
