import type { MessageKey, Translator } from '../../i18n/index.js';
import { DEFAULT_THRESHOLDS } from '../../snapshot/health.js';
import type { ProcessInfo } from '../../snapshot/metrics/processes.js';
import type { Snapshot } from '../../snapshot/schema.js';
import { truncate } from '../escape.js';
import {
  columns,
  windowSeconds,
  orDash,
  table,
  text,
  worst,
  yesNo,
  type Block,
  type Column,
  type ReportSection,
  type Row,
  type Tone,
} from './model.js';

const STATES = ['running', 'sleeping', 'disk_sleep', 'idle', 'stopped', 'zombie', 'other'] as const;

/** Columns of a process table (both top lists and the HTML's searchable table). */
export function processColumns(t: Translator): Column[] {
  return columns(t, '#pid', 'name', 'user', '#cpu', '#memory', '#rss', '#threads', 'command');
}

/** One row per process; the command is cut to `commandMax` characters (secrets are already redacted). */
export function processRows(list: readonly ProcessInfo[], t: Translator, commandMax: number): Row[] {
  return list.map((p) => {
    const row: Row = {
      cells: [
        String(p.pid),
        p.name,
        orDash(p.user, t),
        t.percent(p.cpu_percent),
        t.percent(p.memory_percent),
        t.bytes(p.rss_bytes),
        p.threads === null ? t.t('report.dash') : t.number(p.threads, 0),
        truncate(p.command || p.name, commandMax),
      ],
      keys: [p.pid, p.name, p.user, p.cpu_percent, p.memory_percent, p.rss_bytes, p.threads, p.command],
    };
    if (p.cpu_percent >= DEFAULT_THRESHOLDS.hotProcessPercent) row.tone = 'warn';
    return row;
  });
}

/** The processes section's text: totals by state, what CPU % means, zombies. */
export function processNotes(s: Snapshot, t: Translator): Block[] {
  const p = s.processes;
  if (!p) return [];
  const states = STATES.filter((k) => (p.by_state[k] ?? 0) > 0)
    .map((k) => `${t.t(`report.processes.state.${k}`)} ${t.number(p.by_state[k] ?? 0, 0)}`)
    .join(', ');
  const threads = p.threads_total === null ? t.t('report.dash') : t.number(p.threads_total, 0);
  const blocks = [
    text(t.t('report.processes.summary', { total: t.number(p.total, 0), threads, states })),
    text(
      p.cpu_basis === 'window'
        ? t.t('report.processes.basis_window', { window: windowSeconds(s.window_ms, t) })
        : t.t('report.processes.basis_lifetime'),
      'muted',
    ),
  ];
  if (p.zombies.length)
    blocks.push(
      text(
        t.t('report.processes.zombies', { list: p.zombies.map((z) => `${z.name} (${z.pid})`).join(', ') }),
        'warn',
      ),
    );
  return blocks;
}

/** Processes: totals, then the top lists by CPU and by memory. */
export function processesSection(s: Snapshot, t: Translator, commandMax = 100): ReportSection | undefined {
  const p = s.processes;
  if (!p) return undefined;
  const cpu = processRows(p.top_cpu, t, commandMax);
  const blocks = [
    ...processNotes(s, t),
    table(processColumns(t), cpu, t.t('report.processes.top_cpu')),
    table(processColumns(t), processRows(p.top_memory, t, commandMax), t.t('report.processes.top_memory')),
  ];
  const tone = worst([...cpu.map((r) => r.tone), p.zombies.length ? 'warn' : undefined]);
  return { id: 'processes', title: t.t('report.processes.title'), blocks, ...(tone ? { tone } : {}) };
}

/** Services, failed ones first. */
export function servicesSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const v = s.services;
  if (!v) return undefined;
  if (!v.available)
    return {
      id: 'services',
      title: t.t('report.services.title'),
      blocks: [text(t.t('report.services.unavailable', { reason: orDash(v.reason, t) }), 'muted')],
    };
  const units = [...v.units].sort((a, b) => Number(b.state === 'failed') - Number(a.state === 'failed'));
  const rows: Row[] = units.map((u) => {
    const row: Row = {
      cells: [
        u.name,
        t.t(`report.services.state.${u.state}`),
        u.native_state,
        yesNo(u.enabled, t),
        orDash(u.description, t),
      ],
    };
    if (u.state === 'failed') row.tone = 'crit';
    else if (u.state !== 'running') row.tone = 'muted';
    return row;
  });
  const summary = t.t('report.services.summary', {
    manager: v.manager,
    running: v.running,
    failed: v.failed,
    total: v.total,
  });
  const blocks: Block[] = [text(summary, v.failed ? 'crit' : undefined)];
  blocks.push(
    rows.length
      ? table(columns(t, 'unit', 'state', 'native', 'enabled', 'description'), rows)
      : text(t.t('report.services.none'), 'muted'),
  );
  return {
    id: 'services',
    title: t.t('report.services.title'),
    blocks,
    ...(v.failed ? { tone: 'crit' as const } : {}),
  };
}

function containerTone(state: string, health: string, exit: number | null): Tone | undefined {
  if (health === 'unhealthy' || state === 'dead') return 'crit';
  if (state === 'restarting' || (state === 'exited' && exit !== 0 && exit !== null)) return 'warn';
  return state === 'running' ? undefined : 'muted';
}

/** Containers of the engine, or why there is none. */
export function containersSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const k = s.containers;
  if (!k) return undefined;
  const title = t.t('report.containers.title');
  if (!k.available)
    return {
      id: 'containers',
      title,
      blocks: [text(t.t('report.containers.unavailable', { reason: orDash(k.reason, t) }), 'muted')],
    };
  const rows: Row[] = k.items.map((c) => {
    const ports = c.ports
      .map((p) =>
        p.public_port
          ? `${p.ip ?? ''}:${p.public_port}→${p.private_port}/${p.protocol}`
          : `${p.private_port}/${p.protocol}`,
      )
      .join(', ');
    const mem = c.memory_bytes === null ? t.t('report.dash') : t.bytes(c.memory_bytes);
    const row: Row = {
      cells: [
        c.name,
        c.image,
        c.state,
        c.status,
        c.health === 'none' ? t.t('report.dash') : c.health,
        t.percent(c.cpu_percent),
        c.memory_limit_bytes ? `${mem} / ${t.bytes(c.memory_limit_bytes)}` : mem,
        ports || t.t('report.dash'),
        t.number(c.restart_count, 0),
      ],
    };
    const tone = containerTone(c.state, c.health, c.exit_code);
    if (tone) row.tone = tone;
    return row;
  });
  const engine = k.engine;
  const blocks: Block[] = [
    text(
      t.t('report.containers.summary', {
        engine: engine?.name ?? '',
        version: engine?.version ?? '',
        running: k.running,
        total: k.total,
      }),
    ),
    rows.length
      ? table(
          columns(t, 'name', 'image', 'state', 'status', 'health', '#cpu', '#memory', 'ports', '#restarts'),
          rows,
        )
      : text(t.t('report.containers.none'), 'muted'),
  ];
  const tone = worst(rows.map((r) => r.tone));
  return { id: 'containers', title, blocks, ...(tone ? { tone } : {}) };
}

/** Login sessions. */
export function usersSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const u = s.users;
  if (!u) return undefined;
  const rows = u.sessions.map((x) => ({
    cells: [
      x.user,
      orDash(x.terminal, t),
      orDash(x.host, t),
      x.login_at ? t.dateTime(x.login_at) : t.t('report.dash'),
    ],
  }));
  const blocks = rows.length
    ? [table(columns(t, 'user', 'terminal', 'from', 'login'), rows)]
    : [text(t.t('report.users.none'), 'muted')];
  return { id: 'users', title: t.t('report.users.title'), blocks };
}

/** Temperatures, fans and battery. */
export function sensorsSection(s: Snapshot, t: Translator): ReportSection | undefined {
  const z = s.sensors;
  if (!z) return undefined;
  const c = (n: number | null): string => (n === null ? t.t('report.dash') : `${t.number(n, 1)} °C`);
  const blocks: Block[] = [];
  const temps: Row[] = z.temperatures.map((x) => {
    const row: Row = {
      cells: [x.label, orDash(x.chip, t), c(x.celsius), c(x.high_celsius), c(x.critical_celsius)],
    };
    if (x.critical_celsius !== null && x.celsius >= x.critical_celsius) row.tone = 'crit';
    else if (x.high_celsius !== null && x.celsius >= x.high_celsius) row.tone = 'warn';
    return row;
  });
  if (temps.length)
    blocks.push(
      table(
        columns(t, 'sensor', 'chip', '#temperature', '#high', '#critical'),
        temps,
        t.t('report.sensors.temperatures'),
      ),
    );
  if (z.fans.length)
    blocks.push(
      table(
        columns(t, 'fan', '#speed'),
        z.fans.map((f) => ({ cells: [f.label, `${t.number(f.rpm, 0)} rpm`] })),
        t.t('report.sensors.fans'),
      ),
    );
  const b = z.battery;
  if (b) {
    const state = [t.t(b.charging ? 'report.sensors.charging' : 'report.sensors.discharging')];
    if (b.time_remaining_min !== null)
      state.push(t.t('report.sensors.remaining', { minutes: Math.round(b.time_remaining_min) }));
    blocks.push(
      text(t.t('report.sensors.battery', { percent: t.percent(b.percent), state: state.join(', ') })),
    );
  }
  if (!blocks.length) blocks.push(text(t.t('report.sensors.none'), 'muted'));
  const tone = worst(temps.map((r) => r.tone));
  return { id: 'sensors', title: t.t('report.sensors.title'), blocks, ...(tone ? { tone } : {}) };
}

/** Readers that failed, timed out or are not supported here. */
export function errorsSection(s: Snapshot, t: Translator): ReportSection | undefined {
  if (!s.errors.length) return undefined;
  const rows: Row[] = s.errors.map((e) => ({
    cells: [t.t(`common.section.${e.section}` as MessageKey), t.t(`report.errors.code.${e.code}`), e.message],
    tone: e.code === 'unsupported' ? 'muted' : 'warn',
  }));
  const tone = worst(rows.map((r) => r.tone));
  return {
    id: 'errors',
    title: t.t('report.errors.title'),
    blocks: [table(columns(t, 'section', 'kind', 'message'), rows)],
    ...(tone ? { tone } : {}),
  };
}

/** What redaction did: counts per rule, or a loud warning when it was off. */
export function redactionSection(s: Snapshot, t: Translator): ReportSection {
  const r = s.redactions;
  const title = t.t('report.redaction.title');
  if (!r.enabled)
    return { id: 'redaction', title, tone: 'crit', blocks: [text(t.t('report.redaction.off'), 'crit')] };
  if (!r.total) return { id: 'redaction', title, blocks: [text(t.t('report.redaction.nothing'), 'ok')] };
  const rules = Object.entries(r.by_rule).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return {
    id: 'redaction',
    title,
    blocks: [
      text(t.t('report.redaction.summary', { count: r.total }), 'ok'),
      table(
        columns(t, 'rule', '#count'),
        rules.map(([rule, n]) => ({ cells: [rule, t.number(n, 0)] })),
      ),
    ],
  };
}
