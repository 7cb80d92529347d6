// fast-check generators: secrets from broad alphabets placed in every supported shape, inside random
// command lines built from words that must never be redacted.
import fc from 'fast-check';

const chars = (s: string): string[] => [...s];
const ALNUM = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const UPPER_ALNUM = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const B64URL = [...ALNUM, '-', '_'];
const B64 = [...ALNUM, '+', '/'];
// Starts with an unusual letter: fast-check leans towards the first unit, and "QQQQQQ" occurs nowhere else.
const SPECIAL = chars('Q$%&!*#@+/=~^()[]{}<>|:;,.?_-`\\');
const UNICODE = chars('éüßñ中文🔑Ωж');
/** A bare value: no whitespace or quotes (a quote would start a quoted value). */
export const BARE = [...SPECIAL, ...ALNUM, ...UNICODE];
/** Inside "double quotes": spaces and single quotes too, but no double quote. */
export const IN_DOUBLE = [...BARE.filter((c) => c !== '\\'), ' ', "'", '\t'];
/** Inside 'single quotes': anything but the single quote. */
export const IN_SINGLE = [...BARE, ' ', '"'];
/** Legal in URL userinfo (RFC 3986 unreserved, sub-delims and `%`, `:`, plus the common raw `@`). */
export const USERINFO = [...ALNUM, ...chars('-._~!$&()*+,;=%:@')];
const TOKEN68 = [...ALNUM, ...chars('-._~+/=')];

const from = (units: readonly string[], min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...units), minLength: min, maxLength: max });
const exactly = (units: readonly string[], n: number): fc.Arbitrary<string> => from(units, n, n);

/** A secret in some shape: the whole text, the secret itself, and the text around it that must survive. */
export interface Placed {
  text: string;
  secret: string;
  /** Parts (key names, scheme, host) that redaction must keep. */
  kept: string[];
}

const FLAG_NAMES = [
  'password',
  'db-password',
  'apiKey',
  'api-key',
  'auth-token',
  'client-secret',
  'access_token',
];
const ENV_NAMES = [
  'PASSWORD',
  'DB_PASSWORD',
  'SECRET_TOKEN',
  'API_KEY',
  'MYSQL_PWD',
  'PGPASSWORD',
  'CLIENT_SECRET',
];
const FIELD_NAMES = ['password', 'apiKey', 'client_secret', 'token', 'auth', 'passphrase', 'x-api-key'];

// A trailing backslash would escape the space after it and swallow the next word (still redacted, but
// then the words after it are not kept); escapes are covered by the table tests.
const secret = from(BARE, 6, 24).filter((s) => !s.endsWith('\\'));
const spacedSecret = secret.filter((s) => !s.startsWith('-'));
const fieldSecret = secret.filter((s) => !s.startsWith('{') && !s.startsWith('['));

/** Key/value shapes: flags, assignments, quoted values, Java properties, JSON, YAML. */
export const keyValueShape: fc.Arbitrary<Placed> = fc.oneof(
  fc.tuple(fc.constantFrom(...FLAG_NAMES), secret).map(([k, s]) => placed(`--${k}=`, s, '')),
  fc.tuple(fc.constantFrom(...FLAG_NAMES), spacedSecret).map(([k, s]) => placed(`--${k} `, s, '')),
  fc
    .tuple(fc.constantFrom(...FLAG_NAMES), from(IN_DOUBLE, 6, 24))
    .map(([k, s]) => placed(`--${k}="`, s, '"')),
  fc
    .tuple(fc.constantFrom(...FLAG_NAMES), from(IN_SINGLE, 6, 24))
    .map(([k, s]) => placed(`--${k} '`, s, "'")),
  fc.tuple(fc.constantFrom(...ENV_NAMES), secret).map(([k, s]) => placed(`${k}=`, s, '')),
  fc.tuple(fc.constantFrom(...ENV_NAMES), from(IN_DOUBLE, 6, 24)).map(([k, s]) => placed(`${k}="`, s, '"')),
  fc
    .tuple(fc.constantFrom('password', 'db.password', 'javax.net.ssl.trustStorePassword'), secret)
    .map(([k, s]) => placed(`-D${k}=`, s, '')),
  fc.tuple(fc.constantFrom(...FIELD_NAMES), fieldSecret).map(([k, s]) => placed(`${k}: `, s, '')),
  fc
    .tuple(fc.constantFrom(...FIELD_NAMES), from(IN_DOUBLE, 6, 24))
    .map(([k, s]) => placed(`${k}: "`, s, '"')),
  fc.tuple(fc.constantFrom(...FIELD_NAMES), from([...IN_SINGLE, '\\', '\n'], 6, 24)).map(([k, s]) => ({
    text: JSON.stringify({ user: 'app', [k]: s, port: 5432 }),
    secret: s,
    kept: [`"${k}":"`, '"user":"app"', '"port":5432'],
  })),
);

/** URL userinfo, Authorization headers and program options. */
export const contextShape: fc.Arbitrary<Placed> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('postgres', 'mongodb+srv', 'https', 'redis', 'amqp'),
      fc.constantFrom('', 'app', 'x-token'),
      from(USERINFO, 6, 24),
    )
    .map(([scheme, user, s]) => placed(`${scheme}://${user}:`, s, '@db.internal:5432/app')),
  fc
    .tuple(fc.constantFrom('Bearer', 'Basic', 'token'), from(TOKEN68, 6, 40))
    .map(([scheme, s]) => placed(`-H "Authorization: ${scheme} `, s, '"')),
  fc
    .tuple(fc.constantFrom('Bearer', 'token'), secret)
    .map(([scheme, s]) => placed(`Authorization: ${scheme} `, s, '')),
  fc
    .tuple(fc.constantFrom('mysql', 'mysqldump', 'mariadb', '/usr/bin/mysqladmin'), secret)
    .filter(([, s]) => !/^[\d.:]+(?:\/\w+)?$/.test(s)) // `-p3306:3306` reads as a port mapping
    .map(([prog, s]) => placed(`${prog} -uroot -p`, s, ' shop')),
  spacedSecret.map((s) => placed('sshpass -p ', s, ' ssh -p 22 host')),
  fc
    .tuple(fc.constantFrom('admin', 'svc'), from(USERINFO, 6, 24))
    .map(([u, s]) => placed(`curl -u ${u}:`, s, ' https://x')),
);

const ghClassic = fc
  .tuple(fc.constantFrom('ghp', 'gho', 'ghu', 'ghs', 'ghr'), exactly(ALNUM, 36))
  .map(([p, s]) => `${p}_${s}`);
const ghFine = fc.tuple(exactly(ALNUM, 22), exactly(ALNUM, 59)).map(([a, b]) => `github_pat_${a}_${b}`);
const slack = fc
  .tuple(
    fc.constantFrom('xoxb', 'xoxp', 'xoxa', 'xoxr', 'xoxs'),
    from(chars('0123456789'), 10, 13),
    exactly(ALNUM, 24),
  )
  .map(([p, n, s]) => `${p}-${n}-${n}-${s}`);
const awsId = fc.tuple(fc.constantFrom('AKIA', 'ASIA'), exactly(UPPER_ALNUM, 16)).map(([p, s]) => p + s);
const awsSecret = exactly(B64, 40).filter(
  (s) => /[a-z]/.test(s) && /[A-Z]/.test(s) && !/^[0-9a-f]+$/i.test(s),
);
const jwt = fc
  .tuple(from(B64URL, 8, 40), from(B64URL, 8, 80), from(B64URL, 16, 60))
  .map(([h, p, s]) => `eyJ${h}.eyJ${p}.${s}`);

/** Provider tokens with their real prefixes and lengths, in a few surrounding contexts. */
export const tokenShape: fc.Arbitrary<Placed> = fc.oneof(
  fc
    .tuple(fc.constantFrom('', 'GITHUB_TOKEN=', '--token ', '"'), fc.oneof(ghClassic, ghFine))
    .map(([c, s]) => placed(c, s, '')),
  fc.tuple(fc.constantFrom('', 'SLACK=', 'notify '), slack).map(([c, s]) => placed(c, s, '')),
  fc.tuple(fc.constantFrom('', 'id=', 'AWS_ACCESS_KEY_ID='), awsId).map(([c, s]) => placed(c, s, '')),
  awsSecret.map((s) => placed('aws_secret_access_key = ', s, '')),
  fc
    .tuple(awsId, awsSecret)
    .map(([id, s]) => ({ text: `configure ${id} ${s}`, secret: s, kept: ['configure '] })),
  fc.tuple(fc.constantFrom('', '--session ', 'Cookie: id='), jwt).map(([c, s]) => placed(c, s, '')),
  fc
    .tuple(
      fc.constantFrom('RSA ', 'OPENSSH ', 'EC ', 'ENCRYPTED ', ''),
      fc.array(exactly(B64, 64), { minLength: 1, maxLength: 4 }),
    )
    .map(([label, lines]) => {
      const begin = `-----BEGIN ${label}PRIVATE KEY-----`;
      const end = `-----END ${label}PRIVATE KEY-----`;
      return { text: `${begin}\n${lines.join('\n')}\n${end}`, secret: lines.join('\n'), kept: [begin, end] };
    }),
  exactly(ALNUM, 24).map((s) => ({
    text: `https://hooks.slack.com/services/T0AB12CD/B0CD34EF/${s}`,
    secret: s,
    kept: ['https://hooks.slack.com/services/'],
  })),
);

/** Any shape that holds a secret. */
export const anySecretShape: fc.Arbitrary<Placed> = fc.oneof(keyValueShape, contextShape, tokenShape);

/** Command-line words that are never secrets, including near misses (ports, secret-file paths, switches). */
export const SAFE_WORDS = [
  '/usr/bin/app',
  'node',
  'server.js',
  '--port=5432',
  '-p',
  '22',
  '--verbose',
  '-v',
  'run',
  '--config',
  '/etc/app/config.yaml',
  '--no-password',
  '--password-file=/run/secrets/db',
  'ssh',
  'host.example.com',
  '--log-level=info',
  '-Xmx2g',
  '8080',
  '--workers',
  '4',
  './start.sh',
  '--name',
  'web',
  '-e',
  'MODE=prod',
  '--key=/etc/tls/x.key',
  'PWD=/home/x',
  'password-store',
  '--ask-pass',
  'docker',
  '-p8080:80',
  'user@host',
  'https://example.com/a?b=1',
  'key: value',
  'Ünïcödé',
  '日本語',
  '--token-ttl=60',
  '$HOME',
  '&&',
  '|',
  ';',
];

/** A command line of safe words. */
export const safeLine: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...SAFE_WORDS), { maxLength: 12 })
  .map((w) => w.join(' '));

/** A placed secret somewhere inside a safe command line. */
export const lineWithSecret: fc.Arbitrary<Placed> = fc
  .tuple(safeLine, anySecretShape, safeLine)
  .map(([before, p, after]) => ({
    text: [before, p.text, after].filter(Boolean).join(' '),
    secret: p.secret,
    kept: p.kept,
  }));

function placed(prefix: string, secret: string, suffix: string): Placed {
  return { text: prefix + secret + suffix, secret, kept: [prefix.trim(), suffix.trim()].filter(Boolean) };
}
