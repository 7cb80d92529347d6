import type { Translator } from '../i18n/index.js';
import { describeReason } from './errors.js';
import { showValue, type CheckResult, type RuleResult } from './evaluate.js';
import { redactionSummary } from '../report/summary.js';

/** Options every check renderer takes. */
export interface CheckRenderOptions {
  t: Translator;
  /** ANSI colours, text format only. */
  color: boolean;
}

/** Pads to a terminal width, counting Hangul and other wide characters as two columns. */
function pad(s: string, width: number): string {
  let cols = 0;
  for (const ch of s)
    cols += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(1, width - cols));
}

const paint = (on: boolean, code: number, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** The verdict in one line: "all 3 rules passed" or "1 of 3 rules failed". */
export function summaryLine(r: CheckResult, t: Translator): string {
  const total = r.rules.length;
  if (total === 0) return t.t('check.summary.none');
  return r.failed === 0
    ? t.t('check.summary.passed', { count: total })
    : t.t('check.summary.failed', { count: r.failed, total });
}

/** Which snapshot was checked (and against which baseline), in one line. */
export function subjectLine(r: CheckResult, t: Translator): string {
  const snap = t.t('check.summary.snapshot', {
    id: r.snapshot.id.slice(0, 8),
    host: r.snapshot.hostname ?? '?',
    time: t.dateTime(r.snapshot.taken_at),
  });
  const base = r.baseline
    ? ` · ${t.t('check.summary.baseline', { host: r.baseline.hostname ?? '?', time: t.dateTime(r.baseline.taken_at) })}`
    : '';
  const redacted = r.snapshot.redactions
    ? ` · ${t.t('common.section.redacted')}: ${redactionSummary(r.snapshot.redactions, t)}`
    : '';
  return snap + base + redacted;
}

/** What the snapshot held for a rule, as reports show it (null when nothing). */
export function actualText(r: RuleResult): string | null {
  if (r.actual === null) return null;
  return r.type === 'presence' ? String(r.actual) : showValue(r.actual);
}

/** What a rule's line says after the rule: the reason it failed, or the value it passed with. */
export function ruleDetail(r: RuleResult, t: Translator): string {
  if (r.reason) return describeReason(r.reason, t);
  return actualText(r) ?? '';
}

/** The terminal report: ✔ or ✘ per rule with its detail, then the verdict and the snapshot checked. */
export function renderCheckText(r: CheckResult, opts: CheckRenderOptions): string {
  const { t, color: c } = opts;
  const width = Math.min(48, Math.max(0, ...r.rules.map((x) => x.rule.length)) + 2);
  const lines = r.rules.map((x) => {
    const mark = x.passed ? paint(c, 32, '✔') : paint(c, 31, '✘');
    const src = x.source === 'flag' ? '' : paint(c, 2, ` [${t.t(`check.source.${x.source}`)}]`);
    const detail = ruleDetail(x, t);
    return `${mark} ${pad(x.rule, width)}${x.passed ? paint(c, 2, detail) : detail}${src}`.trimEnd();
  });
  const verdict = summaryLine(r, t);
  lines.push('', paint(c, 1, r.failed ? paint(c, 31, verdict) : paint(c, 32, verdict)));
  if (r.strict) lines.push(paint(c, 2, t.t('check.summary.strict')));
  lines.push(paint(c, 2, subjectLine(r, t)));
  return `${lines.join('\n')}\n`;
}

/** The machine-readable report: the result with reasons both as codes and in words. */
export function renderCheckJson(r: CheckResult, t: Translator): string {
  const doc = {
    kind: 'autoinfrasnap-check',
    version: 1,
    ok: r.failed === 0,
    passed: r.passed,
    failed: r.failed,
    strict: r.strict,
    snapshot: r.snapshot,
    baseline: r.baseline,
    rules: r.rules.map((x) => ({
      rule: x.rule,
      source: x.source,
      passed: x.passed,
      actual: x.actual,
      reason: x.reason ? describeReason(x.reason, t) : null,
      reason_code: x.reason?.code ?? null,
      reason_params: x.reason?.params ?? null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Text safe inside a Markdown table cell: pipes escaped, newlines folded, HTML-significant characters escaped. */
function cell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** Code span that survives backticks inside the rule (CommonMark: a longer fence). */
function code(s: string): string {
  const one = s.replace(/\r?\n/g, ' ');
  const ticks = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length)) + 1;
  const fence = '`'.repeat(ticks);
  return `${fence}${ticks > 1 || one.startsWith('`') ? ` ${one} ` : one}${fence}`.replace(/\|/g, '\\|');
}

/** A Markdown report (GitHub step summary, merge request notes): a heading with the verdict and a table. */
export function renderCheckMarkdown(r: CheckResult, t: Translator): string {
  const head = `### ${r.failed ? '❌' : '✅'} ${t.t('check.table.title')}: ${cell(summaryLine(r, t))}`;
  const cols = ['result', 'rule', 'source', 'detail'] as const;
  const lines = [
    head,
    '',
    cell(subjectLine(r, t)) + (r.strict ? `  \n${cell(t.t('check.summary.strict'))}` : ''),
    '',
  ];
  if (r.rules.length) {
    lines.push(
      `| ${cols.map((c) => t.t(`check.table.${c}`)).join(' | ')} |`,
      `|${' --- |'.repeat(cols.length)}`,
    );
    for (const x of r.rules) {
      const result = x.passed ? `✅ ${t.t('check.table.pass')}` : `❌ ${t.t('check.table.fail')}`;
      lines.push(
        `| ${result} | ${code(x.rule)} | ${cell(t.t(`check.source.${x.source}`))} | ${cell(ruleDetail(x, t))} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
