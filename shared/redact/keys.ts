// Key/value secrets: `--db-password=x`, `--token x`, `DB_PASSWORD=x`, `-Dpassword=x`, `password: x`,
// `"password":"x"`. A literal regex finds where a key *ends* like a secret name; the key is walked back to
// its start and judged by its words in code, and only an accepted key has its value measured. Keys are
// disjoint and a rejected one resumes right after itself, so nothing is scanned twice: the pass is linear.
import { type Hit, REDACTED, isSpace, isSpentValue, redactedValue, rewrite, scanValue } from './scan.js';

/** Rule ids this pass reports, by the shape the secret was found in. */
export const KEY_RULE_IDS = {
  flag: 'flag-value',
  assignment: 'env-assignment',
  field: 'key-value',
} as const;

// Last words that alone make a key secret. `pwd` needs a qualifier: a bare PWD is the working directory.
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pass',
  'passin',
  'passout',
  'secret',
  'token',
  'auth',
  'credential',
  'credentials',
  'creds',
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
]);
// Glued compounds (PGPASSWORD, clientsecret, storepass) count when they end in one of these.
const SECRET_SUFFIXES = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'accesskey',
  'secretkey',
];
// Words ending in "pass" that are not passwords.
const NOT_PASS = new Set([
  'bypass',
  'compass',
  'encompass',
  'surpass',
  'overpass',
  'underpass',
  'trespass',
  'multipass',
]);
// A bare `key` is too broad (`--key=/etc/tls.key`, `--key name`): it needs one of these before it.
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'signing',
  'encryption',
  'master',
  'account',
]);
// Boolean switches that merely mention a secret: `--no-password`, `--ask-pass`, `--with-token`.
const SWITCH_VERBS = new Set([
  'no',
  'ask',
  'prompt',
  'use',
  'with',
  'without',
  'enable',
  'disable',
  'skip',
  'require',
]);
// Keys whose value is usually a path to a key file rather than the key (`--private-key ~/.ssh/id_rsa`).
const PATH_VALUED = new Set([
  'privatekey',
  'signing',
  'encryption',
  'private',
  'credentials',
  'credential',
  'creds',
]);

const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const isLowerOrDigit = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

/** Splits a key into lower-case words: separators, camelCase humps and Java's `-D` prefix all divide. */
export function keyWords(key: string): string[] {
  // A hand loop: this runs for every candidate key, and String#split with a regex is slow in V8.
  let i = 0;
  while (key.charAt(i) === '-') i++;
  if (i === 1 && key.charAt(1) === 'D' && /[A-Za-z]/.test(key.charAt(2))) i = 2;
  const words: string[] = [];
  let word = '';
  for (; i < key.length; i++) {
    const c = key.charAt(i);
    if (c === '-' || c === '_' || c === '.') {
      if (word) words.push(word.toLowerCase());
      word = '';
      continue;
    }
    if (word && isUpper(c) && isLowerOrDigit(key.charAt(i - 1))) {
      words.push(word.toLowerCase());
      word = '';
    }
    word += c;
  }
  if (word) words.push(word.toLowerCase());
  return words;
}

/** True when a key names a secret by its last word(s); `--password-file`, `PWD`, `--no-password` do not. */
export function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  const last = words.at(-1);
  const prev = words.at(-2);
  if (last === undefined) return false;
  if (words.length > 1 && SWITCH_VERBS.has(words[0] ?? '')) return false;
  if (SECRET_WORDS.has(last)) return true;
  if (last === 'pwd') return prev !== undefined;
  if (last === 'key') return prev !== undefined && KEY_QUALIFIERS.has(prev);
  if (last === 'id') return prev === 'secret'; // Vault AppRole's secret_id is a credential.
  if (SECRET_SUFFIXES.some((s) => last.endsWith(s))) return true;
  return last.endsWith('pass') && !NOT_PASS.has(last);
}

// Key-file options show their path: it is useful and not itself the secret.
function isKeyFilePath(key: string, value: string): boolean {
  const words = keyWords(key);
  const qualifier = words.at(-1) === 'key' ? words.at(-2) : words.at(-1);
  return qualifier !== undefined && PATH_VALUED.has(qualifier) && /^(?:~|\.{1,2})?\/[^/]/.test(value);
}

// The end of a key that may name a secret (the next character is not a key character). Matching this
// literal first is several times faster than testing every word start.
const STEM_RE =
  /(?:pass(?:word|wd|phrase|in|out)?|pwd|secret|token|key|auth|cred(?:s|entials?)?|id)(?![\w.-])/gi;
const SEPARATOR = /=|[ \t]+=[ \t]+|[ \t]*:[ \t]*|\s+/y;

// [A-Za-z0-9_.-] by char code: called for every character of every candidate key.
function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45
  );
}

// A bare value inside a list ends at that list's separator: `?a=1&token=x&b=2`, `-o user=u,password=x,uid=0`,
// `Server=h;Password=x;`, JSON `{"password":123,...}`.
function listStops(before: string | undefined, quotedKey: boolean): string {
  if (quotedKey || before === '{') return ',}]';
  if (before === '&' || before === '?') return '&#';
  if (before === ',' || before === ';') return before;
  return '';
}

/** Redacts values of secret-named keys in flags, assignments and JSON/YAML-ish fields. */
export function redactKeyValues(text: string, hit: Hit): string {
  return rewrite(text, STEM_RE, (m) => {
    const keyEnd = m.index + m[0].length;
    let keyStart = m.index;
    while (keyStart > 0 && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
    const key = text.slice(keyStart, keyEnd);
    const open = text[keyStart - 1];
    const quote = (open === '"' || open === "'") && text[keyEnd] === open ? open : '';
    SEPARATOR.lastIndex = keyEnd + quote.length;
    const sep = SEPARATOR.exec(text)?.[0];
    const skip = { to: keyEnd };
    if (sep === undefined) return skip;
    const before = text[keyStart - quote.length - 1];
    const isFlag = quote === '' && key.startsWith('-');
    const hasEq = sep.includes('=');
    const hasColon = sep.includes(':');
    const spaced = isFlag && !hasEq;
    let valueStart = keyEnd + quote.length + sep.length;
    if (spaced && hasColon) {
      // `--password :x` is the spaced form with a value that starts with a colon; `--password:x` is no form.
      if (!isSpace(sep[0])) return skip;
      valueStart = keyEnd + sep.indexOf(':');
    }
    const first = text[valueStart];
    if (!hasEq && !hasColon && !isFlag) return skip; // `secret generic` is prose, not a flag and its value.
    // YAML wants a space after the colon; `token:abc` is more often an id than a key and its value.
    if (hasColon && !isFlag && !quote && !isSpace(sep.at(-1)) && first !== '"' && first !== "'") return skip;
    if (first === undefined || (spaced && first === '-')) return skip;
    if (!isSecretKey(key)) return skip;
    // A JSON/YAML object or list under a secret-named key is structure; its own fields are checked one by one.
    if (
      !isFlag &&
      (quote || hasColon) &&
      (first === '{' || first === '[') &&
      !text.startsWith(REDACTED, valueStart)
    )
      return skip;
    const span = scanValue(text, valueStart, listStops(before, quote !== ''));
    const inner = text.slice(span.innerStart, span.innerEnd);
    if (isSpentValue(inner) || isKeyFilePath(key, inner)) return { to: span.end };
    // ffmpeg's `-pass 1` is an encoding pass number.
    if (key.replace(/^-+/, '') === 'pass' && /^\d$/.test(inner)) return { to: span.end };
    if (!span.quote && inner === 'null') return { to: span.end }; // JSON null: nothing set.
    hit(isFlag ? KEY_RULE_IDS.flag : quote || hasColon ? KEY_RULE_IDS.field : KEY_RULE_IDS.assignment);
    return { from: valueStart, to: span.end, replacement: redactedValue(span) };
  });
}
