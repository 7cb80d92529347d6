// Secrets recognisable by their own shape: provider tokens with fixed prefixes, JWTs, PEM private keys,
// URL userinfo and Authorization headers. Every regex starts at a literal or behind a lookbehind that
// fails in the middle of a run, so a long run of token characters is walked once, not once per start.
import {
  type Hit,
  type Pass,
  REDACTED,
  isSpace,
  isSpentValue,
  redactedValue,
  rewrite,
  scanValue,
} from './scan.js';

/** A pass that replaces each whole match of `re` (global) and reports it as `id`. */
function wholeMatch(id: string, re: RegExp): Pass {
  return (text, hit) =>
    rewrite(text, re, (m) => {
      hit(id);
      return { to: m.index + m[0].length, replacement: REDACTED };
    });
}

const PEM_BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

/** Replaces the body of PEM/OpenSSH private keys, keeping the BEGIN/END lines; an unterminated body runs to the end. */
export function redactPrivateKeys(text: string, hit: Hit): string {
  if (!text.includes('PRIVATE KEY')) return text;
  return rewrite(text, PEM_BEGIN, (m) => {
    const bodyStart = m.index + m[0].length;
    PEM_END.lastIndex = bodyStart;
    const footer = PEM_END.exec(text);
    const bodyEnd = footer ? footer.index : text.length;
    let a = bodyStart;
    let b = bodyEnd;
    while (a < b && isSpace(text[a])) a++;
    while (b > a && isSpace(text[b - 1])) b--;
    if (isSpentValue(text.slice(a, b))) return { to: footer ? footer.index + footer[0].length : text.length };
    hit('private-key-block');
    return { from: a, to: b, replacement: REDACTED };
  });
}

// The password may hold a raw `@` (a common mistake), so it runs to the last `@` before the path.
const URL_USERINFO = /:\/\/([^\s/?#@:"'<>`]*):([^\s/?#"'<>`]*)@/g;

/** Replaces the password of `scheme://user:password@host`, keeping scheme, user and host. */
export function redactUrlCredentials(text: string, hit: Hit): string {
  if (!text.includes('://')) return text;
  return rewrite(text, URL_USERINFO, (m) => {
    const [, user = '', password = ''] = m;
    const from = m.index + 3 + user.length + 1;
    const to = from + password.length;
    if (isSpentValue(password)) return { to };
    hit('url-credentials');
    return { from, to, replacement: REDACTED };
  });
}

const SLACK_WEBHOOK = /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9/_-]+)/gi;

/** Replaces the secret path of a Slack incoming-webhook URL. */
export function redactSlackWebhooks(text: string, hit: Hit): string {
  return rewrite(text, SLACK_WEBHOOK, (m) => {
    const to = m.index + m[0].length;
    hit('slack-webhook');
    return { from: to - (m[1] ?? '').length, to, replacement: REDACTED };
  });
}

const AUTH_HEADER =
  /(?<![\w-])(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:(?:basic|bearer|token|digest|negotiate|ntlm|apikey)[ \t]+)?/gi;

/** Replaces the credentials of an `Authorization:` header, keeping the scheme word (Bearer, Basic, token). */
export function redactAuthorizationHeaders(text: string, hit: Hit): string {
  return rewrite(text, AUTH_HEADER, (m) => {
    const start = m.index + m[0].length;
    const span = scanValue(text, start);
    if (isSpentValue(text.slice(span.innerStart, span.innerEnd))) return { to: span.end };
    hit('authorization-header');
    return { from: start, to: span.end, replacement: redactedValue(span) };
  });
}

const BEARER = /(?<![\w-])(?:Bearer|BEARER|bearer)[ \t]+([A-Za-z0-9._~+/=-]{8,})/g;

/** Replaces a `Bearer <token>` outside an Authorization header; an all-lowercase word is prose, not a token. */
export function redactBearerTokens(text: string, hit: Hit): string {
  return rewrite(text, BEARER, (m) => {
    const token = m[1] ?? '';
    const to = m.index + m[0].length;
    if (/^[a-z]+$/.test(token)) return { to };
    hit('bearer-token');
    return { from: to - token.length, to, replacement: REDACTED };
  });
}

const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
const BASE64_40 = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const AWS_SECRET_NAME = /(?:secret[\W_]*(?:access[\W_]*)?key|aws[\W_]*secret)[\W_]*$/i;

// A standalone 40-char base64 word is too ambiguous alone; beside an AKIA/ASIA id it is the secret. This
// runs before the key-id rule, which would remove that evidence.
/** Replaces 40-char AWS secret access keys after a secret-key name, or anywhere beside an access key id. */
export function redactAwsSecretKeys(text: string, hit: Hit): string {
  AWS_KEY_ID.lastIndex = 0;
  const hasKeyId = AWS_KEY_ID.test(text);
  // Both ways in need a key id or a name with "secret"; most command lines have neither.
  if (!hasKeyId && !/secret/i.test(text)) return text;
  return rewrite(text, BASE64_40, (m) => {
    const value = m[0];
    const to = m.index + value.length;
    const named = AWS_SECRET_NAME.test(text.slice(Math.max(0, m.index - 40), m.index));
    // A git SHA or other hex digest is not a secret key; real keys mix cases.
    const keyLike = /[a-z]/.test(value) && /[A-Z]/.test(value) && !/^[0-9a-f]+$/i.test(value);
    if (!named && !(hasKeyId && keyLike)) return { to };
    hit('aws-secret-key');
    return { to, replacement: REDACTED };
  });
}

/** Replaces AWS access key ids (AKIA… long-term, ASIA… temporary). */
export const redactAwsKeyIds: Pass = wholeMatch('aws-access-key-id', AWS_KEY_ID);

/** Replaces GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_). */
export const redactGithubTokens: Pass = wholeMatch(
  'github-token',
  /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})(?![A-Za-z0-9_])/g,
);

/** Replaces Slack bot, user, app, refresh and legacy tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xapp-). */
export const redactSlackTokens: Pass = wholeMatch(
  'slack-token',
  /(?<![A-Za-z0-9-])(?:xox[abeprs]|xapp)-[A-Za-z0-9-]{10,}(?![A-Za-z0-9-])/g,
);

/** Replaces JSON Web Tokens: base64url `{"…` header and payload, then an optional signature. */
export const redactJwts: Pass = wholeMatch(
  'jwt',
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
);
