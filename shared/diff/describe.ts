// The diff in words, shared by the text, Markdown and HTML renderers so all three say the same thing in
// the same language; each renderer only adds its own layout and escaping.
import type { MessageKey, Translator } from '../i18n/index.js';
import { hostPort } from './kinds.js';
import { COLLECTION_KINDS, type CollectionKind } from './model.js';
import type { FieldChange, MetricDelta, SnapshotDiff } from './schema.js';

/** How an item differs: the mark every renderer colours or labels. */
export type Mark = 'added' | 'removed' | 'changed';

/** One line of a kind's table: what, its command line (processes only) and the details. */
export interface DiffRow {
  mark: Mark;
  title: string;
  command: string | null;
  details: string;
}

/** A short form of the figure, signed: "+7.5", "−3" (a real minus sign), "0". */
export function signed(n: number, t: Translator, digits = 1): string {
  const s = t.number(Math.abs(n), digits);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

/** A metric's value as its unit reads: 40% for usage, 0.21 for load. */
export function metricValue(m: MetricDelta, v: number | null, t: Translator): string {
  if (v === null) return '–';
  return m.unit === 'points' ? t.percent(v) : t.number(v, 2);
}

/** The change of a metric: "+15 pts" for usage, "+2.29" for load. */
export function metricDelta(m: MetricDelta, t: Translator): string {
  if (m.delta === null) return '–';
  if (m.unit === 'load') return signed(m.delta, t, 2);
  return t.t('diff.unit.points', { value: signed(m.delta, t) });
}

/** The name of a metric row, with the mount point for disks. */
export function metricLabel(m: MetricDelta, t: Translator): string {
  return t.t(`diff.metric.${m.metric}`, { subject: m.subject ?? '' });
}

function value(field: FieldChange['field'], v: FieldChange['from'], t: Translator): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return t.t(v ? 'diff.value.yes' : 'diff.value.no');
  if (field === 'total_bytes' && typeof v === 'number') return t.bytes(v);
  if (field === 'login_at' && typeof v === 'string') return t.dateTime(v);
  return String(v);
}

/** The values of a field change: "running → exited", "+ 10.0.0.5/24" for an address added. */
export function changeValues(c: FieldChange, t: Translator): string {
  if (c.field === 'address') return c.from === null ? `+ ${c.to}` : `− ${c.from}`;
  return `${value(c.field, c.from, t)} → ${value(c.field, c.to, t)}`;
}

/** One field change with its name: "state running → exited". */
export function changeText(c: FieldChange, t: Translator): string {
  return `${t.t(`diff.field.${c.field}`)} ${changeValues(c, t)}`;
}

/** A duration in the two largest units: "3 h 20 min", "3시간 20분". */
export function durationText(seconds: number, t: Translator): string {
  let s = Math.round(Math.abs(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ] as const) {
    if (s >= size || (unit === 's' && parts.length === 0)) {
      parts.push(t.t(`diff.duration.${unit}`, { count: Math.floor(s / size) }));
      s %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** How far B is from A in time. */
export function elapsedText(d: SnapshotDiff, t: Translator): string {
  if (d.elapsed_s === 0) return t.t('diff.elapsed.same');
  const duration = durationText(d.elapsed_s, t);
  return t.t(d.elapsed_s > 0 ? 'diff.elapsed.later' : 'diff.elapsed.earlier', { duration });
}

/** "3 added, 1 removed, 2 changed · 1 significant metric change", or "no differences". */
export function summaryText(d: SnapshotDiff, t: Translator): string {
  const { added, removed, changed, significant_metrics: sig } = d.summary;
  if (added + removed + changed + sig === 0) return t.t('diff.summary.none');
  const counts = [
    t.t('diff.summary.added', { count: added }),
    t.t('diff.summary.removed', { count: removed }),
    t.t('diff.summary.changed', { count: changed }),
  ].join(', ');
  return sig ? `${counts} · ${t.t('diff.summary.significant', { count: sig })}` : counts;
}

/** What redaction did to A and to B, counts per rule: every report says so. */
export function redactionText(d: SnapshotDiff, t: Translator): string {
  const side = (r: SnapshotDiff['a']['redactions']): string => {
    if (!r.enabled) return t.t('common.redaction.off');
    const rules = Object.entries(r.by_rule)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return `${t.t('common.redaction.count', { count: r.total })}${rules ? ` (${rules})` : ''}`;
  };
  return `${t.t('common.section.redacted')}: A ${side(d.a.redactions)} · B ${side(d.b.redactions)}`;
}

/** The warning when A and B were taken on different machines (null when they were not). */
export function otherHostText(d: SnapshotDiff, t: Translator): string | null {
  if (d.same_host) return null;
  const unknown = t.t('diff.header.unknown_host');
  return t.t('diff.other_host', { a: d.a.hostname ?? unknown, b: d.b.hostname ?? unknown });
}

/** The note that processes are matched only within the top lists. */
export function processScopeText(d: SnapshotDiff, t: Translator): string {
  const { a, b } = d.sections.processes.top_n;
  const n = a === b || b === null ? a : a === null ? b : `${a}/${b}`;
  return t.t('diff.processes_scope', { count: n ?? '–' });
}

/** The thresholds the significance flags used. */
export function thresholdsText(d: SnapshotDiff, t: Translator): string {
  const p = (n: number) => t.t('diff.unit.points', { value: t.number(n) });
  const th = d.thresholds;
  return t.t('diff.thresholds', {
    memory: p(th.memory_points),
    swap: p(th.swap_points),
    disk: p(th.disk_points),
    cpu: p(th.cpu_points),
    load: t.number(th.load_per_core, 2),
  });
}

/** One line per kind that could not be compared, and why. */
export function notComparedLines(d: SnapshotDiff, t: Translator): string[] {
  return d.not_compared.map((n) =>
    t.t(`diff.not_compared.${n.reason}`, {
      kind: t.t(`diff.kind.${n.kind}`),
      which: t.t(`diff.which.${n.in}`),
    }),
  );
}

type Item = SnapshotDiff['sections'][CollectionKind]['added'][number];

function title(i: Item): string {
  if ('protocol' in i) return `${i.protocol} ${hostPort(i.address, i.port)}`;
  if ('terminal' in i) return [i.user, i.terminal].filter(Boolean).join(' ');
  if ('mountpoint' in i) return i.mountpoint;
  return i.name;
}

function details(i: Item, t: Translator): string {
  const parts: (string | null)[] = [];
  if ('pids' in i) {
    if (i.count > 1) parts.push(t.t('diff.detail.instances', { count: i.count }));
    // A pool of 40 workers would drown the line: the first few pids identify it.
    const pids = i.pids.slice(0, 5).join(', ') + (i.pids.length > 5 ? ', …' : '');
    parts.push(t.t('diff.detail.pid', { pid: pids }));
    if (i.user) parts.push(t.t('diff.detail.user', { user: i.user }));
  } else if ('protocol' in i) {
    if (!i.process) parts.push(t.t('diff.detail.owner_unknown'));
    else parts.push(i.pid === null ? i.process : `${i.process} (${t.t('diff.detail.pid', { pid: i.pid })})`);
  } else if ('restart_count' in i) parts.push(i.image, i.state, i.health === 'none' ? null : i.health);
  else if ('native_state' in i) parts.push(i.native_state);
  else if ('mountpoint' in i) parts.push(i.device, i.fstype, t.bytes(i.total_bytes));
  else if ('terminal' in i) {
    if (i.host) parts.push(t.t('diff.detail.from_host', { host: i.host }));
    if (i.login_at) parts.push(t.t('diff.detail.since', { time: t.dateTime(i.login_at) }));
  } else parts.push(i.type, i.up ? null : t.t('diff.detail.down'), i.addresses.join(', ') || null);
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}

/** The rows of one kind: added, then removed, then changed (each sorted as the diff sorts them). */
export function diffRows(d: SnapshotDiff, kind: CollectionKind, t: Translator): DiffRow[] {
  const c = d.sections[kind] as {
    added: Item[];
    removed: Item[];
    changed: { item: Item; changes: FieldChange[] }[];
  };
  const row = (mark: Mark, i: Item, text: string): DiffRow => ({
    mark,
    title: title(i),
    command: 'command' in i ? i.command : null,
    details: text,
  });
  return [
    ...c.added.map((i) => row('added', i, details(i, t))),
    ...c.removed.map((i) => row('removed', i, details(i, t))),
    ...c.changed.map((x) => row('changed', x.item, x.changes.map((ch) => changeText(ch, t)).join('; '))),
  ];
}

/** Every kind with at least one row, in report order, system first (as changed rows). */
export function kindsWithRows(
  d: SnapshotDiff,
  t: Translator,
): { kind: CollectionKind | 'system'; rows: DiffRow[] }[] {
  const out: { kind: CollectionKind | 'system'; rows: DiffRow[] }[] = [];
  const system = d.system.changes.map((c): DiffRow => ({
    mark: 'changed',
    title: t.t(`diff.field.${c.field}`),
    command: null,
    details: changeValues(c, t),
  }));
  if (system.length) out.push({ kind: 'system', rows: system });
  for (const kind of COLLECTION_KINDS) {
    const rows = diffRows(d, kind, t);
    if (rows.length) out.push({ kind, rows });
  }
  return out;
}

/** The message key of a kind's heading. */
export function kindKey(kind: CollectionKind | 'system'): MessageKey {
  return `diff.kind.${kind}`;
}
