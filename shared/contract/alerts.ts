import { z } from 'zod';

/** A metric an alert rule can watch (ids match the history's metric ids; `disk:/` style for one mount). */
export const AlertMetric = z.string().min(1);

/**
 * One alert rule. Metric rules fire at ≥ `fire_at` and clear at ≤ `clear_at` (the hysteresis band)
 * once the condition held `for_s` seconds; process rules watch a named process's CPU or memory;
 * container rules watch a container's state; forecast rules predict a disk filling up.
 */
export const AlertRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('metric'),
    id: z.string().min(1),
    metric: AlertMetric,
    fire_at: z.number(),
    clear_at: z.number(),
    for_s: z.number().nonnegative().default(30),
    cooldown_s: z.number().nonnegative().default(600),
    severity: z.enum(['warning', 'critical']).default('warning'),
    enabled: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('process'),
    id: z.string().min(1),
    process: z.string().min(1),
    measure: z.enum(['cpu_percent', 'rss_bytes']),
    fire_at: z.number(),
    clear_at: z.number(),
    for_s: z.number().nonnegative().default(30),
    cooldown_s: z.number().nonnegative().default(600),
    severity: z.enum(['warning', 'critical']).default('warning'),
    enabled: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('container'),
    id: z.string().min(1),
    container: z.string().min(1).describe('Name, or * for every container'),
    condition: z.enum(['exited', 'unhealthy', 'restart_loop']),
    for_s: z.number().nonnegative().default(0),
    cooldown_s: z.number().nonnegative().default(600),
    severity: z.enum(['warning', 'critical']).default('critical'),
    enabled: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('disk_forecast'),
    id: z.string().min(1),
    mountpoint: z.string().min(1).describe('A mountpoint, or * for every filesystem'),
    hours: z.number().positive().describe('Fire when the trend fills the disk within this many hours'),
    cooldown_s: z.number().nonnegative().default(3600),
    severity: z.enum(['warning', 'critical']).default('warning'),
    enabled: z.boolean().default(true),
  }),
]);
/** One alert rule. */
export type AlertRule = z.infer<typeof AlertRule>;

/** Quiet hours: no notification between `from` and `to` local time (HH:MM); state still changes. */
export const QuietHours = z
  .object({ from: z.string().regex(/^\d{2}:\d{2}$/), to: z.string().regex(/^\d{2}:\d{2}$/) })
  .nullable();

/** An alert's lifecycle state. */
export const AlertState = z.enum(['pending', 'firing', 'resolved']);

/** One alert instance (a rule firing for one subject), as the UI, notifications and webhooks see it. */
export const Alert = z.object({
  rule_id: z.string(),
  subject: z.string().describe('What it is about: the metric, process, container or mountpoint'),
  state: AlertState,
  severity: z.enum(['warning', 'critical']),
  value: z.number().nullable(),
  since: z.number().int().describe('Epoch ms the current state began'),
  fired_at: z.number().int().nullable(),
  resolved_at: z.number().int().nullable(),
  message_key: z.string().describe('i18n key of the human message'),
  message_params: z.record(z.string(), z.union([z.string(), z.number()])),
});
/** One alert instance. */
export type Alert = z.infer<typeof Alert>;

/** A state change, as `alerts:changed` events carry it; `notify` is false in quiet hours or cooldown. */
export const AlertEvent = z.object({ alert: Alert, previous: AlertState.nullable(), notify: z.boolean() });
/** A state change. */
export type AlertEvent = z.infer<typeof AlertEvent>;
