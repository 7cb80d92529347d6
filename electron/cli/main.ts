import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { UserError, isUserError } from '../core/errors.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  config: { type: 'string' },
  store: { type: 'string' },
  lang: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = [
  'snap',
  'list',
  'show',
  'diff',
  'check',
  'baseline',
  'schema',
  'config',
  'serve',
  'tls',
  'share',
  'backup',
  'remote',
  'key',
  'alerts',
] as const;
type Command = (typeof COMMANDS)[number];

/** Writes the one-line user error and returns its exit code. */
function fail(io: CliIo, message: string, code: ExitCode): ExitCode {
  io.stderr(`autoinfrasnap: ${message}\n`);
  return code;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. Each command's module
 * is imported only when it runs, so `--help` and `--version` load nothing heavy.
 */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    io.stdout(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : MAIN_HELP);
    return first === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (first === '-v' || first === '--version' || first === 'version') {
    const { VERSION } = await import('../core/version.js');
    io.stdout(`${VERSION}\n`);
    return ExitCode.Ok;
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    const hint = COMMANDS.find((c) => c.startsWith(first.slice(0, 2)));
    const key = hint ? 'cli.usage.unknown_command' : 'cli.usage.unknown_command_plain';
    const params = { command: first, hint: hint ?? '', commands: COMMANDS.join(', ') };
    return report(new UserError('usage', `unknown command "${first}"`, { key, params }), io, false, argv);
  }
  const command = first as Command;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(COMMAND_HELP[command] ?? MAIN_HELP);
    return ExitCode.Ok;
  }
  const debug = rest.includes('--debug') || io.env.AUTOINFRASNAP_DEBUG === '1';
  try {
    const mod = await loadCommand(command);
    return await mod.run(rest, io);
  } catch (e) {
    return report(e, io, debug, argv);
  }
}

async function loadCommand(c: Command): Promise<{ run(args: string[], io: CliIo): Promise<ExitCode> }> {
  switch (c) {
    case 'snap':
      return import('./commands/snap.js');
    case 'list':
      return import('./commands/list.js');
    case 'show':
      return import('./commands/show.js');
    case 'diff':
      return import('./commands/diff.js');
    case 'check':
      return import('./commands/check.js');
    case 'baseline':
      return import('./commands/baseline.js');
    case 'schema':
      return import('./commands/schema.js');
    case 'config':
      return import('./commands/config.js');
    case 'serve':
      return import('./commands/serve.js');
    case 'tls':
      return import('./commands/tls.js');
    case 'share':
      return import('./commands/share.js');
    case 'backup':
      return import('./commands/backup.js');
    case 'remote':
      return import('./commands/remote.js');
    case 'key':
      return import('./commands/key.js');
    case 'alerts':
      return import('./commands/alerts.js');
  }
}

const KIND_CODES: Record<string, ExitCode> = {
  usage: ExitCode.Usage,
  config: ExitCode.Usage,
  not_found: ExitCode.NotFound,
  corrupt: ExitCode.Io,
  io: ExitCode.Io,
};

const PARSE_ARGS_KEYS: Record<string, string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'cli.usage.unknown_option',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'cli.usage.missing_value',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'cli.usage.unexpected_argument',
};

/** The language for messages: --lang, then AUTOINFRASNAP_LANGUAGE, then the OS locale. */
function messageLang(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return flag ?? env.AUTOINFRASNAP_LANGUAGE ?? 'auto';
}

/**
 * Maps an error to one line in the user's language and an exit code; stacks only for bugs, and only
 * with --debug. English needs no catalog: a UserError's message already is the English text.
 */
export async function report(
  e: unknown,
  io: CliIo,
  debug: boolean,
  argv: readonly string[] = [],
): Promise<ExitCode> {
  let err = e as Error & { code?: string };
  if (err instanceof TypeError && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
    const token = /'([^']+)'/.exec(err.message)?.[1]?.split(' ')[0] ?? '';
    const key = PARSE_ARGS_KEYS[err.code];
    err = key
      ? new UserError('usage', `${err.message.split('\n')[0]} (see --help)`, {
          key,
          params: { option: token, argument: token },
        })
      : new UserError('usage', `${err.message.split('\n')[0]} (see --help)`);
  }
  const { i18nKey, params, message, code } = isUserError(err)
    ? {
        i18nKey: err.key,
        params: err.params,
        message: err.message,
        code: KIND_CODES[err.kind] ?? ExitCode.Usage,
      }
    : {
        i18nKey: 'cli.internal',
        params: { detail: err instanceof Error ? err.message.split('\n')[0]! : String(e) },
        message: `internal error: ${err instanceof Error ? err.message.split('\n')[0] : String(e)} (rerun with --debug and report it)`,
        code: ExitCode.Internal,
      };
  if (debug) io.stderr(`${err instanceof Error ? (err.stack ?? err.message) : String(e)}\n`);
  let text = message;
  if (i18nKey) {
    const [{ createTranslator, resolveLang }, { translate }] = await Promise.all([
      import('../../shared/i18n/index.js'),
      import('../core/messages.js'),
    ]);
    const lang = resolveLang(
      messageLang(argv, io.env),
      io.env,
      () => Intl.DateTimeFormat().resolvedOptions().locale,
    );
    text = translate(createTranslator(lang), i18nKey, params);
  }
  return fail(io, text, code);
}

type OptionValue<O> = O extends { type: 'boolean' }
  ? boolean
  : O extends { multiple: true }
    ? string[]
    : string;

/** Parsed option values of one command (flags left out are undefined unless they have a default). */
export type OptionValues<T> = { [K in keyof T]?: OptionValue<T[K]> };

/** parseArgs with the global options added, strict, for one command. */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
): { values: OptionValues<typeof GLOBAL_OPTIONS & T>; positionals: string[] } {
  const r = parseArgs({
    args,
    options: { ...GLOBAL_OPTIONS, ...options },
    strict: true,
    allowPositionals,
    allowNegative: true,
  });
  return { values: r.values as OptionValues<typeof GLOBAL_OPTIONS & T>, positionals: r.positionals };
}
