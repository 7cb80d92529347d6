// `npm run bench`: speed and memory of the CLI against baselines run in the same process group, in
// interleaved rounds so drift on the machine hits every command alike. Prints medians and ratios and
// whether each target of the issue holds. Not a test: numbers vary with the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const root = new URL('..', import.meta.url).pathname;
const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });

if (!existsSync(join(root, 'dist/cli/index.js'))) sh('npm', ['run', 'build:cli'], { stdio: 'inherit' });
// The baselines are Debian packages: time and python3-psutil (the floor script) and, for the /metrics
// bench, prometheus-node-exporter. Install what is missing.
const debs = [];
if (!existsSync('/usr/bin/time')) debs.push('time');
if (sh('/usr/bin/python3', ['-c', 'import psutil']).status !== 0) debs.push('python3-psutil');
if (process.env.BENCH_METRICS !== '0' && !existsSync('/usr/bin/prometheus-node-exporter'))
  debs.push('prometheus-node-exporter');
if (debs.length) {
  console.log(`bench: installing the Debian packages the baselines need: ${debs.join(', ')}`);
  sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...debs], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

// BENCH_CLI=path runs another build's launcher (e.g. one built with AIS_CLI_OUTDIR while tests rebuild
// dist/cli); BENCH_REPORT=0 and BENCH_SAMPLER=0 skip the in-process report and the sampler benches.
const cli = process.env.BENCH_CLI ?? 'bin/autoinfrasnap.js';
const store = mkdtempSync(join(tmpdir(), 'ais-bench-'));
const env = { ...process.env, NO_COLOR: '1' };
const cases = {
  'node -e 0': ['node', ['-e', '0']],
  'autoinfrasnap --help': ['node', [cli, '--help']],
  'psutil floor (python3)': ['/usr/bin/python3', ['scripts/bench/psutil_floor.py']],
  'autoinfrasnap snap --window 0 --format json -o /dev/null': [
    'node',
    [cli, 'snap', '--window', '0', '--format', 'json', '-o', '/dev/null', '--store', store],
  ],
};
if (process.env.BENCH_NAIVE !== '0')
  cases['naive systeminformation (reference)'] = ['node', ['scripts/bench/si-naive.mjs']];

/** One run under GNU time: wall from our clock, peak RSS (KiB) and CPU seconds from the kernel's rusage. */
function measure([cmd, args]) {
  const t0 = performance.now();
  const r = sh('/usr/bin/time', ['-f', '@@%M %U %S', cmd, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wall = (performance.now() - t0) / 1000;
  const m = /@@(\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { wall, rssMiB: Number(m[1]) / 1024, cpu: Number(m[2]) + Number(m[3]) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const results = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) measure(c); // warm the page cache once
const rounds = (name) => (name.startsWith('naive') ? Math.min(5, ROUNDS) : ROUNDS);
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, c] of Object.entries(cases)) if (i < rounds(name)) results[name].push(measure(c));
}

const row = (name) => {
  const r = results[name];
  return {
    wall: median(r.map((x) => x.wall)),
    cpu: median(r.map((x) => x.cpu)),
    rss: Math.max(...r.map((x) => x.rssMiB)),
  };
};
console.log(`\nmedians of ${ROUNDS} interleaved runs (peak RSS is the max over runs)\n`);
console.log(
  `${'command'.padEnd(58)} ${'wall s'.padStart(7)} ${'cpu s'.padStart(7)} ${'peak MiB'.padStart(9)}`,
);
const rows = Object.fromEntries(Object.keys(cases).map((k) => [k, row(k)]));
for (const [k, r] of Object.entries(rows))
  console.log(
    `${k.padEnd(58)} ${r.wall.toFixed(3).padStart(7)} ${r.cpu.toFixed(3).padStart(7)} ${r.rss.toFixed(1).padStart(9)}`,
  );

// Size of one compressed snapshot with the default 1 s window (what the store keeps).
sh('node', [cli, 'snap', '--store', store], { env, stdio: 'ignore' });
const files = [];
const walk = (d) =>
  readdirSync(d, { withFileTypes: true }).forEach((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name)),
  );
walk(store);
const newest = files
  .filter((f) => f.endsWith('.json.gz'))
  .map((f) => ({ f, t: statSync(f).mtimeMs }))
  .sort((a, b) => b.t - a.t)[0];
const json = sh('node', [cli, 'show', 'latest', '--format', 'json', '--store', store], {
  env,
}).stdout;
const storedKiB = newest ? statSync(newest.f).size / 1024 : NaN;
rmSync(store, { recursive: true, force: true });

const snap = rows['autoinfrasnap snap --window 0 --format json -o /dev/null'];
const floor = rows['psutil floor (python3)'];
const checks = [
  ['snap wall / psutil floor', snap.wall / floor.wall, 2.0, '×'],
  ['snap peak RSS', snap.rss, 80, ' MiB'],
  ['--help wall / node -e 0', rows['autoinfrasnap --help'].wall / rows['node -e 0'].wall, 1.3, '×'],
  ['stored snapshot (gzip)', storedKiB, 64, ' KiB'],
];
console.log(
  `\nsnapshot JSON ${(json.length / 1024).toFixed(0)} KiB, gzip -9 ${(gzipSync(json, { level: 9 }).length / 1024).toFixed(1)} KiB\n`,
);
for (const [what, v, max, unit] of checks)
  console.log(
    `${v <= max ? 'ok  ' : 'MISS'} ${what.padEnd(28)} ${v.toFixed(2)}${unit} (target ≤ ${max}${unit})`,
  );
if (rows['naive systeminformation (reference)'])
  console.log(
    `\nnaive systeminformation / psutil floor: ${(rows['naive systeminformation (reference)'].wall / floor.wall).toFixed(1)}×`,
  );

// In-process speed of the reports and the diff (issue targets: HTML ≤ 100 ms and ≤ 300 KiB, diff ≤ 20 ms).
if (process.env.BENCH_REPORT !== '0') {
  console.log('');
  sh('node', ['scripts/bench-report.mjs'], { stdio: 'inherit' });
}

// The live sampler's own cost at a 1 s interval beside a naive systeminformation poller (issue targets:
// ≤ 1 % of one core, RSS ≤ 70 MiB). BENCH_SAMPLER_SECONDS sets the duration (default here 60 s).
if (process.env.BENCH_SAMPLER !== '0') {
  console.log('');
  sh('node', ['scripts/bench-sampler.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_SAMPLER_SECONDS: process.env.BENCH_SAMPLER_SECONDS ?? '60' },
  });
}

// The headless server's /metrics latency beside Debian's prometheus-node-exporter and its steady RSS
// (issue targets: ≤ 0.5× node_exporter's median, ≤ 90 MiB). BENCH_METRICS=0 skips it.
if (process.env.BENCH_METRICS !== '0') {
  console.log('');
  sh('node', ['scripts/bench-metrics.mjs'], { stdio: 'inherit' });
}

// Uploading 100 snapshots to a local S3 endpoint (s3rver) with and without client-side encryption
// (issue target: encryption adds ≤ 10 %). BENCH_S3=0 skips it.
if (process.env.BENCH_S3 !== '0') {
  console.log('');
  sh('node', ['scripts/bench-s3.mjs'], { stdio: 'inherit' });
}

// How long a sample takes from the sampler to the painted screen, in Chromium against a real serve
// (issue target: ≤ 1 s). Needs /usr/bin/chromium. BENCH_UI=0 skips it.
if (process.env.BENCH_UI !== '0') {
  console.log('');
  sh('node', ['scripts/bench-ui.mjs'], { stdio: 'inherit' });
}
