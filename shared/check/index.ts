import { isSectionName, type SectionName } from '../snapshot/sections.js';
import { renderCheckGithub, renderCheckJunit } from './ci.js';
import type { CheckResult } from './evaluate.js';
import { renderCheckJson, renderCheckMarkdown, renderCheckText, type CheckRenderOptions } from './render.js';
import type { Rule } from './rule.js';

export {
  BASELINE_KIND,
  BASELINE_SECTIONS,
  BASELINE_VERSION,
  Baseline,
  countBaselineRules,
  createBaseline,
  parseBaseline,
  processesWorthWatching,
} from './baseline.js';
export { escapeData, escapeProperty, xmlEscape } from './ci.js';
export {
  BaselineError,
  RuleSyntaxError,
  describeBaselineError,
  describeReason,
  describeSyntaxError,
  englishReason,
  isRuleSyntaxError,
  type Reason,
} from './errors.js';
export {
  evaluateRule,
  runCheck,
  showValue,
  type CheckResult,
  type CheckSubject,
  type RuleResult,
  type SourcedRule,
} from './evaluate.js';
export { parseRule } from './parse.js';
export { resolvePath } from './path.js';
export { openPorts } from './presence.js';
export { presenceText, type Rule, type RuleSource } from './rule.js';
export { summaryLine, type CheckRenderOptions } from './render.js';

/** Output formats of `check`: a terminal report, JSON, JUnit XML, GitHub workflow commands, Markdown. */
export const CHECK_FORMATS = ['text', 'json', 'junit', 'github', 'markdown'] as const;

/** One check output format. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** True when `s` names a check output format. */
export function isCheckFormat(s: string): s is CheckFormat {
  return (CHECK_FORMATS as readonly string[]).includes(s);
}

/** Renders a check result in one format: the one entry point the CLI (and later the app) calls. */
export function renderCheck(r: CheckResult, format: CheckFormat, opts: CheckRenderOptions): string {
  switch (format) {
    case 'text':
      return renderCheckText(r, opts);
    case 'json':
      return renderCheckJson(r, opts.t);
    case 'junit':
      return renderCheckJunit(r, opts.t);
    case 'github':
      return renderCheckGithub(r, opts.t);
    case 'markdown':
      return renderCheckMarkdown(r, opts.t);
  }
}

/** Sections rules read, so a fresh snapshot for a check collects only those (plus the host, for reports). */
export function sectionsForRules(rules: readonly Rule[], strict: boolean): SectionName[] {
  const out = new Set<SectionName>(['host']);
  if (strict) out.add('ports');
  for (const r of rules) {
    if (r.type === 'compare') {
      const first = r.path[0];
      if (first?.kind === 'field' && isSectionName(first.name)) out.add(first.name);
    } else if (r.kind === 'port') out.add('ports');
    else if (r.kind === 'container') out.add('containers');
    else if (r.kind === 'service') out.add('services');
    else out.add('processes').add('ports'); // a process that owns a port counts even off the top lists
  }
  return [...out];
}
