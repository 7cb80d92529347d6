import { z } from 'zod';
import { AlertRule } from '../../../shared/contract/alerts.js';
import { UserError } from '../errors.js';

/** Metric ids a metric rule may watch; `disk:<mountpoint>` names one mount, `disk:*` every mount. */
export const METRIC_IDS = ['cpu', 'memory', 'swap', 'load1', 'temp', 'battery'] as const;

/** True when a metric rule can ever see a value for `metric` (catches typos such as `cpu_usage`). */
export function isKnownMetric(metric: string): boolean {
  return (METRIC_IDS as readonly string[]).includes(metric) || /^disk:.+/.test(metric);
}

/**
 * A rule list as the engine accepts it: the contract's schema plus what only makes sense for a list —
 * unique ids (state is keyed by id) and metric ids the sampler actually produces.
 */
export const AlertRuleList = z.array(AlertRule).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id "${r.id}"` });
    seen.add(r.id);
    if (r.kind === 'metric' && !isKnownMetric(r.metric))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'metric'],
        message: `unknown metric "${r.metric}" (use ${METRIC_IDS.join(', ')}, disk:<mountpoint> or disk:*)`,
      });
  });
});

/** A rule as a caller may write it: fields with defaults in the schema may be left out. */
export type AlertRuleInput = z.input<typeof AlertRule>;

/** Validates rules (applying the schema's defaults); a bad list is the user's to fix, so a UserError. */
export function parseRules(rules: unknown): AlertRule[] {
  const r = AlertRuleList.safeParse(rules);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const [index, ...field] = issue?.path ?? [];
  const where =
    index === undefined ? '' : `rules[${String(index)}]${field.map((f) => `.${String(f)}`).join('')}: `;
  throw new UserError('usage', `invalid alert rule: ${where}${issue?.message ?? 'invalid'}`, {
    cause: r.error,
  });
}

/**
 * True when the rule fires on high values (fire_at ≥ clear_at). A rule with fire_at below clear_at
 * watches for low values instead (battery at 10 %, clear at 20 %), with the same band logic mirrored.
 */
export function firesHigh(rule: { fire_at: number; clear_at: number }): boolean {
  return rule.fire_at >= rule.clear_at;
}

/**
 * The rules a fresh install starts with: each waits for a sustained condition and clears only well
 * inside the band, so a value hovering at the threshold does not flap.
 *
 * | id                     | watches                    | fires      | clears | for    | cooldown | severity |
 * | ---------------------- | -------------------------- | ---------- | ------ | ------ | -------- | -------- |
 * | cpu-high               | cpu                        | ≥ 90 %     | ≤ 75 % | 120 s  | 10 min   | warning  |
 * | memory-high            | memory                     | ≥ 90 %     | ≤ 80 % | 60 s   | 10 min   | warning  |
 * | swap-high              | swap                       | ≥ 50 %     | ≤ 30 % | 300 s  | 30 min   | warning  |
 * | disk-full              | every mount (disk:*)       | ≥ 90 %     | ≤ 85 % | 60 s   | 1 h      | warning  |
 * | disk-critical          | every mount (disk:*)       | ≥ 95 %     | ≤ 92 % | 60 s   | 1 h      | critical |
 * | disk-forecast          | every mount                | full < 24 h| —      | —      | 6 h      | warning  |
 * | container-exited       | every container that ran   | exited     | runs   | 0 s    | 10 min   | critical |
 * | container-unhealthy    | every container            | unhealthy  | healthy| 30 s   | 10 min   | critical |
 * | container-restart-loop | every container            | ≥ 3 restarts in 10 min | — | 0 s | 30 min | critical |
 * | temp-high              | hottest sensor (temp)      | ≥ 90 °C    | ≤ 80 °C| 60 s   | 10 min   | warning  |
 *
 * Two disk rules rather than one: 90 % is a heads-up, 95 % is when writes start failing.
 */
export const DEFAULT_RULES: AlertRule[] = parseRules([
  { kind: 'metric', id: 'cpu-high', metric: 'cpu', fire_at: 90, clear_at: 75, for_s: 120 },
  { kind: 'metric', id: 'memory-high', metric: 'memory', fire_at: 90, clear_at: 80, for_s: 60 },
  {
    kind: 'metric',
    id: 'swap-high',
    metric: 'swap',
    fire_at: 50,
    clear_at: 30,
    for_s: 300,
    cooldown_s: 1800,
  },
  {
    kind: 'metric',
    id: 'disk-full',
    metric: 'disk:*',
    fire_at: 90,
    clear_at: 85,
    for_s: 60,
    cooldown_s: 3600,
  },
  {
    kind: 'metric',
    id: 'disk-critical',
    metric: 'disk:*',
    fire_at: 95,
    clear_at: 92,
    for_s: 60,
    cooldown_s: 3600,
    severity: 'critical',
  },
  { kind: 'disk_forecast', id: 'disk-forecast', mountpoint: '*', hours: 24, cooldown_s: 6 * 3600 },
  { kind: 'container', id: 'container-exited', container: '*', condition: 'exited' },
  { kind: 'container', id: 'container-unhealthy', container: '*', condition: 'unhealthy', for_s: 30 },
  {
    kind: 'container',
    id: 'container-restart-loop',
    container: '*',
    condition: 'restart_loop',
    cooldown_s: 1800,
  },
  { kind: 'metric', id: 'temp-high', metric: 'temp', fire_at: 90, clear_at: 80, for_s: 60 },
]);
