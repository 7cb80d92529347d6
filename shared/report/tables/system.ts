import type { Translator } from '../../i18n/index.js';
import { DEFAULT_THRESHOLDS } from '../../snapshot/health.js';
import type { Snapshot } from '../../snapshot/schema.js';
import {
  columns,
  duration,
  orDash,
  perSecond,
  rate,
  table,
  text,
  worst,
  type Block,
  type ReportSection,
  type Row,
  type Tone,
} from './model.js';

const T = DEFAULT_THRESHOLDS;

/** The tone of a usage share against the health thresholds (same numbers as the health line). */
export function diskTone(percent: number, readOnly = false): Tone | undefined {
  if (readOnly) return undefined;
  return percent >= T.diskCriticalPercent ? 'crit' : percent >= T.diskWarnPercent ? 'warn' : undefined;
}

function offset(min: number): string {
  const a = Math.abs(min);
  return `UTC${min < 0 ? '−' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The key facts: OS, kernel, uptime, CPU, memory and swap, as label/value rows. */
export function factsSection(s: Snapshot, t: Translator): ReportSection {
  const rows: Row[] = [];
  const add = (label: Parameters<Translator['t']>[0], value: string, tone?: Tone): void => {
    rows.push(tone ? { cells: [t.t(label), value], tone } : { cells: [t.t(label), value] });
  };
  const h = s.host;
  if (h) {
    add('report.facts.hostname', h.fqdn && h.fqdn !== h.hostname ? `${h.hostname} (${h.fqdn})` : h.hostname);
    const os = t.t('report.facts.os_value', { name: h.os.name, version: h.os.version });
    add('report.facts.os', h.os.codename ? `${os} (${h.os.codename})` : os);
    add('report.facts.kernel', t.t('report.facts.kernel_value', { kernel: h.kernel, arch: h.arch }));
    add(
      'report.facts.uptime',
      t.t('report.facts.uptime_value', { duration: duration(h.uptime_s, t), boot: t.dateTime(h.boot_time) }),
    );
    const where = [h.virtualization, h.container].filter(Boolean).join(', ');
    if (where) add('report.facts.runs_on', where);
    add('report.facts.timezone', `${h.timezone} (${offset(h.utc_offset_min)})`);
  }
  const c = s.cpu;
  if (c) {
    add(
      'report.facts.cpu',
      t.t('report.facts.cpu_value', { model: c.model, logical: c.logical_cores, physical: c.physical_cores }),
    );
    const load = c.load_1 === null ? t.t('report.dash') : `${c.load_1} / ${c.load_5} / ${c.load_15}`;
    add(
      'report.facts.cpu_usage',
      t.t('report.facts.cpu_usage_value', { usage: t.percent(c.usage_percent), load }),
    );
  }
  const m = s.memory;
  if (m) {
    const used = {
      used: t.bytes(m.used_bytes),
      total: t.bytes(m.total_bytes),
      percent: t.percent(m.used_percent),
    };
    add(
      'report.facts.memory',
      t.t('report.facts.used_value', used),
      m.used_percent >= T.memoryWarnPercent ? 'crit' : undefined,
    );
  }
  const w = s.swap;
  if (w) {
    if (w.total_bytes === 0) add('report.facts.swap', t.t('report.facts.swap_none'));
    else
      add(
        'report.facts.swap',
        t.t('report.facts.used_value', {
          used: t.bytes(w.used_bytes),
          total: t.bytes(w.total_bytes),
          percent: t.percent(w.used_percent),
        }),
        w.used_percent >= T.swapWarnPercent ? 'warn' : undefined,
      );
  }
  const tone = worst(rows.map((r) => r.tone));
  const cols = [{ label: t.t('report.facts.fact') }, { label: t.t('report.facts.value') }];
  const blocks = [table(cols, rows)];
  return { id: 'facts', title: t.t('report.facts.title'), blocks, ...(tone ? { tone } : {}) };
}

/** The CPU section: time breakdown and per-core usage as text (the HTML report adds a chart). */
export function cpuSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const c = s.cpu;
  if (!c) return undefined;
  const p = t.percent;
  const x = c.times;
  const blocks: Block[] = [
    text(
      t.t('report.cpu.times', {
        user: p(x.user + x.nice),
        system: p(x.system + (x.irq ?? 0) + (x.softirq ?? 0)),
        iowait: p(x.iowait),
        steal: p(x.steal),
        idle: p(x.idle),
      }),
    ),
  ];
  blocks.push(
    text(
      c.per_core_percent.length
        ? c.per_core_percent.map((v, n) => t.t('report.cpu.core', { n, value: p(v) })).join(' · ')
        : t.t('report.cpu.no_window'),
      c.per_core_percent.length ? undefined : 'muted',
    ),
  );
  return { id: 'cpu', title: t.t('report.cpu.title'), blocks };
}

/** Filesystems with their use, and block device I/O when a window was sampled. */
export function disksSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const d = s.disks;
  if (!d) return undefined;
  const rows: Row[] = d.filesystems.map((f) => {
    const tone = diskTone(f.used_percent, f.read_only);
    const row: Row = {
      cells: [
        f.mountpoint,
        f.device,
        f.read_only ? `${f.fstype} (${t.t('report.disks.read_only')})` : f.fstype,
        t.bytes(f.used_bytes),
        t.bytes(f.total_bytes),
        t.bytes(f.available_bytes),
        t.percent(f.used_percent),
        t.percent(f.inodes_used_percent),
      ],
      keys: [
        f.mountpoint,
        f.device,
        f.fstype,
        f.used_bytes,
        f.total_bytes,
        f.available_bytes,
        f.used_percent,
        f.inodes_used_percent,
      ],
    };
    if (tone) row.tone = tone;
    return row;
  });
  const blocks: Block[] = rows.length
    ? [table(columns(t, 'mount', 'device', 'type', '#used', '#size', '#free', '#use', '#inodes'), rows)]
    : [text(t.t('report.disks.none'), 'muted')];
  if (d.io.length && d.io.some((i) => i.reads_per_s !== null))
    blocks.push(
      table(
        columns(t, 'device', '#reads', '#writes', '#read_rate', '#write_rate', '#busy'),
        d.io.map((i) => ({
          cells: [
            i.device,
            perSecond(i.reads_per_s, t),
            perSecond(i.writes_per_s, t),
            rate(i.read_bytes_per_s, t),
            rate(i.write_bytes_per_s, t),
            t.percent(i.busy_percent),
          ],
        })),
        t.t('report.disks.io'),
      ),
    );
  const tone = worst(rows.map((r) => r.tone));
  return { id: 'disks', title: t.t('report.disks.title'), blocks, ...(tone ? { tone } : {}) };
}

/** Interfaces (up ones first), the default route and resolvers. */
export function networkSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const n = s.network;
  if (!n) return undefined;
  const ifaces = [...n.interfaces].sort((a, b) => Number(b.up) - Number(a.up));
  const rows: Row[] = ifaces.map((i) => {
    const row: Row = {
      cells: [
        i.name,
        i.type,
        `${t.t(i.up ? 'report.network.up' : 'report.network.down')}${i.speed_mbps ? ` · ${i.speed_mbps} Mb/s` : ''}`,
        i.addresses.map((a) => a.cidr ?? a.address).join(', ') || t.t('report.dash'),
        rate(i.rx_bytes_per_s, t),
        rate(i.tx_bytes_per_s, t),
        t.bytes(i.rx_bytes),
        t.bytes(i.tx_bytes),
        `${t.number(i.rx_errors + i.tx_errors, 0)} / ${t.number(i.rx_dropped + i.tx_dropped, 0)}`,
      ],
    };
    if (!i.up) row.tone = 'muted';
    return row;
  });
  const blocks: Block[] = rows.length
    ? [
        table(
          columns(
            t,
            'interface',
            'type',
            'state',
            'addresses',
            '#rx_rate',
            '#tx_rate',
            '#rx_total',
            '#tx_total',
            '#errors',
          ),
          rows,
        ),
      ]
    : [text(t.t('report.network.none'), 'muted')];
  if (n.default_gateway)
    blocks.push(
      text(
        t.t('report.network.route', { gateway: n.default_gateway, iface: orDash(n.default_interface, t) }),
      ),
    );
  if (n.dns_servers.length)
    blocks.push(text(t.t('report.network.dns', { servers: n.dns_servers.join(', ') })));
  return { id: 'network', title: t.t('report.network.title'), blocks };
}

/** Listening TCP and bound UDP sockets with their owners. */
export function portsSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const p = s.ports;
  if (!p) return undefined;
  const rows: Row[] = p.listening.map((l) => ({
    cells: [l.protocol, l.address, String(l.port), orDash(l.process, t), orDash(l.pid, t)],
  }));
  const blocks: Block[] = rows.length
    ? [table(columns(t, 'protocol', 'address', '#port', 'process', '#pid'), rows)]
    : [text(t.t('report.ports.none'), 'muted')];
  if (!p.owners_visible) blocks.push(text(t.t('report.ports.hidden_owners'), 'muted'));
  return { id: 'ports', title: t.t('report.ports.title'), blocks };
}
