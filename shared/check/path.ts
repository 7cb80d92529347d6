import type { Snapshot } from '../snapshot/schema.js';
import { isSectionName, type SectionName } from '../snapshot/sections.js';
import type { Reason } from './errors.js';
import { pathText, quote, type Segment } from './rule.js';

/** A scalar read from the snapshot: what a rule compares and a report shows as "actual". */
export type Scalar = string | number | boolean | null;

/** A path's value, or why there is none. */
export type Resolution = { ok: true; value: Scalar } | { ok: false; reason: Reason };

/** Lists `section[...]` selects from without naming them: `disks["/"]` is `disks.filesystems["/"]`. */
const SHORTHAND: Partial<Record<SectionName, string>> = {
  disks: 'filesystems',
  network: 'interfaces',
  containers: 'items',
  services: 'units',
  ports: 'listening',
  users: 'sessions',
  sensors: 'temperatures',
};

/** Field that names an item in lists whose key is not `name`. */
const KEY_FIELD: Record<string, string> = {
  filesystems: 'mountpoint',
  io: 'device',
  addresses: 'address',
  sessions: 'user',
  temperatures: 'label',
  fans: 'label',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a section is absent from a snapshot: not asked for, or its reader failed. Null when present. */
export function missingSection(s: Snapshot, section: SectionName): Reason | null {
  if (s[section] !== undefined) return null;
  const err = s.errors.find((e) => e.section === section);
  return err
    ? { code: 'section_failed', params: { section, message: err.message } }
    : { code: 'not_collected', params: { section } };
}

/** Like `missingSection`, also refusing containers or services when no engine or manager answered. */
export function unusableSection(s: Snapshot, section: SectionName): Reason | null {
  const missing = missingSection(s, section);
  if (missing) return missing;
  const data = s[section] as { available?: boolean; reason?: string | null };
  return data.available === false
    ? { code: 'unavailable', params: { section, message: data.reason ?? '' } }
    : null;
}

/** True when a process name as the OS reports it is `want`: Linux cuts names to 15 bytes, Windows adds .exe. */
export function processNameMatches(actual: string, want: string): boolean {
  if (actual === want) return true;
  if (actual.length === 15 && want.startsWith(actual)) return true;
  return /\.exe$/i.test(actual) && actual.slice(0, -4).toLowerCase() === want.toLowerCase();
}

/** The names an item of list `list` answers to in `[...]`. */
function itemKeys(list: string, item: unknown): string[] {
  if (!isObj(item)) return typeof item === 'string' || typeof item === 'number' ? [String(item)] : [];
  if (list === 'listening') {
    const k = `${String(item.port)}/${String(item.protocol)}`;
    return item.protocol === 'tcp' ? [k, String(item.port)] : [k];
  }
  const field = KEY_FIELD[list] ?? ['name', 'mountpoint', 'device', 'label', 'id'].find((f) => f in item);
  const v = field === undefined ? undefined : item[field];
  if (typeof v !== 'string') return [];
  return list === 'units' ? [v, v.replace(/\.service$/, '')] : [v];
}

function keyMatches(list: string, item: unknown, key: string): boolean {
  if (list === 'top_cpu' || list === 'top_memory' || list === 'processes' || list === 'zombies')
    return isObj(item) && typeof item.name === 'string' && processNameMatches(item.name, key);
  return itemKeys(list, item).includes(key);
}

/** Levenshtein distance, for "did you mean" on a misspelt field. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** The top lists as one list, each process once (a process can top both). */
function allTopProcesses(s: Snapshot): unknown[] {
  const p = s.processes;
  if (!p) return [];
  const seen = new Set<number>();
  return [...p.top_cpu, ...p.top_memory].filter((x) => !seen.has(x.pid) && seen.add(x.pid));
}

/** The list `[...]` applies to at `cur`, with its name (for the natural key); or null when not a list. */
function listAt(s: Snapshot, cur: unknown, walked: Segment[]): { name: string; items: unknown[] } | null {
  const last = walked[walked.length - 1];
  const lastName = last?.kind === 'field' ? last.name : '';
  if (Array.isArray(cur)) return { name: lastName, items: cur };
  if (walked.length !== 1 || !isSectionName(lastName)) return null;
  if (lastName === 'processes') return { name: 'processes', items: allTopProcesses(s) };
  const field = SHORTHAND[lastName];
  const list = field === undefined || !isObj(cur) ? undefined : cur[field];
  return Array.isArray(list) && field ? { name: field, items: list } : null;
}

function select(s: Snapshot, cur: unknown, walked: Segment[], seg: Segment): Resolution | { item: unknown } {
  const path = pathText(walked);
  const sel = seg.kind === 'key' ? quote(seg.key) : seg.kind === 'index' ? String(seg.index) : '';
  const list = listAt(s, cur, walked);
  if (!list) return { ok: false, reason: { code: 'not_list', params: { path, key: sel } } };
  if ((list.name === 'items' || list.name === 'units') && walked[0]?.kind === 'field') {
    const problem = unusableSection(s, walked[0].name as SectionName);
    if (problem) return { ok: false, reason: problem };
  }
  if (seg.kind === 'index') {
    if (seg.index < list.items.length) return { item: list.items[seg.index] };
    return {
      ok: false,
      reason: { code: 'no_index', params: { path, count: list.items.length, index: sel } },
    };
  }
  if (seg.kind !== 'key') return { ok: false, reason: { code: 'not_list', params: { path, key: sel } } };
  const found = list.items.find((it) => keyMatches(list.name, it, seg.key));
  if (found !== undefined) return { item: found };
  const keys = [...new Set(list.items.map((it) => itemKeys(list.name, it)[0] ?? '').filter(Boolean))];
  if (keys.length === 0) return { ok: false, reason: { code: 'no_item_empty', params: { path, key: sel } } };
  const shown = keys.slice(0, 8).map(quote).join(', ') + (keys.length > 8 ? ', …' : '');
  return { ok: false, reason: { code: 'no_item', params: { path, key: sel, keys: shown } } };
}

/**
 * Reads a path from a snapshot. Never throws: a section that was not collected, a misspelt field or an
 * item that is not there comes back as a reason, so the rule fails and says why.
 */
export function resolvePath(s: Snapshot, path: readonly Segment[]): Resolution {
  const root = path[0];
  if (root?.kind === 'field' && isSectionName(root.name)) {
    const missing = missingSection(s, root.name);
    if (missing) return { ok: false, reason: missing };
  }
  let cur: unknown = s;
  const walked: Segment[] = [];
  for (const seg of path) {
    if (seg.kind === 'field') {
      const where = pathText(walked);
      if (Array.isArray(cur) && seg.name === 'length') cur = cur.length;
      else if (isObj(cur) && Object.hasOwn(cur, seg.name)) cur = cur[seg.name];
      else if (Array.isArray(cur))
        return { ok: false, reason: { code: 'list_field', params: { path: where, field: seg.name } } };
      else {
        const hint = isObj(cur) ? closest(seg.name, Object.keys(cur)) : undefined;
        const code = walked.length === 0 ? 'no_top' : 'no_field';
        const params = { path: where, field: seg.name };
        return hint
          ? { ok: false, reason: { code: `${code}_hint`, params: { ...params, hint } } }
          : { ok: false, reason: { code, params } };
      }
    } else {
      const r = select(s, cur, walked, seg);
      if (!('item' in r)) return r;
      cur = r.item;
    }
    walked.push(seg);
  }
  const where = pathText(path);
  if (Array.isArray(cur)) return { ok: false, reason: { code: 'is_list', params: { path: where } } };
  if (isObj(cur) || cur === undefined)
    return { ok: false, reason: { code: 'is_object', params: { path: where } } };
  return { ok: true, value: cur as Scalar };
}
