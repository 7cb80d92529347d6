import type { Translator } from '../i18n/index.js';
import type { CheckResult } from './evaluate.js';
import { actualText, ruleDetail, subjectLine, summaryLine } from './render.js';

/** The string with every character XML 1.0 forbids (most C0 controls, U+FFFE/F, lone surrogates) as U+FFFD. */
function xmlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    // Iterating by code point: a paired surrogate arrives whole, a lone one alone (and fails the test).
    const c = ch.codePointAt(0)!;
    const ok =
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    out += ok ? ch : '\uFFFD';
  }
  return out;
}

/** Text for an XML element or a double-quoted attribute; forbidden characters become U+FFFD. */
export function xmlEscape(s: string): string {
  return xmlChars(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * JUnit XML, as CI servers read it (GitLab, Jenkins, Azure, test-reporter actions): one suite, one
 * test case per rule, a `<failure>` with the reason for each failed rule.
 */
export function renderCheckJunit(r: CheckResult, t: Translator): string {
  const a = (s: string | number): string => xmlEscape(String(s));
  const suite = 'autoinfrasnap check';
  const counts = `tests="${r.rules.length}" failures="${r.failed}" errors="0" skipped="0" time="0"`;
  const props = [
    ['snapshot.id', r.snapshot.id],
    ['snapshot.taken_at', r.snapshot.taken_at],
    ['strict', String(r.strict)],
    ...(r.baseline ? [['baseline.id', r.baseline.id]] : []),
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${suite}" ${counts}>`,
    // JUnit's schema wants a local timestamp without zone; the properties keep the exact UTC time.
    `  <testsuite name="${suite}" ${counts} timestamp="${a(r.snapshot.taken_at.slice(0, 19))}" hostname="${a(r.snapshot.hostname ?? 'unknown')}">`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property name="${a(k!)}" value="${a(v!)}"/>`),
    '    </properties>',
  ];
  for (const x of r.rules) {
    const open = `    <testcase name="${a(x.rule)}" classname="autoinfrasnap.check.${x.source}" time="0"`;
    if (x.passed) {
      lines.push(`${open}/>`);
      continue;
    }
    const detail = ruleDetail(x, t);
    const actual = actualText(x);
    const body = actual === null ? detail : `${detail}\nactual: ${actual}`;
    lines.push(
      `${open}>`,
      `      <failure message="${a(detail)}" type="${a(x.reason?.code ?? 'failed')}">${a(body)}</failure>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** A workflow command's message: `%`, CR and LF escaped as GitHub's toolkit does. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,` which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A plain log line can never start a workflow command: no line breaks get through. */
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

/**
 * GitHub Actions workflow commands: every rule in a collapsed log group, an `::error` annotation per
 * failed rule (titled with the rule) and a `::notice` with the verdict.
 */
export function renderCheckGithub(r: CheckResult, t: Translator): string {
  const title = t.t('check.table.title');
  const verdict = summaryLine(r, t);
  const lines = [`::group::${escapeData(`${title}: ${verdict}`)}`];
  for (const x of r.rules)
    lines.push(oneLine(`${x.passed ? '✔' : '✘'} ${x.rule}  ${ruleDetail(x, t)}`.trimEnd()));
  lines.push('::endgroup::');
  for (const x of r.rules.filter((y) => !y.passed))
    lines.push(`::error title=${escapeProperty(x.rule)}::${escapeData(ruleDetail(x, t))}`);
  lines.push(`::notice title=${escapeProperty(title)}::${escapeData(`${verdict} · ${subjectLine(r, t)}`)}`);
  return `${lines.join('\n')}\n`;
}
