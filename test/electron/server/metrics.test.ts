import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MetricsExporter,
  escapeLabel,
  metricName,
  sampleFamilies,
} from '../../../electron/server/metrics.js';
import type { Sample } from '../../../shared/contract/sample.js';
import { READ_KEY, sample, startTestServer, type TestServer } from './fake.js';
import { bearer, http } from './http.js';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => ts?.close());

/** Parses exposition text into families: name → { type, help, series lines }. */
function parse(text: string): Map<string, { type?: string; help?: string; series: string[] }> {
  const out = new Map<string, { type?: string; help?: string; series: string[] }>();
  const fam = (n: string) => out.get(n) ?? out.set(n, { series: [] }).get(n)!;
  for (const line of text.trimEnd().split('\n')) {
    const m = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (m) {
      if (m[1] === 'HELP') fam(m[2]!).help = m[3];
      else fam(m[2]!).type = m[3];
      continue;
    }
    const name = /^([a-z_:][a-z0-9_:]*)/i.exec(line)![1]!;
    fam(name).series.push(line);
  }
  return out;
}

function richSample(): Sample {
  const s = sample();
  s.cpu.usage_percent = null;
  s.disks.push({ mountpoint: '/mnt/a "quoted"\\dir\nx', used_percent: 12.5, used_bytes: 1, total_bytes: 8 });
  s.disk_io = [{ device: 'sda', read_bytes_per_s: 100, write_bytes_per_s: null }];
  s.containers = {
    running: 1,
    total: 2,
    items: [
      {
        name: 'web',
        image: 'nginx:1',
        state: 'running',
        health: 'healthy',
        restart_count: 2,
        cpu_percent: 150,
        memory_bytes: 1e8,
      },
      {
        name: 'job',
        image: 'busybox',
        state: 'exited',
        health: 'none',
        restart_count: 0,
        cpu_percent: null,
        memory_bytes: null,
      },
    ],
  };
  return s;
}

describe('metric names', () => {
  it('are built in one place: autoinfrasnap_<subsystem>_<name>_<unit>, counters ending in _total', () => {
    expect(metricName('memory', 'used', 'bytes')).toBe('autoinfrasnap_memory_used_bytes');
    expect(metricName('cpu', 'usage', 'ratio')).toBe('autoinfrasnap_cpu_usage_ratio');
    expect(metricName('sampler', 'samples', undefined, true)).toBe('autoinfrasnap_sampler_samples_total');
    expect(metricName('network', 'up')).toBe('autoinfrasnap_network_up');
    for (const bad of ['Memory', 'used-bytes', '', '9x', 'a_'])
      expect(() => metricName(bad, 'x'), bad).toThrow(/bad metric name part/);
  });

  it('escapes label values', () => {
    expect(escapeLabel('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
  });
});

describe('GET /metrics', () => {
  it('renders the last sample with HELP, TYPE, a host label on every series, base units', async () => {
    ts.sampler.tick(richSample());
    const r = await http(ts.server.url, 'GET', '/metrics', { headers: bearer(READ_KEY) });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const fams = parse(r.body);
    for (const [name, f] of fams) {
      expect(name).toMatch(/^autoinfrasnap_[a-z0-9_]+$/);
      expect(f.help, name).toBeTruthy();
      expect(f.type, name).toMatch(/^(gauge|counter)$/);
      expect(name.endsWith('_total'), name).toBe(f.type === 'counter');
      for (const line of f.series) expect(line).toMatch(/\{host="web-1"[,}]/);
    }
    expect(fams.get('autoinfrasnap_memory_used_ratio')!.series).toEqual([
      'autoinfrasnap_memory_used_ratio{host="web-1"} 0.4',
    ]);
    expect(fams.has('autoinfrasnap_cpu_usage_ratio')).toBe(false); // no value yet: no series, no lie
    expect(fams.get('autoinfrasnap_filesystem_used_ratio')!.series).toContain(
      'autoinfrasnap_filesystem_used_ratio{host="web-1",mountpoint="/mnt/a \\"quoted\\"\\\\dir\\nx"} 0.125',
    );
    expect(fams.get('autoinfrasnap_disk_read_bytes_per_second')!.series).toEqual([
      'autoinfrasnap_disk_read_bytes_per_second{host="web-1",device="sda"} 100',
    ]);
    expect(fams.has('autoinfrasnap_disk_written_bytes_per_second')).toBe(false);
    expect(fams.get('autoinfrasnap_container_restarts_total')!.series).toContain(
      'autoinfrasnap_container_restarts_total{host="web-1",name="web"} 2',
    );
    expect(fams.get('autoinfrasnap_container_cpu_usage_ratio')!.series).toEqual([
      'autoinfrasnap_container_cpu_usage_ratio{host="web-1",name="web"} 1.5',
    ]);
    expect(fams.get('autoinfrasnap_host_status')!.series).toContain(
      'autoinfrasnap_host_status{host="web-1",status="ok"} 1',
    );
    expect(r.body).not.toContain('command');
  });

  it('serves the text rendered once per sample: scrapes between samples collect nothing', async () => {
    const s = sample(Date.now());
    ts.sampler.tick(s);
    let alertReads = 0;
    const alerts = ts.backend.alerts;
    ts.backend.alerts = () => {
      alertReads++;
      return alerts();
    };
    try {
      const exporter = new MetricsExporter(ts.backend, { authFailures: () => 0, eventStreams: () => 0 });
      const a = exporter.text();
      const b = exporter.text();
      expect(a).toBe(b);
      expect(alertReads).toBe(1);
      ts.sampler.tick({ ...s, t: s.t + 1000, memory: { ...s.memory, used_percent: 55 } });
      const c = exporter.text()!;
      expect(alertReads).toBe(2);
      expect(c).toContain('autoinfrasnap_memory_used_ratio{host="web-1"} 0.55');
      expect(c).toContain('autoinfrasnap_sampler_samples_total{host="web-1"} 1');
      exporter.close();
    } finally {
      ts.backend.alerts = alerts;
    }
  });

  it('counts refused keys in its own counter', async () => {
    const before = /autoinfrasnap_server_auth_failures_total\{host="web-1"\} (\d+)/.exec(
      (await http(ts.server.url, 'GET', '/metrics', { headers: bearer(READ_KEY) })).body,
    )![1]!;
    expect((await http(ts.server.url, 'GET', '/metrics', { headers: bearer('nope') })).status).toBe(401);
    const after = (await http(ts.server.url, 'GET', '/metrics', { headers: bearer(READ_KEY) })).body;
    expect(after).toContain(`autoinfrasnap_server_auth_failures_total{host="web-1"} ${Number(before) + 1}`);
  });
});

describe('deploy/ files use the metric names the exporter has', () => {
  const known = new Set([
    ...sampleFamilies(richSample(), {
      samples: 1,
      rssBytes: 1,
      status: 'ok',
      firing: { warning: 0, critical: 0 },
      pending: 0,
    }).map((f) => f.name),
    'autoinfrasnap_server_auth_failures_total',
    'autoinfrasnap_server_event_streams',
  ]);
  const namesIn = (text: string): string[] => [...new Set(text.match(/autoinfrasnap_[a-z0-9_]+/g) ?? [])];

  it('the Grafana dashboard is importable JSON whose every query names a real metric', async () => {
    const text = await readFile(
      new URL('../../../deploy/grafana/autoinfrasnap.json', import.meta.url),
      'utf8',
    );
    const dash = JSON.parse(text) as {
      uid: string;
      __inputs: { name: string; pluginId: string }[];
      templating: { list: { name: string }[] };
      panels: { id: number; title: string; targets: { expr: string }[]; datasource: { uid: string } }[];
    };
    expect(dash.uid).toBe('autoinfrasnap-fleet');
    expect(dash.__inputs).toEqual([
      expect.objectContaining({ name: 'DS_PROMETHEUS', pluginId: 'prometheus' }),
    ]);
    expect(dash.templating.list.map((v) => v.name)).toEqual(['host']);
    expect(new Set(dash.panels.map((p) => p.id)).size).toBe(dash.panels.length);
    const exprs = dash.panels.flatMap((p) => p.targets.map((t) => t.expr));
    expect(exprs.length).toBeGreaterThanOrEqual(15);
    for (const p of dash.panels) expect(p.datasource.uid, p.title).toBe('${DS_PROMETHEUS}');
    const used = namesIn(exprs.join('\n'));
    expect(used.length).toBeGreaterThanOrEqual(15);
    for (const n of used) expect(known, n).toContain(n);
  });

  it('the Prometheus rules name real metrics', async () => {
    const text = await readFile(new URL('../../../deploy/autoinfrasnap-rules.yml', import.meta.url), 'utf8');
    const used = namesIn(
      text
        .split('\n')
        .filter((l) => !l.trim().startsWith('#'))
        .join('\n'),
    );
    expect(used.length).toBeGreaterThanOrEqual(4);
    for (const n of used) expect(known, n).toContain(n);
  });
});
