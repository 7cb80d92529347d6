import { z } from 'zod';
import {
  Alert,
  type AlertEvent,
  type AlertRule,
  QuietHours as QuietHoursSchema,
} from '../../../shared/contract/alerts.js';
import type { Sample } from '../../../shared/contract/sample.js';
import { UserError } from '../errors.js';
import { type Observation, observe } from './observe.js';
import { type QuietHours, checkTimeZone, inQuietHours, parseQuietHours } from './quiet-hours.js';
import { type AlertRuleInput, DEFAULT_RULES, parseRules } from './rules.js';
import { TrackerState, Trackers } from './trackers.js';

/** How to build an engine; every field has a sensible default. */
export interface AlertEngineOptions {
  /** Default DEFAULT_RULES; defaulted fields (for_s, cooldown_s…) may be left out. */
  rules?: AlertRuleInput[];
  quietHours?: QuietHours;
  clock?: { now(): number };
  /** IANA zone quiet hours are read in; default the system's. */
  timeZone?: string;
  /** Resolved alerts kept in history (default 200). */
  historyLimit?: number;
}

/** The engine's persisted form, so pending/firing alerts, cooldowns and trends survive a restart. */
export const AlertEngineState = z.object({
  version: z.literal(1),
  rules: z.array(z.unknown()),
  quietHours: QuietHoursSchema.default(null),
  active: z.array(z.object({ alert: Alert, notified: z.boolean() })),
  history: z.array(Alert),
  cooldowns: z.array(z.object({ rule_id: z.string(), subject: z.string(), resolved_at: z.number() })),
  trackers: TrackerState,
});
/** The engine's persisted form. */
export type AlertEngineState = z.infer<typeof AlertEngineState>;

/** What every state change in one evaluation shares. */
interface Tick {
  now: number;
  quiet: boolean;
  events: AlertEvent[];
}

interface Instance {
  alert: Alert;
  /** Whether the firing was announced: its resolution is announced only if so. */
  notified: boolean;
}

const copy = (a: Alert): Alert => ({ ...a, message_params: { ...a.message_params } });

/**
 * Evaluates alert rules against each live sample. Per (rule, subject) an alert goes inactive → pending
 * (condition true) → firing (held `for_s`) → resolved (out of the hysteresis band: ≤ clear_at, not
 * merely below fire_at). A pending alert whose condition lapses vanishes without an event. Re-firing
 * within `cooldown_s` of resolving, and anything in quiet hours, changes state with `notify: false`.
 */
export class AlertEngine {
  private ruleList: AlertRule[];
  private quiet: QuietHours;
  private readonly clock: { now(): number };
  private readonly timeZone: string | undefined;
  private readonly historyLimit: number;
  /** Rule id → subject → its pending or firing alert. */
  private instances = new Map<string, Map<string, Instance>>();
  /** Rule id → subject → when it last resolved (for cooldown). */
  private cooldowns = new Map<string, Map<string, number>>();
  private past: Alert[] = [];
  private trackers = new Trackers();
  private listeners = new Set<(e: AlertEvent) => void>();

  constructor(opts: AlertEngineOptions = {}) {
    this.ruleList = opts.rules ? parseRules(opts.rules) : DEFAULT_RULES.map((r) => ({ ...r }));
    this.quiet = parseQuietHours(opts.quietHours ?? null);
    this.clock = opts.clock ?? { now: () => Date.now() };
    checkTimeZone(opts.timeZone);
    this.timeZone = opts.timeZone;
    this.historyLimit = Math.max(0, opts.historyLimit ?? 200);
  }

  /**
   * Feeds one sample; returns the state changes it caused, in rule order, and tells the listeners.
   * Times come from the clock, not `sample.t`, so tests and restored state share one time source.
   */
  evaluate(sample: Sample): AlertEvent[] {
    const now = this.clock.now();
    this.trackers.update(sample, now);
    const tick: Tick = { now, quiet: inQuietHours(this.quiet, now, this.timeZone), events: [] };
    for (const rule of this.ruleList) {
      if (!rule.enabled) continue;
      const view = observe(rule, sample, this.trackers, now);
      const seen = new Set<string>();
      for (const o of view.observations) {
        seen.add(o.subject);
        this.step(rule, o, tick);
      }
      const mine = this.instances.get(rule.id) ?? new Map<string, Instance>();
      for (const [subject, inst] of mine) {
        if (seen.has(subject) || view.silent === 'all' || view.silent.includes(subject)) continue;
        // The subject is gone (unmounted, removed): a pending alert lapses, a firing one resolves.
        if (inst.alert.state === 'pending') mine.delete(subject);
        else this.resolve(rule, inst, null, tick);
      }
    }
    this.pruneCooldowns(now);
    for (const e of tick.events) this.emit(e);
    return tick.events;
  }

  /** Pending and firing alerts. */
  active(): Alert[] {
    return [...this.instances.values()].flatMap((m) => [...m.values()].map((i) => copy(i.alert)));
  }

  /** Resolved alerts, newest first, at most `historyLimit`. */
  history(): Alert[] {
    return this.past.map(copy);
  }

  /** The rules in effect, with the schema's defaults filled in. */
  rules(): AlertRule[] {
    return this.ruleList.map((r) => ({ ...r }));
  }

  /**
   * Replaces the rules (throws a UserError when one is invalid) and returns the state changes it
   * caused. Alerts and cooldowns of rules that are unchanged (same id, same fields) carry on. A firing
   * alert of a removed or edited rule resolves (into the history, with an event, so every window
   * sees it end), and its cooldown is kept so an edited rule that fires again at once is not announced
   * twice; a pending one lapses. An edited rule then starts afresh at the next sample.
   */
  setRules(rules: AlertRuleInput[]): AlertEvent[] {
    const next = parseRules(rules);
    const kept = new Map(next.map((r) => [r.id, JSON.stringify(r)]));
    const now = this.clock.now();
    const tick: Tick = { now, quiet: inQuietHours(this.quiet, now, this.timeZone), events: [] };
    for (const old of this.ruleList) {
      if (kept.get(old.id) === JSON.stringify(old)) continue;
      this.cooldowns.delete(old.id);
      for (const inst of [...(this.instances.get(old.id)?.values() ?? [])])
        if (inst.alert.state === 'firing') this.resolve(old, inst, null, tick);
      this.instances.delete(old.id);
    }
    this.ruleList = next;
    this.pruneCooldowns(now);
    for (const e of tick.events) this.emit(e);
    return tick.events;
  }

  /** Sets or clears (null) the quiet hours. */
  setQuietHours(q: QuietHours): void {
    this.quiet = parseQuietHours(q);
  }

  /** Calls `listener` with every state change; returns the unsubscribe function. */
  onEvent(listener: (e: AlertEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Plain JSON of rules, quiet hours, alerts, cooldowns and trends. */
  toJSON(): AlertEngineState {
    return {
      version: 1,
      rules: this.rules(),
      quietHours: this.quiet,
      active: [...this.instances.values()].flatMap((m) =>
        [...m.values()].map((i) => ({ alert: copy(i.alert), notified: i.notified })),
      ),
      history: this.history(),
      cooldowns: [...this.cooldowns].flatMap(([rule_id, m]) =>
        [...m].map(([subject, resolved_at]) => ({ rule_id, subject, resolved_at })),
      ),
      trackers: this.trackers.toJSON(),
    };
  }

  /**
   * Restores an engine from `toJSON` output (throws a UserError when it is not). Rules or quiet hours
   * in `opts` replace the saved ones the way `setRules` would, keeping the state of unchanged rules.
   */
  static fromJSON(data: unknown, opts: AlertEngineOptions = {}): AlertEngine {
    const parsed = AlertEngineState.safeParse(data);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? '';
      throw new UserError('corrupt', `saved alert state is invalid: ${why}`, { cause: parsed.error });
    }
    const s = parsed.data;
    const engine = new AlertEngine({
      ...opts,
      rules: parseRules(s.rules),
      quietHours: opts.quietHours === undefined ? s.quietHours : opts.quietHours,
    });
    const ids = new Set(engine.ruleList.map((r) => r.id));
    for (const { alert, notified } of s.active)
      if (ids.has(alert.rule_id) && alert.state !== 'resolved')
        inner(engine.instances, alert.rule_id).set(alert.subject, { alert, notified });
    for (const c of s.cooldowns)
      if (ids.has(c.rule_id)) inner(engine.cooldowns, c.rule_id).set(c.subject, c.resolved_at);
    engine.past = s.history.slice(0, engine.historyLimit);
    engine.trackers = Trackers.fromJSON(s.trackers);
    if (opts.rules) engine.setRules(opts.rules);
    return engine;
  }

  private step(rule: AlertRule, o: Observation, tick: Tick): void {
    const { now } = tick;
    const mine = inner(this.instances, rule.id);
    const inst = mine.get(o.subject);
    const forMs = 'for_s' in rule ? rule.for_s * 1000 : 0;
    if (!inst) {
      if (!o.on) return;
      const alert: Alert = {
        rule_id: rule.id,
        subject: o.subject,
        state: 'pending',
        severity: rule.severity,
        value: o.value,
        since: now,
        fired_at: null,
        resolved_at: null,
        message_key: o.message_key,
        message_params: o.message_params,
      };
      const fresh: Instance = { alert, notified: false };
      mine.set(o.subject, fresh);
      if (forMs <= 0) this.fire(rule, fresh, null, tick);
      else tick.events.push({ alert: copy(alert), previous: null, notify: false });
      return;
    }
    if (inst.alert.state === 'pending') {
      // "Sustained" means every reading: one dip below fire_at restarts the wait.
      if (!o.on) {
        mine.delete(o.subject);
        return;
      }
      update(inst.alert, o);
      if (now - inst.alert.since >= forMs) this.fire(rule, inst, 'pending', tick);
      return;
    }
    if (o.off) this.resolve(rule, inst, o.value, tick);
    else update(inst.alert, o);
  }

  private fire(rule: AlertRule, inst: Instance, previous: Alert['state'] | null, tick: Tick): void {
    const { now, quiet, events } = tick;
    const last = this.cooldowns.get(rule.id)?.get(inst.alert.subject);
    const cooling = last !== undefined && now - last < rule.cooldown_s * 1000;
    Object.assign(inst.alert, { state: 'firing', since: now, fired_at: now });
    inst.notified = !quiet && !cooling;
    events.push({ alert: copy(inst.alert), previous, notify: inst.notified });
  }

  private resolve(rule: AlertRule, inst: Instance, value: number | null, tick: Tick): void {
    const { now, quiet, events } = tick;
    // The message keeps its last text while firing ("CPU at 95%…"): what the alert was about, not the
    // reading that cleared it; `value` is that reading (null when the subject vanished).
    Object.assign(inst.alert, { state: 'resolved', since: now, resolved_at: now, value });
    this.instances.get(rule.id)?.delete(inst.alert.subject);
    inner(this.cooldowns, rule.id).set(inst.alert.subject, now);
    this.past.unshift(copy(inst.alert));
    if (this.past.length > this.historyLimit) this.past.length = this.historyLimit;
    events.push({ alert: copy(inst.alert), previous: 'firing', notify: inst.notified && !quiet });
  }

  /** Forgets cooldowns that have run out, so the map stays as small as the set of recent alerts. */
  private pruneCooldowns(now: number): void {
    const byId = new Map(this.ruleList.map((r) => [r.id, r]));
    for (const [id, m] of this.cooldowns) {
      const rule = byId.get(id);
      for (const [subject, t] of m) if (!rule || now - t >= rule.cooldown_s * 1000) m.delete(subject);
      if (m.size === 0) this.cooldowns.delete(id);
    }
  }

  private emit(e: AlertEvent): void {
    for (const l of this.listeners) {
      // One failing listener (a broken webhook) must not stop the tray or the others from hearing.
      try {
        l(e);
      } catch (err) {
        process.emitWarning(`alert listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = outer.get(key);
  if (!m) outer.set(key, (m = new Map()));
  return m;
}

function update(alert: Alert, o: Observation): void {
  alert.value = o.value;
  alert.message_key = o.message_key;
  alert.message_params = o.message_params;
}

// One import for the server and the tray: the engine, its defaults and the types its API uses.
export { DEFAULT_RULES, type AlertRuleInput } from './rules.js';
export type { QuietHours } from './quiet-hours.js';
