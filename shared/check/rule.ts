/**
 * The parsed form of a check rule. Two shapes: a comparison of one value of the snapshot JSON with a
 * literal (`disks["/"].used_percent < 85`), and a presence rule that asks whether something runs or
 * listens (`port 443`, `!process telnetd`). Rules are plain strings in flags, baselines and settings,
 * so this module also turns a parsed rule back into its canonical text.
 */

/** Comparison operators, longest first so the parser matches `<=` before `<`. */
export const OPERATORS = ['<=', '>=', '==', '!=', '<', '>'] as const;

/** One comparison operator. */
export type Operator = (typeof OPERATORS)[number];

/** What a presence rule looks for; the keyword is singular so it never collides with a section name. */
export const PRESENCE_KINDS = ['port', 'container', 'service', 'process'] as const;

/** One presence rule keyword. */
export type PresenceKind = (typeof PRESENCE_KINDS)[number];

/** A literal on the right of a comparison: JSON's scalar values. */
export type Literal = number | string | boolean | null;

/** One step of a path: `.field`, `["key"]` (an item by its natural key) or `[0]` (an item by position). */
export type Segment =
  { kind: 'field'; name: string } | { kind: 'key'; key: string } | { kind: 'index'; index: number };

/** Where a rule came from: a `--rule` flag, a baseline file, or the settings. */
export type RuleSource = 'flag' | 'baseline' | 'settings';

/** `PATH OP VALUE`. */
export interface CompareRule {
  type: 'compare';
  text: string;
  path: Segment[];
  op: Operator;
  value: Literal;
}

/** `[!]port N[/tcp|/udp]`. */
export interface PortRule {
  type: 'presence';
  text: string;
  negated: boolean;
  kind: 'port';
  port: number;
  protocol: 'tcp' | 'udp';
}

/** `[!]container|service|process NAME`. */
export interface NamedRule {
  type: 'presence';
  text: string;
  negated: boolean;
  kind: Exclude<PresenceKind, 'port'>;
  name: string;
}

/** Any parsed rule; `text` is the rule as written (trimmed), shown in every report. */
export type Rule = CompareRule | PortRule | NamedRule;

/** Characters a name may hold without quotes: anything but blanks, quotes and brackets. */
const BARE_NAME = /^[^\s"'[\]]+$/;

/** A string as a double-quoted rule literal (backslash escapes for `"` and `\`). */
export function quote(s: string): string {
  return `"${s
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')}"`;
}

/** A name as a rule writes it: bare when it can be, quoted otherwise. */
export function nameToken(name: string): string {
  return BARE_NAME.test(name) && !name.startsWith('!') ? name : quote(name);
}

/** The canonical text of a presence rule, e.g. `port 53/udp`, `!service nginx`, `container "my app"`. */
export function presenceText(
  kind: PresenceKind,
  target: string | { port: number; protocol: 'tcp' | 'udp' },
  negated = false,
): string {
  const what =
    typeof target === 'string'
      ? nameToken(target)
      : `${target.port}${target.protocol === 'udp' ? '/udp' : ''}`;
  return `${negated ? '!' : ''}${kind} ${what}`;
}

/** A path back in rule syntax: `disks["/"].used_percent`, `cpu.per_core_percent[0]`. */
export function pathText(path: readonly Segment[]): string {
  let out = '';
  for (const s of path) {
    if (s.kind === 'field') out += out ? `.${s.name}` : s.name;
    else if (s.kind === 'key') out += `[${quote(s.key)}]`;
    else out += `[${s.index}]`;
  }
  return out;
}

/** A literal in rule syntax: numbers as written by JS, strings quoted. */
export function literalText(v: Literal): string {
  return typeof v === 'string' ? quote(v) : String(v);
}
