import { RuleSyntaxError, type Params, type SyntaxCode } from './errors.js';
import {
  OPERATORS,
  PRESENCE_KINDS,
  type Literal,
  type Operator,
  type PresenceKind,
  type Rule,
  type Segment,
} from './rule.js';

/** Multipliers of the units a number may carry: `85%`, `512MiB`, `2GB`. */
const UNITS: Record<string, number> = {
  '%': 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/;
const UNIT = /^(?:%|[A-Za-z]+)/;
const BARE = /^[^\s"'[\]]+/;

/** A cursor over one trimmed rule; every error it raises names the column it stopped at. */
class Cursor {
  i = 0;
  constructor(readonly text: string) {}

  get rest(): string {
    return this.text.slice(this.i);
  }
  get done(): boolean {
    return this.i >= this.text.length;
  }
  peek(): string {
    return this.text[this.i] ?? '';
  }
  skipBlanks(): void {
    while (/\s/.test(this.peek())) this.i++;
  }
  match(re: RegExp): string | null {
    const m = re.exec(this.rest);
    if (!m) return null;
    this.i += m[0].length;
    return m[0];
  }
  /** Columns count characters, not UTF-16 units, so a Hangul or emoji name does not shift them. */
  fail(code: SyntaxCode, at = this.i, params: Params = {}): never {
    throw new RuleSyntaxError(this.text, code, [...this.text.slice(0, at)].length + 1, params);
  }

  /** A quoted string at the cursor (`"…"` or `'…'`, backslash escapes); the cursor is on the quote. */
  string(): string {
    const start = this.i;
    const q = this.peek();
    this.i++;
    let out = '';
    while (!this.done) {
      const c = this.peek();
      this.i++;
      if (c === q) return out;
      if (c === '\\' && !this.done) {
        const e = this.peek();
        this.i++;
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
      } else out += c;
    }
    return this.fail('unterminated', start);
  }

  /** Fails unless only blanks are left. */
  end(): void {
    this.skipBlanks();
    if (this.done) return;
    const text = this.rest.length > 24 ? `${this.rest.slice(0, 24)}…` : this.rest;
    this.fail('trailing', this.i, { text });
  }
}

const isQuote = (c: string): boolean => c === '"' || c === "'";

function pathSegments(c: Cursor, first: string): Segment[] {
  const path: Segment[] = [{ kind: 'field', name: first }];
  for (;;) {
    if (c.peek() === '.') {
      c.i++;
      const name = c.match(IDENT);
      if (name === null) c.fail('expected_field');
      path.push({ kind: 'field', name });
    } else if (c.peek() === '[') {
      c.i++;
      c.skipBlanks();
      if (isQuote(c.peek())) path.push({ kind: 'key', key: c.string() });
      else {
        const digits = c.match(/^\d+/);
        if (digits === null) c.fail('expected_key');
        path.push({ kind: 'index', index: Number(digits) });
      }
      c.skipBlanks();
      if (c.peek() !== ']') c.fail('expected_close');
      c.i++;
    } else return path;
  }
}

function operator(c: Cursor): Operator {
  const op = OPERATORS.find((o) => c.rest.startsWith(o));
  if (op) {
    c.i += op.length;
    return op;
  }
  return c.fail(c.peek() === '=' ? 'single_equals' : 'expected_operator');
}

function literal(c: Cursor): Literal {
  const start = c.i;
  if (isQuote(c.peek())) return c.string();
  const num = c.match(NUMBER);
  if (num !== null) {
    const unitAt = c.i;
    const unit = c.match(UNIT);
    const factor = unit === null ? 1 : UNITS[unit];
    if (factor === undefined) c.fail('bad_unit', unitAt, { unit: unit ?? '' });
    const n = Number(num) * factor;
    if (!Number.isFinite(n)) c.fail('expected_value', start);
    return n;
  }
  const word = c.match(BARE);
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === 'null') return null;
  if (word !== null) c.fail('unquoted', start, { word });
  return c.fail('expected_value');
}

function presence(c: Cursor, kind: PresenceKind, negated: boolean, text: string): Rule {
  c.skipBlanks();
  if (kind === 'port') {
    const at = c.i;
    const digits = c.match(/^\d+/);
    if (digits === null || Number(digits) > 65535 || !/^(?:\/|\s|$)/.test(c.rest))
      c.fail('expected_port', at);
    let protocol: 'tcp' | 'udp' = 'tcp';
    if (c.peek() === '/') {
      c.i++;
      const p = c.match(/^[A-Za-z]+/)?.toLowerCase();
      if (p !== 'tcp' && p !== 'udp') c.fail('expected_protocol', at + digits.length + 1);
      protocol = p;
    }
    c.end();
    return { type: 'presence', text, negated, kind, port: Number(digits), protocol };
  }
  const at = c.i;
  const name = isQuote(c.peek()) ? c.string() : c.match(BARE);
  if (!name) c.fail('expected_name', at, { kind });
  c.end();
  return { type: 'presence', text, negated, kind, name };
}

/**
 * Parses one rule. Throws `RuleSyntaxError` (and nothing else) naming the column where it stopped.
 *
 *     rule     := presence | compare
 *     presence := ["!"] ("port" PORT ["/tcp" | "/udp"] | ("container" | "service" | "process") NAME)
 *     compare  := path OP value
 *     path     := IDENT ("." IDENT | "[" (STRING | INDEX) "]")*
 *     OP       := "<" | "<=" | ">" | ">=" | "==" | "!="
 *     value    := NUMBER [UNIT] | STRING | "true" | "false" | "null"
 */
export function parseRule(input: string): Rule {
  const text = input.trim();
  const c = new Cursor(text);
  if (c.done) c.fail('empty', 0);
  let negated = false;
  if (c.peek() === '!') {
    negated = true;
    c.i++;
    c.skipBlanks();
  }
  const first = c.match(IDENT);
  if (first === null) return c.fail('expected_start');
  if ((PRESENCE_KINDS as readonly string[]).includes(first) && (c.done || /\s/.test(c.peek()))) {
    if (c.done) c.fail(first === 'port' ? 'expected_port' : 'expected_name', c.i, { kind: first });
    return presence(c, first as PresenceKind, negated, text);
  }
  if (negated) c.fail('negated_compare', 0);
  const path = pathSegments(c, first);
  c.skipBlanks();
  const op = operator(c);
  c.skipBlanks();
  const valueAt = c.i;
  const value = literal(c);
  if (op !== '==' && op !== '!=' && typeof value !== 'number') c.fail('expected_number', valueAt, { op });
  c.end();
  return { type: 'compare', text, path, op, value };
}
