// Short password options that only mean "password" for particular programs: `mysql -pSECRET`,
// `sshpass -p SECRET`, `redis-cli -a SECRET`, `ldapsearch -w SECRET`, `curl -u user:SECRET`. Elsewhere the
// same letters are ports or users (`ssh -p 22`, `docker run -p8080:80`), so an option is only read in the
// stretch of the command line that belongs to the program: up to `;`, `|`, `&&`, a newline or the next
// known program. Each stretch is walked once.
import { type Hit, REDACTED, isSpace, isSpentValue, scanValue } from './scan.js';

/** One password-carrying option of a program. */
interface OptionSpec {
  flag: string;
  /** Value glued to the flag: `-pSECRET` (or `--flag=SECRET` for a long flag). */
  attached: boolean;
  /** Value as the next word: `-p SECRET`. mysql's `-p db` means "prompt, then use database db". */
  spaced: boolean;
  /** The value is `user:password`; only the part after the first colon is secret. */
  userPass?: boolean;
}

interface ProgramSpec {
  rule: string;
  options: readonly OptionSpec[];
  /** Options end at the first operand (sshpass: what follows is the wrapped command and its own `-p`). */
  optionsFirst?: { takesArg: readonly string[] };
}

const glued = (flag: string): OptionSpec => ({ flag, attached: true, spaced: false });
const either = (flag: string): OptionSpec => ({ flag, attached: true, spaced: true });
const userPass = (flag: string): OptionSpec => ({ flag, attached: true, spaced: true, userPass: true });

const MYSQL: ProgramSpec = { rule: 'mysql-password-flag', options: [glued('-p')] };
const SPECS: ReadonlyArray<readonly [readonly string[], ProgramSpec]> = [
  [
    ['mysql', 'mysqldump', 'mysqladmin', 'mysqlimport', 'mysqlshow', 'mysqlcheck', 'mysqlslap', 'mysqlpump'],
    MYSQL,
  ],
  [
    ['mysqlbinlog', 'mysqlsh', 'mysql_upgrade', 'mariadb', 'mariadb-dump', 'mariadb-admin', 'mariadb-import'],
    MYSQL,
  ],
  [['mariadb-show', 'mariadb-check', 'mariadb-slap', 'mariadb-binlog', 'mariadb-upgrade'], MYSQL],
  [
    ['sshpass'],
    { rule: 'cli-password-flag', options: [either('-p')], optionsFirst: { takesArg: ['-f', '-d', '-P'] } },
  ],
  [['redis-cli'], { rule: 'cli-password-flag', options: [either('-a')] }],
  [
    ['mongo', 'mongosh', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop'],
    {
      rule: 'cli-password-flag',
      options: [{ flag: '-p', attached: false, spaced: true }],
    },
  ],
  [
    [
      'ldapsearch',
      'ldapadd',
      'ldapmodify',
      'ldapdelete',
      'ldapwhoami',
      'ldappasswd',
      'ldapcompare',
      'ldapmodrdn',
    ],
    {
      rule: 'cli-password-flag',
      options: [either('-w')],
    },
  ],
  [['sqlcmd', 'bcp'], { rule: 'cli-password-flag', options: [either('-P')] }],
  [['curl'], { rule: 'cli-password-flag', options: ['-u', '--user', '-U', '--proxy-user'].map(userPass) }],
  [['login'], { rule: 'cli-password-flag', options: [either('-p')] }],
];
const BY_NAME = new Map(SPECS.flatMap(([names, spec]) => names.map((n) => [n, spec] as const)));

// A program is a whole word, bare or under a bin/ directory (`/var/lib/mysql` is a data dir, not mysql);
// `login` only as the subcommand of a container engine.
const NAMES = SPECS.flatMap(([names]) => names.filter((n) => n !== 'login')).join('|');
const PROGRAM_RE = new RegExp(
  `(?<![^\\s'"=;&|(])(?:[^\\s'"=;&|(]*[/\\\\]s?bin[/\\\\])?(${NAMES}|(?:docker|podman|nerdctl)(?:\\.exe)?\\s+login)(?:\\.exe)?(?![^\\s'";&|)])`,
  'gi',
);
// A literal pre-check: the program regex's lookbehind and path prefix cost more than this scan.
const PROGRAM_HINT = /mysql|mariadb|sshpass|redis-cli|mongo|ldap|sqlcmd|bcp|curl|login/i;
const SEGMENT_END = /[;|\n]|&[&\s]/g;
// docker's `-p3306:3306` after an image called mysql is a port mapping, not a password.
const PORT_MAPPING = /^(?:[\d.]+:)?\d+:\d+(?:\/(?:tcp|udp|sctp))?$/;

interface Edit {
  from: number;
  to: number;
}

/** Redacts program-specific password options (`mysql -pX`, `sshpass -p X`, `curl -u user:X`, …). */
export function redactProgramOptions(text: string, hit: Hit): string {
  if (!PROGRAM_HINT.test(text)) return text;
  const programs: { spec: ProgramSpec; end: number; start: number }[] = [];
  PROGRAM_RE.lastIndex = 0;
  for (let m = PROGRAM_RE.exec(text); m; m = PROGRAM_RE.exec(text)) {
    const name = (m[1] ?? '').toLowerCase();
    const spec = BY_NAME.get(/\slogin$/.test(name) ? 'login' : name);
    if (spec) programs.push({ spec, start: m.index, end: m.index + m[0].length });
  }
  if (programs.length === 0) return text;
  const edits: Edit[] = [];
  let cursor = 0;
  let sepAt = -1;
  programs.forEach((p, i) => {
    if (sepAt < p.end) {
      // Found once per separator, not once per program, so `mysql mysql mysql …` stays linear.
      SEGMENT_END.lastIndex = p.end;
      sepAt = SEGMENT_END.exec(text)?.index ?? text.length;
    }
    const limit = Math.min(sepAt, programs[i + 1]?.start ?? text.length);
    cursor = scanOptions(text, Math.max(p.end, cursor), limit, p.spec, edits, hit);
  });
  let out = '';
  let copied = 0;
  for (const e of edits) {
    out += text.slice(copied, e.from) + REDACTED;
    copied = e.to;
  }
  return edits.length === 0 ? text : out + text.slice(copied);
}

// Walks the words in [start, limit), recording the secret part of each password option; returns how far
// it read (a quoted value may run past the limit).
function scanOptions(
  text: string,
  start: number,
  limit: number,
  spec: ProgramSpec,
  edits: Edit[],
  hit: Hit,
): number {
  let i = start;
  while (i < limit) {
    while (i < limit && isSpace(text[i])) i++;
    if (i >= limit) break;
    let j = i;
    while (j < text.length && !isSpace(text[j])) j++;
    const word = text.slice(i, j);
    const found = matchOption(text, word, i, j, spec);
    if (found === 'operand') return j;
    if (found === 'skip-next') {
      i = j;
      while (i < limit && isSpace(text[i])) i++;
      while (i < text.length && !isSpace(text[i])) i++;
      continue;
    }
    if (found) {
      const span = scanValue(text, found.at);
      const inner = text.slice(span.innerStart, span.innerEnd);
      const colon = found.option.userPass ? inner.indexOf(':') : -1;
      const secretFrom = colon >= 0 ? span.innerStart + colon + 1 : span.innerStart;
      const secret = text.slice(secretFrom, span.innerEnd);
      const usable = !(found.option.userPass && colon < 0) && !PORT_MAPPING.test(inner);
      if (usable && !isSpentValue(secret)) {
        hit(spec.rule);
        edits.push({ from: secretFrom, to: span.innerEnd });
      }
      i = Math.max(span.end, j);
      continue;
    }
    i = j;
  }
  return i;
}

// Which option (and where its value starts) a word is; 'operand' ends an options-first program's options.
function matchOption(
  text: string,
  word: string,
  start: number,
  end: number,
  spec: ProgramSpec,
): { option: OptionSpec; at: number } | 'operand' | 'skip-next' | undefined {
  if (spec.optionsFirst && !word.startsWith('-')) return 'operand';
  for (const option of spec.options) {
    const { flag } = option;
    if (word === flag) {
      if (!option.spaced) return undefined;
      let at = end;
      while (at < text.length && isSpace(text[at])) at++;
      const next = text[at];
      return next === undefined || next === '-' ? undefined : { option, at };
    }
    if (option.attached && word.startsWith(flag) && word.length > flag.length) {
      const long = flag.startsWith('--');
      if (long && word[flag.length] !== '=') continue;
      return { option, at: start + flag.length + (long ? 1 : 0) };
    }
  }
  return spec.optionsFirst?.takesArg.includes(word) ? 'skip-next' : undefined;
}
