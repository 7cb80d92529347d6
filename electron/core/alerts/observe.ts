import type { AlertRule } from '../../../shared/contract/alerts.js';
import type { Sample } from '../../../shared/contract/sample.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { firesHigh } from './rules.js';
import { RESTART_LOOP_COUNT, type Trackers, isExited } from './trackers.js';

/** What one rule sees for one subject this tick. */
export interface Observation {
  subject: string;
  value: number | null;
  /** At or past fire_at (or the condition holds). */
  on: boolean;
  /** At or past clear_at: out of the hysteresis band (or the condition is gone). */
  off: boolean;
  message_key: MessageKey;
  message_params: Record<string, string | number>;
}

/**
 * A rule's view of one sample. Subjects in `silent` exist but have no reading this tick (no container
 * engine, no temperature sensor, too little disk history): their alerts keep their state rather than
 * resolve. An active subject neither observed nor silent is gone (unmounted, removed) and resolves.
 */
export interface RuleView {
  observations: Observation[];
  silent: 'all' | string[];
}

const METRIC_MESSAGES = ['cpu', 'memory', 'swap', 'load1', 'disk', 'temp', 'battery'] as const;

function metricValue(sample: Sample, metric: string): number | null {
  switch (metric) {
    case 'cpu':
      return sample.cpu.usage_percent;
    case 'memory':
      return sample.memory.used_percent;
    case 'swap':
      // A machine without swap reports 0 %; that is not a value worth alerting on either way.
      return sample.swap.total_bytes > 0 ? sample.swap.used_percent : null;
    case 'load1':
      return sample.cpu.load_1;
    case 'temp':
      return sample.sensors.max_celsius;
    case 'battery':
      return sample.sensors.battery_percent;
  }
  const mount = metric.slice('disk:'.length);
  return sample.disks.find((d) => d.mountpoint === mount)?.used_percent ?? null;
}

/** Rounds for a message: whole percents and degrees, one decimal for load averages. */
const round = (v: number, metric: string): number =>
  metric === 'load1' ? Math.round(v * 10) / 10 : Math.round(v);

/** The message for a metric rule; the duration is the rule's own, so the text stays stable while firing. */
function metricMessage(
  metric: string,
  value: number,
  forS: number,
): Pick<Observation, 'message_key' | 'message_params'> {
  const base = metric.startsWith('disk:') ? 'disk' : metric;
  const name = (METRIC_MESSAGES as readonly string[]).includes(base)
    ? (base as (typeof METRIC_MESSAGES)[number])
    : null;
  const params: Record<string, string | number> = { value: round(value, metric), metric };
  if (base === 'disk') params.mount = metric.slice('disk:'.length);
  if (!name) return { message_key: 'alerts.metric.other', message_params: params };
  if (forS <= 0) return { message_key: `alerts.metric.${name}.now`, message_params: params };
  if (forS >= 120 && forS % 60 === 0)
    return {
      message_key: `alerts.metric.${name}.minutes`,
      message_params: { ...params, minutes: forS / 60 },
    };
  return { message_key: `alerts.metric.${name}.seconds`, message_params: { ...params, seconds: forS } };
}

/** "2.1 GiB", "512 MiB": IEC units with one decimal, the same in both languages. */
export function sizeText(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 || v >= 100 ? Math.round(v) : Math.round(v * 10) / 10} ${units[i]}`;
}

function band(rule: { fire_at: number; clear_at: number }, v: number): { on: boolean; off: boolean } {
  return firesHigh(rule)
    ? { on: v >= rule.fire_at, off: v <= rule.clear_at }
    : { on: v <= rule.fire_at, off: v >= rule.clear_at };
}

/** Evaluates one rule against one sample. */
export function observe(rule: AlertRule, sample: Sample, trackers: Trackers, now: number): RuleView {
  switch (rule.kind) {
    case 'metric': {
      const metrics =
        rule.metric === 'disk:*' ? sample.disks.map((d) => `disk:${d.mountpoint}`) : [rule.metric];
      const observations: Observation[] = [];
      for (const metric of metrics) {
        const v = metricValue(sample, metric);
        if (v === null) continue;
        observations.push({
          subject: metric,
          value: v,
          ...band(rule, v),
          ...metricMessage(metric, v, rule.for_s),
        });
      }
      // A vanished mount resolves its alert; a metric the platform does not report says nothing.
      return { observations, silent: rule.metric.startsWith('disk:') ? [] : 'all' };
    }
    case 'process': {
      // Several pids of one name (workers, forks) count as one: the user names a program, not a pid.
      const procs = sample.processes.top.filter((p) => p.name === rule.process);
      const v = procs.reduce((s, p) => s + p[rule.measure], 0);
      const params: Record<string, string | number> = { name: rule.process, count: procs.length };
      const msg: Pick<Observation, 'message_key' | 'message_params'> =
        rule.measure === 'cpu_percent'
          ? { message_key: 'alerts.process.cpu', message_params: { ...params, value: Math.round(v) } }
          : { message_key: 'alerts.process.memory', message_params: { ...params, size: sizeText(v) } };
      // Not among the top processes means it uses less than they do: a value of 0, which clears.
      return { silent: [], observations: [{ subject: rule.process, value: v, ...band(rule, v), ...msg }] };
    }
    case 'container': {
      if (!sample.containers) return { silent: 'all', observations: [] };
      const items = sample.containers.items.filter(
        (c) => rule.container === '*' || c.name === rule.container,
      );
      const observations = items.map((c): Observation => {
        const base = { subject: c.name, message_params: { name: c.name } as Record<string, string | number> };
        if (rule.condition === 'exited') {
          // `*` means "tell me when one stops", not "list every container stopped long ago".
          const on = isExited(c.state) && (rule.container !== '*' || trackers.hasRun(c.name));
          return { ...base, value: null, on, off: !on, message_key: 'alerts.container.exited' };
        }
        if (rule.condition === 'unhealthy') {
          const on = c.health === 'unhealthy';
          return { ...base, value: null, on, off: !on, message_key: 'alerts.container.unhealthy' };
        }
        const n = trackers.restartsInWindow(c.name);
        const on = n >= RESTART_LOOP_COUNT;
        return {
          ...base,
          value: n,
          on,
          off: !on,
          message_key: 'alerts.container.restart_loop',
          message_params: { name: c.name, count: n },
        };
      });
      return { silent: [], observations };
    }
    case 'disk_forecast': {
      const mounts = sample.disks.filter((d) => rule.mountpoint === '*' || d.mountpoint === rule.mountpoint);
      const observations: Observation[] = [];
      const silent: string[] = [];
      for (const d of mounts) {
        const h = trackers.hoursToFull(d.mountpoint, now);
        if (h === null) {
          silent.push(d.mountpoint);
          continue;
        }
        const value = Number.isFinite(h) ? Math.round(h * 10) / 10 : null;
        const mins = Math.max(1, Math.round(h * 60));
        const msg: Pick<Observation, 'message_key' | 'message_params'> =
          h < 1
            ? {
                message_key: 'alerts.forecast.minutes',
                message_params: { mount: d.mountpoint, minutes: mins },
              }
            : {
                message_key: 'alerts.forecast.hours',
                message_params: { mount: d.mountpoint, hours: Math.round(h) },
              };
        // The band: a forecast hovering at the horizon does not flap; it clears 25 % past it.
        observations.push({
          subject: d.mountpoint,
          value,
          on: h < rule.hours,
          off: h >= rule.hours * 1.25,
          ...msg,
        });
      }
      return { observations, silent };
    }
  }
}
