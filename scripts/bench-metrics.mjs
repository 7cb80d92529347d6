// `node scripts/bench-metrics.mjs`: what a Prometheus scrape of `autoinfrasnap serve` costs, side by side
// with Debian's prometheus-node-exporter in one run. Starts both on loopback, warms each up, then
// times BENCH_METRICS_ROUNDS (default 200) scrapes of each in interleaved order over keep-alive
// connections (as Prometheus scrapes), serve with a read key as bearer token; prints medians, p90s and
// the ratio. Then keeps scraping serve once a second for BENCH_METRICS_RSS_SECONDS (default 60) and
// reads its RSS from /proc every 2 s: "steady" is the median of the second half. Targets: serve's
// median ≤ 0.5× node_exporter's, steady RSS ≤ 90 MiB. Exits 1 when one is missed, 2 when
// prometheus-node-exporter is missing (apt-get install prometheus-node-exporter) — serve's numbers are
// still printed. Not a test: numbers vary with the machine. BENCH_CLI=path runs another build's
// launcher (e.g. one built with AIS_CLI_OUTDIR while tests rebuild dist/cli). Linux only (/proc).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_METRICS_ROUNDS ?? 200);
const RSS_SECONDS = Number(process.env.BENCH_METRICS_RSS_SECONDS ?? 60);
const WARMUP = 20;
const TARGET_RATIO = 0.5;
const TARGET_RSS_MIB = 90;
const MiB = 1024 * 1024;
const root = new URL('..', import.meta.url).pathname;
const cli = process.env.BENCH_CLI ?? join(root, 'bin/autoinfrasnap.js');
const EXPORTER = ['/usr/bin/prometheus-node-exporter', '/usr/bin/node_exporter'].find((p) => existsSync(p));

if (!existsSync(cli)) {
  console.log(`bench-metrics: ${cli} is missing; run npm run build:cli first`);
  process.exit(2);
}
if (process.platform !== 'linux') {
  console.log('bench-metrics: Linux only (RSS is read from /proc)');
  process.exit(2);
}

const children = [];
const dir = mkdtempSync(join(tmpdir(), 'ais-bench-metrics-'));
/** Stops every child (SIGTERM; SIGKILL after 10 s) and waits for it before removing the folder. */
const cleanup = async () => {
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          const hard = setTimeout(() => c.kill('SIGKILL'), 10_000);
          c.once('exit', () => {
            clearTimeout(hard);
            resolve();
          });
          c.kill('SIGTERM');
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** One GET over `agent`: the wall time until the whole body is in, and the status. */
function scrape(url, agent, headers = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = request(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (d) => (bytes += d.length));
      res.on('end', () =>
        resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode, bytes }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(fn, what, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await fn()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${what} did not come up within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs) => pct(xs, 50);
const rssOf = (pid) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

let failed = false;
try {
  // ---- serve, with a read key as Prometheus would have ----
  const env = { ...process.env, NO_COLOR: '1', HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') };
  delete env.AUTOINFRASNAP_API_KEY;
  const data = join(dir, 'data');
  const made = spawnSync(
    process.execPath,
    [cli, 'serve', '--data-dir', data, '--new-key', 'bench', '--scope', 'read'],
    {
      env,
      encoding: 'utf8',
    },
  );
  if (made.status !== 0) throw new Error(`serve --new-key failed: ${made.stderr}`);
  const key = made.stdout.trim();
  const servePort = await freePort();
  const serve = spawn(process.execPath, [cli, 'serve', '--port', String(servePort), '--data-dir', data], {
    env: { ...env, AUTOINFRASNAP_API_KEY: `bench-admin-${process.pid}-${Date.now()}` },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  children.push(serve);
  const serveUrl = `http://127.0.0.1:${servePort}/metrics`;
  const auth = { authorization: `Bearer ${key}` };
  const serveAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  await waitFor(async () => (await scrape(serveUrl, serveAgent, auth)).status === 200, 'serve /metrics');

  // ---- node_exporter, Debian's package, default collectors ----
  let nodeUrl = null;
  const nodeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  if (EXPORTER) {
    const port = await freePort();
    const ne = spawn(EXPORTER, [`--web.listen-address=127.0.0.1:${port}`], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    children.push(ne);
    nodeUrl = `http://127.0.0.1:${port}/metrics`;
    await waitFor(async () => (await scrape(nodeUrl, nodeAgent)).status === 200, 'prometheus-node-exporter');
  } else {
    console.log(
      'bench-metrics: prometheus-node-exporter is NOT installed, so there is no baseline to compare with;\n' +
        '               install it with: apt-get install prometheus-node-exporter',
    );
  }

  for (let i = 0; i < WARMUP; i++) {
    await scrape(serveUrl, serveAgent, auth);
    if (nodeUrl) await scrape(nodeUrl, nodeAgent);
  }
  const times = { serve: [], node: [] };
  let sizes = { serve: 0, node: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate who goes first, so drift on the machine hits both alike.
    const order = i % 2 === 0 ? ['serve', 'node'] : ['node', 'serve'];
    for (const who of order) {
      if (who === 'node' && !nodeUrl) continue;
      const r = who === 'serve' ? await scrape(serveUrl, serveAgent, auth) : await scrape(nodeUrl, nodeAgent);
      if (r.status !== 200) throw new Error(`${who} answered ${r.status}`);
      times[who].push(r.ms);
      sizes[who] = r.bytes;
    }
  }
  const row = (name, xs, bytes) =>
    console.log(
      `${name.padEnd(34)} median ${median(xs).toFixed(2).padStart(7)} ms   p90 ${pct(xs, 90).toFixed(2).padStart(7)} ms   ${(bytes / 1024).toFixed(1)} KiB`,
    );
  console.log(`/metrics latency, ${ROUNDS} interleaved scrapes each (keep-alive, loopback):`);
  row('autoinfrasnap serve', times.serve, sizes.serve);
  if (nodeUrl) {
    row('prometheus-node-exporter (Debian)', times.node, sizes.node);
    const ratio = median(times.serve) / median(times.node);
    const ok = ratio <= TARGET_RATIO;
    failed ||= !ok;
    console.log(
      `ratio serve / node_exporter: ${ratio.toFixed(3)}× (target ≤ ${TARGET_RATIO}×) ${ok ? 'OK' : 'MISSED'}`,
    );
  }

  // ---- serve's steady RSS while being scraped every second ----
  const rss = [];
  const t0 = Date.now();
  let next = t0;
  while (Date.now() - t0 < RSS_SECONDS * 1000) {
    await scrape(serveUrl, serveAgent, auth);
    if (Date.now() >= next) {
      rss.push(rssOf(serve.pid));
      next += 2000;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const steady = median(rss.slice(Math.floor(rss.length / 2)));
  const ok = steady <= TARGET_RSS_MIB * MiB;
  failed ||= !ok;
  console.log(
    `serve RSS over ${RSS_SECONDS} s of 1 s scrapes: steady ${(steady / MiB).toFixed(1)} MiB (median of the second half), ` +
      `max ${(Math.max(...rss) / MiB).toFixed(1)} MiB (target ≤ ${TARGET_RSS_MIB} MiB) ${ok ? 'OK' : 'MISSED'}`,
  );
  serveAgent.destroy();
  nodeAgent.destroy();
  if (!nodeUrl) process.exitCode = 2;
} catch (e) {
  console.log(`bench-metrics: ${e.message}`);
  process.exitCode = 2;
} finally {
  await cleanup();
}
if (failed && process.exitCode === undefined) process.exitCode = 1;
