// Redaction of secrets in snapshot strings (command lines, environment, labels) before anyone sees them.
// Pure and synchronous so the same code runs in the CLI, the tray app and the browser dashboard.
//
// Choices worth knowing (details beside each rule):
// - Only values go; key names, schemes, users and hosts stay, so a reader still sees what was configured.
// - A key is judged by its last word: `--db-password` is secret, `--password-file=/run/secrets/x`,
//   `--token-ttl` and `--secret-name` are not (a path to a secret is useful and is not the secret). Bare
//   `PWD` is the working directory; `--no-password`, `--ask-pass`, `--with-token` are switches.
// - Short options are program-specific: `-pSECRET` only for the mysql/mariadb tools (their `-p db` with a
//   space is a database), so `ssh -p 22` and `docker run -p8080:80` stay.
// - A bare value inside a list stops at that list's separator (`,` mount options, `&` query strings,
//   `;` connection strings); elsewhere it runs to whitespace, so a password containing `&` is not split.
// - Strings that contain none of the rules' trigger words skip all passes after one regex test.
import { BUILTIN_PASSES, MAY_HOLD_SECRET } from './rules.js';
import { type Hit, type Pass, REDACTED } from './scan.js';

export { REDACTED } from './scan.js';
export { BUILTIN_RULES, type RedactionRule } from './rules.js';

/** Options for {@link createRedactor}. */
export interface RedactorOptions {
  /**
   * Extra regex sources from the user's config; each becomes rule `custom:<n>` (1-based, in order) and its
   * whole match is replaced (use a lookbehind to keep a prefix). A leading `(?i)`, `(?s)` or `(?m)` is
   * read as flags, as in gitleaks-style patterns.
   */
  extraPatterns?: readonly string[];
}

/** A redaction session: replaces secrets and keeps per-rule counts across calls. */
export interface Redactor {
  /** Returns `text` with every secret replaced by `[REDACTED]`; idempotent for the built-in rules. */
  redact(text: string): string;
  /** Rule id → number of secrets redacted so far (only rules that matched). */
  counts(): Record<string, number>;
  /** Number of secrets redacted so far. */
  total(): number;
}

/** A user-supplied pattern that cannot be used; the message is one line and names the pattern. */
export class RedactionConfigError extends Error {
  override name = 'RedactionConfigError';
}

/** Builds a redactor with the built-in rules plus the config's extra patterns; throws RedactionConfigError on a bad one. */
export function createRedactor(opts: RedactorOptions = {}): Redactor {
  const custom = (opts.extraPatterns ?? []).map((source, i) => customPass(source, i + 1));
  const counts = new Map<string, number>();
  let total = 0;
  const hit: Hit = (id) => {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    total++;
  };
  return {
    redact(text) {
      let out = text;
      if (MAY_HOLD_SECRET.test(text)) for (const pass of BUILTIN_PASSES) out = pass(out, hit);
      for (const pass of custom) out = pass(out, hit);
      return out;
    },
    counts: () => Object.fromEntries(counts),
    total: () => total,
  };
}

function customPass(source: unknown, n: number): Pass {
  const id = `custom:${n}`;
  const shown = JSON.stringify(source);
  if (typeof source !== 'string' || source === '') {
    throw new RedactionConfigError(
      `Redaction pattern ${id} (${shown}) must be a non-empty regular expression`,
    );
  }
  const inline = /^\(\?([ims]+)\)/.exec(source);
  let re: RegExp;
  try {
    re = new RegExp(inline ? source.slice(inline[0].length) : source, `g${inline?.[1] ?? ''}`);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split(': ').at(-1)?.split('\n')[0];
    throw new RedactionConfigError(
      `Redaction pattern ${id} (${shown}) is not a valid regular expression: ${reason}`,
    );
  }
  if (new RegExp(re.source, re.flags.replace('g', '')).test('')) {
    throw new RedactionConfigError(`Redaction pattern ${id} (${shown}) matches the empty string`);
  }
  return (text, hit) => {
    re.lastIndex = 0;
    return text.replace(re, (match: string, ...rest: unknown[]) => {
      const offset = rest.find((r): r is number => typeof r === 'number') ?? 0;
      // Leave earlier markers alone, so a pattern such as `[A-Z]{8}` cannot eat its own output.
      const marker = text.lastIndexOf(REDACTED, offset);
      const insideMarker = marker >= 0 && marker + REDACTED.length >= offset + match.length;
      if (match === '' || insideMarker) return match;
      hit(id);
      return REDACTED;
    });
  };
}

/** Returns a deep copy of plain JSON `value` with every string value (not keys) redacted by `redactor`. */
export function redactDeep<T>(value: T, redactor: Redactor): T {
  return walk(value, redactor) as T;
}

function walk(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, redactor));
  if (value !== null && typeof value === 'object') {
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(src)) {
      const v = walk(src[k], redactor);
      // A "__proto__" key must stay data: plain assignment would replace the copy's prototype.
      if (k === '__proto__')
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return out;
  }
  return value;
}
