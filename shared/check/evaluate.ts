import type { Snapshot } from '../snapshot/schema.js';
import type { Reason } from './errors.js';
import { resolvePath, type Scalar } from './path.js';
import { evaluatePresence, strictPortOutcomes, type Outcome } from './presence.js';
import { literalText, pathText, type CompareRule, type Rule, type RuleSource } from './rule.js';

/** One rule's verdict, as every output format shows it. */
export interface RuleResult {
  /** The rule as written. */
  rule: string;
  /** A comparison shows its value quoted as JSON; a presence rule shows what it found as is. */
  type: Rule['type'];
  source: RuleSource;
  passed: boolean;
  /** What the snapshot holds for it (a value, a listener, a state), or null when nothing. */
  actual: Scalar;
  /** Why it failed; null when it passed. */
  reason: Reason | null;
}

/** Which snapshot (or baseline) a check was run against, for report headers. */
export interface CheckSubject {
  id: string;
  taken_at: string;
  hostname: string | null;
  /** What redaction did to the snapshot checked (absent for a baseline). */
  redactions?: Snapshot['redactions'];
}

/** The verdict of a whole check: each rule in order, and the counts a CI gate decides on. */
export interface CheckResult {
  rules: RuleResult[];
  passed: number;
  failed: number;
  /** Listening ports beyond the baseline failed too. */
  strict: boolean;
  snapshot: CheckSubject;
  baseline: CheckSubject | null;
}

/** A parsed rule with where it came from. */
export interface SourcedRule {
  rule: Rule;
  source: RuleSource;
}

/** A value in a reason: strings quoted, numbers to two decimals, so "85.004" does not read as a pass. */
export function showValue(v: Scalar): string {
  if (typeof v === 'number') return String(Number.isInteger(v) ? v : Number(v.toFixed(2)));
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function compare(s: Snapshot, r: CompareRule): Outcome {
  const res = resolvePath(s, r.path);
  if (!res.ok) return { passed: false, actual: null, reason: res.reason };
  const v = res.value;
  const params = { actual: showValue(v), expected: literalText(r.value), op: r.op, path: pathText(r.path) };
  if (r.op === '==')
    return v === r.value
      ? { passed: true, actual: v, reason: null }
      : { passed: false, actual: v, reason: { code: 'not_equal', params } };
  if (r.op === '!=')
    return v !== r.value
      ? { passed: true, actual: v, reason: null }
      : { passed: false, actual: v, reason: { code: 'equal', params } };
  if (v === null) return { passed: false, actual: v, reason: { code: 'is_null', params } };
  if (typeof v !== 'number') return { passed: false, actual: v, reason: { code: 'not_number', params } };
  const want = r.value as number;
  const passed = r.op === '<' ? v < want : r.op === '<=' ? v <= want : r.op === '>' ? v > want : v >= want;
  return { passed, actual: v, reason: passed ? null : { code: 'compare', params } };
}

/** Evaluates one rule against a snapshot. Never throws: anything missing is a failing rule with a reason. */
export function evaluateRule(s: Snapshot, r: Rule): Outcome {
  return r.type === 'compare' ? compare(s, r) : evaluatePresence(s, r);
}

/** Options of a check run. */
export interface CheckOptions {
  /** Fail on listening ports no `port` rule names: with a baseline, the ports it did not have. */
  strict?: boolean;
  /** The baseline the rules came from, for report headers. */
  baseline?: CheckSubject | null;
}

/** Evaluates every rule, in order, and counts the verdicts. */
export function runCheck(s: Snapshot, rules: readonly SourcedRule[], opts: CheckOptions = {}): CheckResult {
  const results: RuleResult[] = rules.map(({ rule, source }) => ({
    rule: rule.text,
    type: rule.type,
    source,
    ...evaluateRule(s, rule),
  }));
  if (opts.strict) {
    const known = rules.map((r) => r.rule);
    for (const o of strictPortOutcomes(s, known))
      results.push({ type: 'presence', source: 'baseline', ...o });
  }
  const failed = results.filter((r) => !r.passed).length;
  return {
    rules: results,
    passed: results.length - failed,
    failed,
    strict: opts.strict ?? false,
    snapshot: {
      id: s.id,
      taken_at: s.taken_at,
      hostname: s.host?.hostname ?? null,
      redactions: s.redactions,
    },
    baseline: opts.baseline ?? null,
  };
}
