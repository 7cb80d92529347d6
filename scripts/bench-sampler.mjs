// `node scripts/bench-sampler.mjs`: what the live sampler costs. Bundles the Sampler from source with
// esbuild to a temporary file, then runs three child processes side by side for BENCH_SAMPLER_SECONDS
// (default 300): the Sampler at a 1 s interval as `serve` and the app run it (tuneForAllDay(): no
// TurboFan), the same Sampler with V8's defaults (`jit`, the comparison for that choice), and a naive
// systeminformation sampler (currentLoad, mem, networkStats, fsSize, disksIO every 1 s). Each child's CPU time is read from /proc/<pid>/stat
// (utime + stime + cutime + cstime, so the children it spawns count too) between its `ready` and `done`
// lines, i.e. after start-up; RSS is taken every 5 s (split into anonymous and file-backed pages from
// /proc/self/status), the live heap (after a forced GC) at both ends.
// Prints % of one core, RSS and its growth, the RSS trend of the run's second half and the live-heap
// growth, both extrapolated linearly to 30 minutes, and the naive/sampler CPU ratio. Not a test: numbers vary
// with the machine. Targets: ≤ 1 % of one core, RSS ≤ 70 MiB, growth ≤ 5 MiB over 30 min. Exits 1 when
// the sampler misses one. Linux only (it reads /proc). BENCH_SAMPLER_SEQUENTIAL=1 runs them one after
// the other instead, so none disturbs another's measurement.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const MiB = 1024 * 1024;
const RSS_EVERY_MS = 5000;

// ---- child mode: `node bench-sampler.mjs --child sampler|naive <seconds> [bundle] [dataDir]` ----
if (process.argv[2] === '--child') {
  const [, , , kind, secondsArg, bundle, dataDir] = process.argv;
  const seconds = Number(secondsArg);
  let ticks = 0;
  let stop;
  if (kind === 'sampler' || kind === 'jit') {
    const { Sampler, tuneForAllDay } = await import(pathToFileURL(bundle).href);
    if (kind === 'sampler') tuneForAllDay();
    const sampler = new Sampler({ intervalMs: 1000, dataDir });
    sampler.onSample(() => ticks++);
    await sampler.start();
    stop = () => sampler.stop();
  } else {
    const si = (await import('systeminformation')).default;
    let busy = false;
    const tick = async () => {
      if (busy) return; // never overlap, as the Sampler does not
      busy = true;
      try {
        await Promise.all([si.currentLoad(), si.mem(), si.networkStats(), si.fsSize(), si.disksIO()]);
        ticks++;
      } finally {
        busy = false;
      }
    };
    await tick();
    const timer = setInterval(() => void tick(), 1000);
    stop = async () => clearInterval(timer);
  }
  // Let the first ticks settle (JIT, first reads), then measure.
  await new Promise((r) => setTimeout(r, 3000));
  const rss = [];
  // RSS split as the kernel counts it: anonymous (heap, private data) and file-backed (the node binary
  // and libraries paged in as code runs for the first time; shared, clean, droppable by the kernel).
  const split = () => {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { anon: kb('RssAnon'), file: kb('RssFile') };
  };
  // heapTotal: what V8 has committed for its heap (live objects plus room it has not given back);
  // the rest of the anonymous memory is native (malloc arenas, buffers, thread stacks).
  const mark = () => {
    const m = process.memoryUsage();
    rss.push({ t: performance.now(), rss: m.rss, v8: m.heapTotal, ...split() });
  };
  // Live heap after a full collection, at start and end only (so GC is not forced in between): what
  // the process really holds on to, whatever V8 has not returned to the OS yet.
  const liveHeap = () => (globalThis.gc(), process.memoryUsage().heapUsed);
  const heap0 = liveHeap();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ticks0 = ticks;
  mark();
  console.log('ready');
  const rssTimer = setInterval(mark, RSS_EVERY_MS);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(rssTimer);
  mark();
  const cpu = process.cpuUsage(cpu0);
  const elapsedMs = performance.now() - t0;
  const heapGrowth = liveHeap() - heap0;
  const result = { cpuUs: cpu.user + cpu.system, elapsedMs, ticks: ticks - ticks0, rss, heapGrowth };
  console.log('done ' + JSON.stringify(result));
  // Wait for the parent to read /proc/<pid>/stat, then stop.
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await stop();
    process.exit(0);
  });
} else {
  await main();
}

/** utime + stime + cutime + cstime of a live process, in clock ticks. */
function cpuTicks(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the comm: state is field 3 (index 0 here), utime 14, stime 15, cutime 16, cstime 17.
  return [11, 12, 13, 14].reduce((s, i) => s + Number(f[i]), 0);
}

function run(kind, seconds, bundle, dataDir) {
  const args = [
    '--expose-gc',
    new URL(import.meta.url).pathname,
    '--child',
    kind,
    String(seconds),
    bundle ?? '',
    dataDir ?? '',
  ];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    let start;
    let t0;
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`${kind} child exited with ${code}`)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready') {
          start = cpuTicks(child.pid);
          t0 = performance.now();
        } else if (line.startsWith('done ')) {
          const ticks = cpuTicks(child.pid) - start;
          const wallMs = performance.now() - t0;
          child.stdin.end();
          child.on('exit', () => resolve({ kind, procTicks: ticks, wallMs, ...JSON.parse(line.slice(5)) }));
        }
      }
    });
  });
}

function report(r, clk) {
  const procPct = (r.procTicks / clk / (r.wallMs / 1000)) * 100;
  const selfPct = (r.cpuUs / 1000 / r.elapsedMs) * 100;
  const first = r.rss[0].rss;
  const last = r.rss[r.rss.length - 1].rss;
  const max = Math.max(...r.rss.map((x) => x.rss));
  // Least-squares slope of RSS over the second half of the run (the first is V8 sizing its heap),
  // extrapolated linearly to 30 minutes.
  const late = r.rss.slice(Math.floor(r.rss.length / 2));
  const n = late.length;
  const mt = late.reduce((s, x) => s + x.t, 0) / n;
  const mr = late.reduce((s, x) => s + x.rss, 0) / n;
  const num = late.reduce((s, x) => s + (x.t - mt) * (x.rss - mr), 0);
  const den = late.reduce((s, x) => s + (x.t - mt) ** 2, 0) || 1;
  const per30 = (num / den) * 1_800_000;
  const heap30 = (r.heapGrowth / r.elapsedMs) * 1_800_000;
  console.log(
    `${r.kind.padEnd(8)} ${procPct.toFixed(2).padStart(6)} % of one core (own ${selfPct.toFixed(2)} %), ` +
      `${r.ticks} ticks in ${(r.wallMs / 1000).toFixed(0)} s, RSS ${(first / MiB).toFixed(1)} → ` +
      `${(last / MiB).toFixed(1)} MiB (max ${(max / MiB).toFixed(1)}), growth ${((last - first) / MiB).toFixed(2)} MiB, ` +
      `late-half trend ≈ ${(per30 / MiB).toFixed(2)} MiB / 30 min; live heap after GC ` +
      `${(r.heapGrowth / MiB).toFixed(2)} MiB (≈ ${(heap30 / MiB).toFixed(2)} MiB / 30 min)`,
  );
  const a0 = r.rss[0];
  const a1 = r.rss[r.rss.length - 1];
  const native = (x) => x.anon - x.v8;
  console.log(
    `${''.padEnd(8)} of the anonymous growth: V8 heap (committed) ${((a1.v8 - a0.v8) / MiB).toFixed(2)} MiB ` +
      `(${(a0.v8 / MiB).toFixed(1)} → ${(a1.v8 / MiB).toFixed(1)}), native ${((native(a1) - native(a0)) / MiB).toFixed(2)} MiB`,
  );
  console.log(
    `${''.padEnd(8)} of the growth: anonymous ${((a1.anon - a0.anon) / MiB).toFixed(2)} MiB ` +
      `(${(a0.anon / MiB).toFixed(1)} → ${(a1.anon / MiB).toFixed(1)}), file-backed ` +
      `${((a1.file - a0.file) / MiB).toFixed(2)} MiB (${(a0.file / MiB).toFixed(1)} → ${(a1.file / MiB).toFixed(1)})`,
  );
  // RSS at each quarter of the run, to see whether it levels off.
  const quarters = [0.25, 0.5, 0.75, 1].map(
    (q) => r.rss[Math.min(r.rss.length - 1, Math.round(q * (r.rss.length - 1)))],
  );
  console.log(
    `${''.padEnd(8)} RSS by quarter: ${quarters.map((x) => (x.rss / MiB).toFixed(1)).join(' → ')} MiB`,
  );
  return { procPct, max, growth: last - first, per30, heap30 };
}

async function main() {
  const seconds = Number(process.env.BENCH_SAMPLER_SECONDS ?? 300);
  const sequential = process.env.BENCH_SAMPLER_SEQUENTIAL === '1';
  const root = new URL('..', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'ais-bench-sampler-'));
  let clk = 100;
  try {
    clk = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    // 100 on every mainstream Linux.
  }
  try {
    const { build } = await import('esbuild');
    const bundle = join(dir, 'sampler.mjs');
    await build({
      stdin: {
        contents:
          "export { Sampler } from './electron/core/sampler/sampler.ts';\n" +
          "export { tuneForAllDay } from './electron/core/os/all-day.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: bundle,
      external: ['dockerode', 'systeminformation', 'electron'],
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      logLevel: 'warning',
    });
    console.log(`bench-sampler: ${seconds} s at 1 s, ${sequential ? 'one after the other' : 'side by side'}`);
    const children = [
      () => run('sampler', seconds, bundle, join(dir, 'data')),
      () => run('jit', seconds, bundle, join(dir, 'data-jit')),
      () => run('naive', seconds),
    ];
    const runs = [];
    if (sequential) for (const c of children) runs.push(await c());
    else runs.push(...(await Promise.all(children.map((c) => c()))));
    const [s, jit, naive] = runs.map((r) => report(r, clk));
    console.log(`naive / sampler CPU: ${(naive.procPct / s.procPct).toFixed(1)}×`);
    console.log(
      `sampler (no TurboFan) vs jit: CPU ${(s.procPct / jit.procPct).toFixed(2)}×, ` +
        `RSS growth ${(s.growth / MiB).toFixed(2)} vs ${(jit.growth / MiB).toFixed(2)} MiB`,
    );
    const misses = [];
    if (s.procPct > 1) misses.push(`CPU ${s.procPct.toFixed(2)} % > 1 %`);
    if (s.max > 70 * MiB) misses.push(`RSS ${(s.max / MiB).toFixed(1)} MiB > 70 MiB`);
    if (s.per30 > 5 * MiB) misses.push(`RSS trend ${(s.per30 / MiB).toFixed(2)} MiB / 30 min > 5 MiB`);
    // Start-to-end RSS growth, scaled to 30 min: includes V8 growing its heap, which levels off later.
    const raw30 = s.growth * (1800 / seconds);
    if (raw30 > 5 * MiB)
      misses.push(`RSS growth ${(raw30 / MiB).toFixed(2)} MiB / 30 min (start to end) > 5 MiB`);
    if (s.heap30 > 5 * MiB) misses.push(`live heap ${(s.heap30 / MiB).toFixed(2)} MiB / 30 min > 5 MiB`);
    console.log(misses.length ? `MISSED: ${misses.join('; ')}` : 'all targets met');
    process.exitCode = misses.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
