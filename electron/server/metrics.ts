import type { Sample } from '../../shared/contract/sample.js';
import { VERSION } from '../core/version.js';
import type { Backend } from './backend.js';

/** The Prometheus text exposition format's content type. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Base units (Prometheus naming: base units only, ratios 0–1 rather than percent). */
export type MetricUnit = 'bytes' | 'ratio' | 'seconds' | 'celsius' | 'bytes_per_second';

const PART = /^[a-z][a-z0-9_]*[a-z0-9]$|^[a-z]$/;

/**
 * The one place metric names are made: `autoinfrasnap_<subsystem>_<name>_<unit>`, and `_total` after
 * it for counters. Parts are lower snake case; a bad part is a programming error.
 */
export function metricName(subsystem: string, name: string, unit?: MetricUnit, counter = false): string {
  for (const p of [subsystem, name]) if (!PART.test(p)) throw new Error(`bad metric name part "${p}"`);
  return ['autoinfrasnap', subsystem, name, ...(unit ? [unit] : []), ...(counter ? ['total'] : [])].join('_');
}

type Labels = Record<string, string>;
type Series = [Labels, number | null | undefined];

/** One metric family: name, type, help and its series for one sample. */
interface Family {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  series: Series[];
}

/** Escapes a label value (backslash, double quote, newline). */
export function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** Renders families in the text format: HELP and TYPE once per family, then its series. */
export function renderFamilies(families: readonly Family[], common: Labels): string {
  const commonText = Object.entries(common).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  let out = '';
  for (const f of families) {
    const lines: string[] = [];
    for (const [labels, value] of f.series) {
      if (value === null || value === undefined) continue;
      const l = [...commonText, ...Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`)];
      lines.push(`${f.name}${l.length ? `{${l.join(',')}}` : ''} ${formatValue(value)}`);
    }
    if (lines.length === 0) continue;
    out += `# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${f.name} ${f.type}\n`;
    out += `${lines.join('\n')}\n`;
  }
  return out;
}

const ratio = (pct: number | null): number | null => (pct === null ? null : Number((pct / 100).toFixed(6)));
const bool = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);
const gauge = (name: string, help: string, series: Series[]): Family => ({
  name,
  type: 'gauge',
  help,
  series,
});

/** What the exporter adds to a sample: counts it keeps itself and the alert state. */
export interface ExportState {
  samples: number;
  rssBytes: number;
  status: 'ok' | 'warning' | 'critical' | 'paused';
  firing: { warning: number; critical: number };
  pending: number;
}

/** The metric families of one sample (every name built by metricName). */
export function sampleFamilies(s: Sample, st: ExportState): Family[] {
  const f: Family[] = [
    gauge(metricName('build', 'info'), 'Version of the AutoInfraSnap agent; always 1.', [
      [{ version: VERSION }, 1],
    ]),
    gauge(metricName('host', 'status'), 'Overall status from the alert engine: 1 for the current status.', [
      ...(['ok', 'warning', 'critical', 'paused'] as const).map((x): Series => [
        { status: x },
        st.status === x ? 1 : 0,
      ]),
    ]),
    gauge(
      metricName('sampler', 'last_sample_timestamp', 'seconds'),
      'When the last sample was taken (Unix time).',
      [[{}, s.t / 1000]],
    ),
    gauge(metricName('sampler', 'interval', 'seconds'), 'Seconds between samples at the current rate.', [
      [{}, s.interval_ms / 1000],
    ]),
    {
      name: metricName('sampler', 'samples', undefined, true),
      type: 'counter',
      help: 'Samples taken since the server started.',
      series: [[{}, st.samples]],
    },
    gauge(
      metricName('server', 'resident_memory', 'bytes'),
      'Resident memory of the AutoInfraSnap server process.',
      [[{}, st.rssBytes]],
    ),
    gauge(metricName('cpu', 'usage', 'ratio'), 'CPU busy time over the last interval, all cores (0-1).', [
      [{}, ratio(s.cpu.usage_percent)],
    ]),
    gauge(
      metricName('cpu', 'core_usage', 'ratio'),
      'CPU busy time over the last interval, per core (0-1).',
      s.cpu.per_core_percent.map((p, i): Series => [{ core: String(i) }, ratio(p)]),
    ),
    gauge(metricName('cpu', 'load_average'), 'System load average over 1, 5 and 15 minutes.', [
      [{ period: '1m' }, s.cpu.load_1],
      [{ period: '5m' }, s.cpu.load_5],
      [{ period: '15m' }, s.cpu.load_15],
    ]),
    gauge(metricName('memory', 'used', 'bytes'), 'Memory in use (total minus available).', [
      [{}, s.memory.used_bytes],
    ]),
    gauge(metricName('memory', 'size', 'bytes'), 'Installed memory.', [[{}, s.memory.total_bytes]]),
    gauge(metricName('memory', 'used', 'ratio'), 'Memory in use (0-1).', [
      [{}, ratio(s.memory.used_percent)],
    ]),
    gauge(metricName('swap', 'used', 'bytes'), 'Swap in use.', [[{}, s.swap.used_bytes]]),
    gauge(metricName('swap', 'size', 'bytes'), 'Swap space.', [[{}, s.swap.total_bytes]]),
    gauge(metricName('swap', 'used', 'ratio'), 'Swap in use (0-1).', [[{}, ratio(s.swap.used_percent)]]),
    gauge(
      metricName('filesystem', 'used', 'bytes'),
      'Space in use per mounted filesystem.',
      s.disks.map((d): Series => [{ mountpoint: d.mountpoint }, d.used_bytes]),
    ),
    gauge(
      metricName('filesystem', 'size', 'bytes'),
      'Size per mounted filesystem.',
      s.disks.map((d): Series => [{ mountpoint: d.mountpoint }, d.total_bytes]),
    ),
    gauge(
      metricName('filesystem', 'used', 'ratio'),
      'Space in use per mounted filesystem (0-1).',
      s.disks.map((d): Series => [{ mountpoint: d.mountpoint }, ratio(d.used_percent)]),
    ),
    gauge(
      metricName('disk', 'read', 'bytes_per_second'),
      'Bytes read per second per block device over the last interval.',
      s.disk_io.map((d): Series => [{ device: d.device }, d.read_bytes_per_s]),
    ),
    gauge(
      metricName('disk', 'written', 'bytes_per_second'),
      'Bytes written per second per block device over the last interval.',
      s.disk_io.map((d): Series => [{ device: d.device }, d.write_bytes_per_s]),
    ),
    gauge(
      metricName('network', 'receive', 'bytes_per_second'),
      'Bytes received per second per interface over the last interval.',
      s.network.map((n): Series => [{ interface: n.name }, n.rx_bytes_per_s]),
    ),
    gauge(
      metricName('network', 'transmit', 'bytes_per_second'),
      'Bytes sent per second per interface over the last interval.',
      s.network.map((n): Series => [{ interface: n.name }, n.tx_bytes_per_s]),
    ),
    gauge(
      metricName('network', 'up'),
      'Whether the interface is up (1) or down (0).',
      s.network.map((n): Series => [{ interface: n.name }, bool(n.up)]),
    ),
    gauge(metricName('processes', 'live'), 'Processes that exist now.', [[{}, s.processes.total]]),
    gauge(metricName('processes', 'zombies'), 'Zombie processes (exited, not reaped by their parent).', [
      [{}, s.processes.zombies],
    ]),
    gauge(metricName('sensors', 'temperature_max', 'celsius'), 'Hottest temperature sensor.', [
      [{}, s.sensors.max_celsius],
    ]),
    gauge(metricName('battery', 'charge', 'ratio'), 'Battery charge (0-1).', [
      [{}, ratio(s.sensors.battery_percent)],
    ]),
    gauge(metricName('battery', 'charging'), 'Whether the battery is charging (1) or not (0).', [
      [{}, bool(s.sensors.charging)],
    ]),
    gauge(metricName('alerts', 'firing'), 'Alerts firing now, by severity.', [
      [{ severity: 'warning' }, st.firing.warning],
      [{ severity: 'critical' }, st.firing.critical],
    ]),
    gauge(metricName('alerts', 'pending'), 'Alerts whose condition holds but not yet for long enough.', [
      [{}, st.pending],
    ]),
  ];
  const c = s.containers;
  if (c) {
    const items = c.items;
    f.push(
      gauge(metricName('containers', 'running'), 'Containers running.', [[{}, c.running]]),
      gauge(metricName('containers', 'defined'), 'Containers the engine knows, running or not.', [
        [{}, c.total],
      ]),
      gauge(
        metricName('container', 'running'),
        'Whether the container is running (1) or not (0).',
        items.map((i): Series => [
          { name: i.name, image: i.image, state: i.state },
          i.state === 'running' ? 1 : 0,
        ]),
      ),
      gauge(
        metricName('container', 'health_status'),
        "The container's health check result: 1 for the current one.",
        items.flatMap((i) =>
          (['healthy', 'unhealthy', 'starting', 'none'] as const).map((h): Series => [
            { name: i.name, status: h },
            i.health === h ? 1 : 0,
          ]),
        ),
      ),
      {
        name: metricName('container', 'restarts', undefined, true),
        type: 'counter',
        help: 'Restarts of the container counted by the engine.',
        series: items.map((i): Series => [{ name: i.name }, i.restart_count]),
      },
      gauge(
        metricName('container', 'cpu_usage', 'ratio'),
        'CPU used by the container, in cores (1 = one core busy).',
        items.map((i): Series => [{ name: i.name }, ratio(i.cpu_percent)]),
      ),
      gauge(
        metricName('container', 'memory_used', 'bytes'),
        'Memory used by the container.',
        items.map((i): Series => [{ name: i.name }, i.memory_bytes]),
      ),
    );
  }
  return f;
}

/** Counters and gauges of the server itself, read at scrape time (a few numbers, no collection). */
export interface ServerCounters {
  authFailures(): number;
  eventStreams(): number;
}

/**
 * `GET /metrics`: renders the last sample once and serves that text to every scrape until the next
 * sample or alert change; nothing is collected on the scrape path. The server's own two counters are
 * appended per scrape.
 */
export class MetricsExporter {
  private samples = 0;
  private rss = 0;
  private version = 0;
  private cached: { sample: Sample; version: number; text: string } | null = null;
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly backend: Backend,
    private readonly counters: ServerCounters,
  ) {
    this.unsubscribe = [
      backend.onSample(() => {
        this.samples++;
        // The process's own RSS goes with each sample, read once per sample rather than per scrape.
        this.rss = process.memoryUsage.rss();
      }),
      backend.onAlert(() => void this.version++),
      backend.onStatus(() => void this.version++),
    ];
  }

  /** The exposition text, or null before the first sample. */
  text(): string | null {
    const s = this.backend.latest();
    if (!s) return null;
    const c = this.cached;
    let body: string;
    if (c && c.sample === s && c.version === this.version) body = c.text;
    else {
      body = this.render(s);
      this.cached = { sample: s, version: this.version, text: body };
    }
    return body + this.serverPart(s.host);
  }

  /** Stops listening to the backend. */
  close(): void {
    for (const u of this.unsubscribe) u();
  }

  private render(s: Sample): string {
    const active = this.backend.alerts().active;
    const firing = { warning: 0, critical: 0 };
    let pending = 0;
    for (const a of active) {
      if (a.state === 'firing') firing[a.severity]++;
      else if (a.state === 'pending') pending++;
    }
    const state: ExportState = {
      samples: Math.max(this.samples, 1),
      rssBytes: this.rss || process.memoryUsage.rss(),
      status: this.backend.status().status,
      firing,
      pending,
    };
    return renderFamilies(sampleFamilies(s, state), { host: s.host });
  }

  private serverPart(host: string): string {
    return renderFamilies(
      [
        {
          name: metricName('server', 'auth_failures', undefined, true),
          type: 'counter',
          help: 'Requests refused for a missing, wrong or revoked key since the server started.',
          series: [[{}, this.counters.authFailures()]],
        },
        gauge(metricName('server', 'event_streams'), 'Open live event streams (dashboards watching).', [
          [{}, this.counters.eventStreams()],
        ]),
      ],
      { host },
    );
  }
}
