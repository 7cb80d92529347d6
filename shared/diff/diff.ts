// The diff engine: two snapshots in, one plain JSON document out (see schema.ts), nothing else touched.
import { createRedactor } from '../redact/index.js';
import type { SectionName } from '../snapshot/sections.js';
import type { Snapshot } from '../snapshot/schema.js';
import * as k from './kinds.js';
import { compareMetrics } from './metrics.js';
import {
  COLLECTION_KINDS,
  DEFAULT_THRESHOLDS,
  DIFF_KINDS,
  DIFF_VERSION,
  diffKeyed,
  emptyCollection,
  type Collection,
  type DiffKind,
} from './model.js';
import type { DiffSections, DiffThresholds, SnapshotDiff } from './schema.js';

/** Options of {@link diffSnapshots}. */
export interface DiffOptions {
  /** Overrides of {@link DEFAULT_THRESHOLDS}; the effective values are echoed in the diff. */
  thresholds?: Partial<DiffThresholds>;
  /**
   * Applied to command lines before they are keyed and shown, so a snapshot taken with `--no-redact`
   * matches a redacted one and leaks nothing. Default: the built-in rules; pass `(s) => s` to opt out.
   */
  redact?: (s: string) => string;
}

/** The snapshot section each kind is read from. */
const SOURCE: Record<DiffKind, SectionName> = {
  system: 'host',
  processes: 'processes',
  ports: 'ports',
  containers: 'containers',
  services: 'services',
  filesystems: 'disks',
  sessions: 'users',
  interfaces: 'network',
};

type Status = 'ok' | SnapshotDiff['not_compared'][number]['reason'];

function status(s: Snapshot, kind: DiffKind): Status {
  const name = SOURCE[kind];
  const section = s[name];
  if (section) {
    // An engine or service manager that did not answer says nothing about what runs.
    if ((name === 'containers' || name === 'services') && 'available' in section && !section.available)
      return 'unavailable';
    return 'ok';
  }
  return s.errors.some((e) => e.section === name) ? 'failed' : 'not_collected';
}

function compareKind<T extends { key: string }>(
  ok: boolean,
  a: T[] | undefined,
  b: T[] | undefined,
  compare: (x: T, y: T) => SnapshotDiff['system']['changes'],
  order?: (x: T, y: T) => number,
): Collection<T> {
  return ok && a && b ? diffKeyed(a, b, compare, order) : emptyCollection<T>();
}

/** What changed from snapshot `a` to snapshot `b`: items added, removed and changed, and metric deltas. */
export function diffSnapshots(a: Snapshot, b: Snapshot, opts: DiffOptions = {}): SnapshotDiff {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
  const redact = opts.redact ?? createRedactor().redact;
  const notCompared: SnapshotDiff['not_compared'] = [];
  const ok = {} as Record<DiffKind, boolean>;
  for (const kind of DIFF_KINDS) {
    const sa = status(a, kind);
    const sb = status(b, kind);
    ok[kind] = sa === 'ok' && sb === 'ok';
    if (sa !== 'ok') notCompared.push({ kind, in: sb === 'ok' ? 'a' : 'both', reason: sa });
    else if (sb !== 'ok') notCompared.push({ kind, in: 'b', reason: sb });
  }

  const pa = a.processes;
  const pb = b.processes;
  const sections: DiffSections = {
    processes: {
      ...compareKind(
        ok.processes,
        pa && k.processItems(pa, redact),
        pb && k.processItems(pb, redact),
        k.compareProcesses,
      ),
      scope: 'top_lists',
      top_n: { a: pa?.top_n ?? null, b: pb?.top_n ?? null },
    },
    ports: compareKind(
      ok.ports,
      a.ports && k.portItems(a.ports),
      b.ports && k.portItems(b.ports),
      k.comparePorts,
      k.portOrder,
    ),
    containers: compareKind(
      ok.containers,
      a.containers && k.containerItems(a.containers),
      b.containers && k.containerItems(b.containers),
      k.compareContainers,
    ),
    services: compareKind(
      ok.services,
      a.services && k.serviceItems(a.services),
      b.services && k.serviceItems(b.services),
      k.compareServices,
    ),
    filesystems: compareKind(
      ok.filesystems,
      a.disks && k.filesystemItems(a.disks),
      b.disks && k.filesystemItems(b.disks),
      k.compareFilesystems,
    ),
    sessions: compareKind(
      ok.sessions,
      a.users && k.sessionItems(a.users),
      b.users && k.sessionItems(b.users),
      k.compareSessions,
    ),
    interfaces: compareKind(
      ok.interfaces,
      a.network && k.interfaceItems(a.network),
      b.network && k.interfaceItems(b.network),
      k.compareInterfaces,
    ),
  };
  const system = { changes: ok.system && a.host && b.host ? k.compareSystem(a.host, b.host) : [] };
  const metrics = compareMetrics(a, b, thresholds);

  const byKind = { system: { added: 0, removed: 0, changed: system.changes.length } } as Record<
    DiffKind,
    { added: number; removed: number; changed: number }
  >;
  for (const kind of COLLECTION_KINDS) {
    const c = sections[kind];
    byKind[kind] = { added: c.added.length, removed: c.removed.length, changed: c.changed.length };
  }
  const sum = (f: 'added' | 'removed' | 'changed') => DIFF_KINDS.reduce((n, kind) => n + byKind[kind][f], 0);
  const ha = a.host?.hostname ?? null;
  const hb = b.host?.hostname ?? null;
  return {
    diff_version: DIFF_VERSION,
    a: { id: a.id, taken_at: a.taken_at, hostname: ha, redactions: a.redactions },
    b: { id: b.id, taken_at: b.taken_at, hostname: hb, redactions: b.redactions },
    same_host: ha !== null && ha === hb,
    elapsed_s: Math.round(Date.parse(b.taken_at) - Date.parse(a.taken_at)) / 1000,
    thresholds,
    summary: {
      added: sum('added'),
      removed: sum('removed'),
      changed: sum('changed'),
      significant_metrics: metrics.filter((m) => m.significant).length,
      by_kind: byKind,
    },
    system,
    metrics,
    sections,
    not_compared: notCompared,
  };
}
