// The popover's hand-written guards must judge payloads exactly as the contract's zod schemas do: valid
// payloads of every light command and event pass both, and thousands of random mutations of them
// (a leaf replaced by a wrong type or an out-of-range number, a key removed) are accepted or refused
// by both alike. The one intended difference: a guard does not fill zod's defaults (the server always
// sends rules with them filled), so removing a defaulted rule field is left out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS, EVENTS } from '../../shared/contract/api';
import { LIGHT_COMMANDS, LIGHT_EVENTS, type Checker } from '../../renderer/transport/light-schemas';
import { fakeSample } from './sample';

const T = 1_700_000_000_000;
const withContainers = {
  ...fakeSample(T, 100),
  containers: {
    running: 1,
    total: 2,
    items: [
      {
        name: 'web',
        image: 'nginx',
        state: 'running',
        health: 'healthy',
        restart_count: 0,
        cpu_percent: 1.5,
        memory_bytes: 1e6,
      },
      {
        name: 'db',
        image: 'pg',
        state: 'exited',
        health: 'none',
        restart_count: 3,
        cpu_percent: null,
        memory_bytes: null,
      },
    ],
  },
  sensors: { max_celsius: 55.5, battery_percent: 80, charging: true },
  cpu: { usage_percent: null, per_core_percent: [], load_1: null, load_5: null, load_15: null },
};
const alert = {
  rule_id: 'cpu-high',
  subject: 'cpu',
  state: 'firing',
  severity: 'critical',
  value: 97.5,
  since: T,
  fired_at: T,
  resolved_at: null,
  message_key: 'alerts.metric.cpu',
  message_params: { value: 97.5, host: 'web-1' },
};
const rules = COMMANDS['alerts:rules:set'].response.parse([
  { kind: 'metric', id: 'a', metric: 'cpu', fire_at: 90, clear_at: 75 },
  { kind: 'process', id: 'b', process: 'node', measure: 'rss_bytes', fire_at: 1e9, clear_at: 5e8 },
  { kind: 'container', id: 'c', container: '*', condition: 'restart_loop' },
  { kind: 'disk_forecast', id: 'd', mountpoint: '/', hours: 24 },
]);
const status = { status: 'warning', firing: 1, host: 'web-1' };
const entry = {
  id: '0190f0aa-0000-7000-8000-000000000000',
  taken_at: '2026-01-01T00:00:00Z',
  hostname: 'web-1',
  bytes: 1234,
  sections: ['cpu', 'memory'],
  errors: 0,
};

/** Valid payloads of each light command's response and each light event, and the zod schema for each. */
const CASES: Array<{ name: string; light: Checker; full: Checker; valid: unknown[] }> = [
  {
    name: 'metrics:latest',
    light: LIGHT_COMMANDS['metrics:latest'],
    full: COMMANDS['metrics:latest'].response,
    valid: [fakeSample(T, 12), withContainers, null],
  },
  {
    name: 'status:get',
    light: LIGHT_COMMANDS['status:get'],
    full: COMMANDS['status:get'].response,
    valid: [status],
  },
  {
    name: 'alerts:list',
    light: LIGHT_COMMANDS['alerts:list'],
    full: COMMANDS['alerts:list'].response,
    valid: [
      { active: [alert], history: [{ ...alert, state: 'resolved', resolved_at: T + 1, value: null }], rules },
      { active: [], history: [], rules: [] },
    ],
  },
  {
    name: 'snapshot:take',
    light: LIGHT_COMMANDS['snapshot:take'],
    full: COMMANDS['snapshot:take'].response,
    valid: [entry, { ...entry, hostname: null }],
  },
  {
    name: 'metrics:sample',
    light: LIGHT_EVENTS['metrics:sample'],
    full: EVENTS['metrics:sample'],
    valid: [fakeSample(T, 0), withContainers],
  },
  {
    name: 'alerts:changed',
    light: LIGHT_EVENTS['alerts:changed'],
    full: EVENTS['alerts:changed'],
    valid: [
      { alert, previous: 'pending', notify: true },
      { alert, previous: null, notify: false },
    ],
  },
  {
    name: 'status:changed',
    light: LIGHT_EVENTS['status:changed'],
    full: EVENTS['status:changed'],
    valid: [status, { status: 'paused', firing: 0, host: '' }],
  },
];

type Path = Array<string | number>;

/** Every path to a value inside `v` (the root excluded). */
function paths(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...at, i], ...paths(x, [...at, i])]);
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
  return [];
}

const REMOVE = Symbol('remove');
/** A deep copy of `v` with the value at `path` replaced (or removed). */
function mutate(v: unknown, path: Path, to: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (to === REMOVE) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = to;
  return copy;
}

const DEFAULTED = new Set(['for_s', 'cooldown_s', 'severity', 'enabled']);
const WRONG = [null, -1, 0, 1.5, 101, 1e300, 'x', '', true, [], {}, REMOVE, 'critical', 'firing'];

describe('light guards agree with the contract', () => {
  for (const c of CASES) {
    it(`${c.name}: valid payloads pass both`, () => {
      for (const v of c.valid) {
        expect(c.full.safeParse(v).success, JSON.stringify(v)).toBe(true);
        expect(c.light.safeParse(v).success, JSON.stringify(v)).toBe(true);
      }
    });

    it(`${c.name}: both accept or refuse every mutation alike`, () => {
      const all = c.valid.flatMap((v) => paths(v).map((p) => ({ v, p })));
      if (all.length === 0) return expect(c.light.safeParse(undefined).success).toBe(false);
      fc.assert(
        fc.property(fc.constantFrom(...all), fc.constantFrom(...WRONG), ({ v, p }, to) => {
          const ruleDefault =
            to === REMOVE && p[0] === 'rules' && p.length === 3 && DEFAULTED.has(String(p[2]));
          fc.pre(!ruleDefault);
          const m = mutate(v, p, to);
          expect(c.light.safeParse(m).success, `${p.join('.')} = ${String(to)}`).toBe(
            c.full.safeParse(m).success,
          );
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('refuses non-objects and names where the problem is', () => {
    const r = LIGHT_EVENTS['metrics:sample'].safeParse({
      ...fakeSample(T, 1),
      cpu: { usage_percent: 'high' },
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.path).toEqual(['cpu', 'usage_percent']);
    expect(LIGHT_EVENTS['status:changed'].safeParse('ok').success).toBe(false);
  });
});
