// Hand-checked guards for the commands and events the popover needs: the same shapes as the contract's
// zod schemas in shared/contract (test/renderer/light-schemas.test.ts feeds both the same valid and
// mutated payloads, so they cannot drift), in ~1 KB gzip instead of zod's ~30 KB. The HTTP client
// validates these commands and events with them on every page; everything else still loads the full
// contract lazily. Unlike zod, a guard returns the payload as it came (no defaults filled, no unknown
// keys stripped): the server sends what its own schemas produced.

/** A failed check: where (path) and what was expected. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** Checks a value; returns the first issue, or undefined when it fits. */
type Guard = (v: unknown, path: PropertyKey[]) => Issue | undefined;

/** The subset of zod's safeParse the HTTP client uses. */
export interface Checker {
  safeParse(
    value: unknown,
  ): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };
}

const fail = (path: PropertyKey[], message: string): Issue => ({ path, message });

interface NumOpts {
  int?: boolean;
  gte?: number;
  lte?: number;
  gt?: number;
}
const num =
  (o: NumOpts = {}): Guard =>
  (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(p, 'expected a finite number');
    if (o.int && !Number.isSafeInteger(v)) return fail(p, 'expected an integer');
    if ((o.gte !== undefined && v < o.gte) || (o.lte !== undefined && v > o.lte))
      return fail(p, `expected a number in ${o.gte ?? '-∞'}..${o.lte ?? '∞'}`);
    if (o.gt !== undefined && !(v > o.gt)) return fail(p, `expected a number > ${o.gt}`);
    return undefined;
  };
const str =
  (min = 0): Guard =>
  (v, p) =>
    typeof v === 'string' && v.length >= min ? undefined : fail(p, 'expected a string');
const bool: Guard = (v, p) => (typeof v === 'boolean' ? undefined : fail(p, 'expected a boolean'));
const oneOf =
  (...values: readonly string[]): Guard =>
  (v, p) =>
    typeof v === 'string' && values.includes(v) ? undefined : fail(p, `expected one of ${values.join('|')}`);
const nullable =
  (g: Guard): Guard =>
  (v, p) =>
    v === null ? undefined : g(v, p);
const array =
  (g: Guard): Guard =>
  (v, p) => {
    if (!Array.isArray(v)) return fail(p, 'expected an array');
    for (let i = 0; i < v.length; i++) {
      const e = g(v[i], [...p, i]);
      if (e) return e;
    }
    return undefined;
  };
const optional =
  (g: Guard): Guard =>
  (v, p) =>
    v === undefined ? undefined : g(v, p);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const object =
  (shape: Record<string, Guard>): Guard =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'expected an object');
    for (const [k, g] of Object.entries(shape)) {
      const e = g(v[k], [...p, k]);
      if (e) return e;
    }
    return undefined;
  };
const record =
  (g: Guard): Guard =>
  (v, p) => {
    if (!isObject(v)) return fail(p, 'expected an object');
    for (const [k, x] of Object.entries(v)) {
      const e = g(x, [...p, k]);
      if (e) return e;
    }
    return undefined;
  };
const either =
  (a: Guard, b: Guard): Guard =>
  (v, p) =>
    a(v, p) && b(v, p);
const byKind =
  (cases: Record<string, Guard>): Guard =>
  (v, p) => {
    if (!isObject(v) || typeof v.kind !== 'string' || !Object.hasOwn(cases, v.kind))
      return fail([...p, 'kind'], `expected kind ${Object.keys(cases).join('|')}`);
    return cases[v.kind]!(v, p);
  };

const Pct = num({ gte: 0, lte: 100 });
const NonNeg = num({ gte: 0 });
const Count = num({ int: true, gte: 0 });
const Int = num({ int: true });
const Rate = nullable(NonNeg);
const Severity = oneOf('warning', 'critical');
const Id = str(1);
const Usage = object({ used_percent: Pct, used_bytes: NonNeg, total_bytes: NonNeg });

/** Sample (shared/contract/sample.ts). */
const Sample = object({
  t: Int,
  interval_ms: num({ int: true, gt: 0 }),
  host: str(),
  cpu: object({
    usage_percent: nullable(Pct),
    per_core_percent: array(Pct),
    load_1: Rate,
    load_5: Rate,
    load_15: Rate,
  }),
  memory: Usage,
  swap: Usage,
  disks: array(object({ mountpoint: str(), used_percent: Pct, used_bytes: NonNeg, total_bytes: NonNeg })),
  disk_io: array(object({ device: str(), read_bytes_per_s: Rate, write_bytes_per_s: Rate })),
  network: array(object({ name: str(), up: bool, rx_bytes_per_s: Rate, tx_bytes_per_s: Rate })),
  processes: object({
    total: Count,
    zombies: Count,
    top: array(
      object({
        pid: Int,
        name: str(),
        command: str(),
        user: nullable(str()),
        cpu_percent: NonNeg,
        rss_bytes: NonNeg,
      }),
    ),
  }),
  containers: nullable(
    object({
      running: Count,
      total: Count,
      items: array(
        object({
          name: str(),
          image: str(),
          state: str(),
          health: oneOf('healthy', 'unhealthy', 'starting', 'none'),
          restart_count: Count,
          cpu_percent: Rate,
          memory_bytes: Rate,
        }),
      ),
    }),
  ),
  sensors: object({ max_celsius: nullable(num()), battery_percent: nullable(Pct), charging: nullable(bool) }),
});

const ruleBase = { id: Id, cooldown_s: NonNeg, severity: Severity, enabled: bool };
const band = { fire_at: num(), clear_at: num(), for_s: NonNeg };

/** AlertRule (shared/contract/alerts.ts), as the server sends it (defaults filled). */
const AlertRule = byKind({
  metric: object({ ...ruleBase, ...band, metric: Id }),
  process: object({ ...ruleBase, ...band, process: Id, measure: oneOf('cpu_percent', 'rss_bytes') }),
  container: object({
    ...ruleBase,
    container: Id,
    condition: oneOf('exited', 'unhealthy', 'restart_loop'),
    for_s: NonNeg,
  }),
  disk_forecast: object({ ...ruleBase, mountpoint: Id, hours: num({ gt: 0 }) }),
});

const AlertState = oneOf('pending', 'firing', 'resolved');

/** Alert (shared/contract/alerts.ts). */
const Alert = object({
  rule_id: str(),
  subject: str(),
  state: AlertState,
  severity: Severity,
  value: nullable(num()),
  since: Int,
  fired_at: nullable(Int),
  resolved_at: nullable(Int),
  message_key: str(),
  message_params: record(either(str(), num())),
});

const Status = object({
  status: oneOf('ok', 'warning', 'critical', 'paused'),
  firing: Count,
  host: str(),
  share: optional(bool),
});

const SnapshotEntry = object({
  id: str(),
  taken_at: str(),
  hostname: nullable(str()),
  bytes: Count,
  sections: array(str()),
  errors: Count,
});

/** A guard as a Checker (the interface the HTTP client calls, which zod schemas also have). */
function checker(g: Guard): Checker {
  return {
    safeParse(value) {
      const issue = g(value, []);
      return issue ? { success: false, error: { issues: [issue] } } : { success: true, data: value };
    },
  };
}

/** Response checks of the light commands (the popover's). */
export const LIGHT_COMMANDS = {
  'metrics:latest': checker(nullable(Sample)),
  'status:get': checker(Status),
  'alerts:list': checker(object({ active: array(Alert), history: array(Alert), rules: array(AlertRule) })),
  'snapshot:take': checker(SnapshotEntry),
} as const;

/** Payload checks of the light events. */
export const LIGHT_EVENTS = {
  'metrics:sample': checker(Sample),
  'alerts:changed': checker(object({ alert: Alert, previous: nullable(AlertState), notify: bool })),
  'status:changed': checker(Status),
} as const;
