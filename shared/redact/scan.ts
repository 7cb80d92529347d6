// Small hand-written scanners shared by the rules. Values are measured in code rather than by one big
// regex so that every character is looked at a bounded number of times: redaction must stay linear even
// on hostile input (a process can put anything in its command line).

/** The literal every secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Called once per redacted secret with the id of the rule that found it. */
export type Hit = (ruleId: string) => void;

/** One step of the redaction pipeline: returns the text with its secrets replaced, reporting each one. */
export type Pass = (text: string, hit: Hit) => string;

/** Where a value starts and ends in the text, and where its content sits inside any quotes. */
export interface ValueSpan {
  /** Index just past the value (past its closing quote when it has one). */
  end: number;
  innerStart: number;
  innerEnd: number;
  /** The opening quote, or '' for a bare value. */
  quote: string;
  /** False for a quoted value whose closing quote never comes (a truncated command line). */
  closed: boolean;
}

const bareCache = new Map<string, RegExp>();

// A bare value runs to whitespace or a quote; a backslash keeps the next character (shell escaping, so
// `pass\ word` and `\"x\"` stay one value). `stops` adds the separator of a list the key sits in.
function bareValue(stops: string): RegExp {
  let re = bareCache.get(stops);
  if (!re) {
    const extra = stops.replace(/[\\\]^-]/g, '\\$&');
    re = new RegExp(`(?:[^\\s"'\\\\${extra}]|\\\\[\\s\\S])*`, 'y');
    bareCache.set(stops, re);
  }
  return re;
}

/** Measures the value that starts at `start`: a "double" (with \-escapes) or 'single' quoted string, else a bare word. */
export function scanValue(text: string, start: number, stops = ''): ValueSpan {
  const quote = text[start];
  if (quote === '"') {
    let i = start + 1;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') return { end: i + 1, innerStart: start + 1, innerEnd: i, quote, closed: true };
      i += c === '\\' ? 2 : 1;
    }
    return { end: text.length, innerStart: start + 1, innerEnd: text.length, quote, closed: false };
  }
  if (quote === "'") {
    const close = text.indexOf("'", start + 1);
    if (close >= 0) return { end: close + 1, innerStart: start + 1, innerEnd: close, quote, closed: true };
    return { end: text.length, innerStart: start + 1, innerEnd: text.length, quote, closed: false };
  }
  // An earlier marker is one value even where its brackets are list separators (`{"password":[REDACTED]}`).
  if (text.startsWith(REDACTED, start)) {
    return {
      end: start + REDACTED.length,
      innerStart: start,
      innerEnd: start + REDACTED.length,
      quote: '',
      closed: true,
    };
  }
  const re = bareValue(stops);
  re.lastIndex = start;
  re.exec(text);
  const end = re.lastIndex;
  return { end, innerStart: start, innerEnd: end, quote: '', closed: true };
}

/** The replacement for a value: quotes kept so the shape of the command line stays readable. */
export function redactedValue(span: ValueSpan): string {
  if (!span.quote) return REDACTED;
  return span.quote + REDACTED + (span.closed ? span.quote : '');
}

/** True when the value holds nothing worth hiding: empty, or already redacted by an earlier rule or run. */
export function isSpentValue(inner: string): boolean {
  return inner === '' || inner === REDACTED;
}

/** True for the whitespace characters `\s` knows, without allocating. */
export function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** What a rule decided about one regex match: resume at `to`, and maybe replace [`from`, `to`) first. */
export interface Decision {
  /** Start of the replaced range; the match start when omitted. */
  from?: number;
  to: number;
  replacement?: string;
}

/** Runs a global regex over `text`, letting `decide` rewrite or skip each match (undefined: skip it). */
export function rewrite(
  text: string,
  re: RegExp,
  decide: (m: RegExpExecArray) => Decision | undefined,
): string {
  let out = '';
  let copied = 0;
  let changed = false;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const d = decide(m);
    if (d?.replacement !== undefined) {
      const from = d.from ?? m.index;
      out += text.slice(copied, from) + d.replacement;
      copied = d.to;
      changed = true;
    }
    // Always move forward, so a rule that resumes inside its own match cannot loop.
    re.lastIndex = Math.max(d?.to ?? m.index + m[0].length, m.index + 1);
  }
  return changed ? out + text.slice(copied) : text;
}
