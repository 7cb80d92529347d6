import { readFile } from '../../core/os/fs-async.js';
import { resolve } from 'node:path';
import {
  BASELINE_SECTIONS,
  BaselineError,
  countBaselineRules,
  createBaseline,
  describeBaselineError,
  parseBaseline,
  type Baseline,
} from '../../../shared/check/index.js';
import type { MessageKey, Translator } from '../../../shared/i18n/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { SECTION_NAMES, type SectionName } from '../../../shared/snapshot/sections.js';
import type { LoadedConfig } from '../../core/config/load.js';
import { UserError, type UserErrorKind } from '../../core/errors.js';
import { takeSnapshot } from '../../core/snapshot/build.js';
import { VERSION } from '../../core/version.js';
import { cliConfig, cliTranslator, writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';
import { loadSnapshot } from './show.js';

/** A one-line error in the user's language (the message is translated here, where the language is known). */
export function checkError(
  t: Translator,
  kind: UserErrorKind,
  key: MessageKey,
  params: Record<string, string | number> = {},
): UserError {
  return new UserError(kind, t.t(key, params));
}

/** Reads and validates a baseline file: missing → exit 3, unreadable → 4, not a baseline → 2. */
export async function readBaseline(file: string, io: CliIo, t: Translator): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw checkError(t, 'not_found', 'check.error.baseline_missing', { file });
    throw checkError(t, 'io', 'check.error.baseline_unreadable', { file, detail: code ?? String(e) });
  }
  try {
    return parseBaseline(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (e) {
    if (e instanceof BaselineError) throw new UserError('usage', describeBaselineError(e, t, file));
    const detail = (e as Error).message.split('\n')[0] ?? '';
    throw checkError(t, 'usage', 'check.error.baseline_json', { file, detail });
  }
}

/** Sections whose readers measure over the window; without them a check need not wait. */
const RATE_SECTIONS: readonly SectionName[] = ['cpu', 'disks', 'network', 'processes', 'containers'];

/** Takes the snapshot a check needs: only the sections its rules read, unless it is to be kept (--save). */
export async function freshSnapshot(
  cfg: LoadedConfig,
  opts: { sections: SectionName[] | 'all'; window: number | undefined; wideTop: boolean },
): Promise<Snapshot> {
  const s = cfg.settings;
  const allowed = SECTION_NAMES.filter(
    (n) => (s.snapshot.only.length === 0 || s.snapshot.only.includes(n)) && !s.snapshot.skip.includes(n),
  );
  const sections = opts.sections === 'all' ? allowed : allowed.filter((n) => opts.sections.includes(n));
  const measures = sections.some((n) => RATE_SECTIONS.includes(n));
  return takeSnapshot({
    sections,
    windowMs: measures ? Math.round((opts.window ?? s.snapshot.windowSeconds) * 1000) : 0,
    // Process rules look through the top lists: wider lists keep a quiet daemon from looking absent.
    topN: opts.wideTop ? Math.max(s.snapshot.topN, 100) : s.snapshot.topN,
    redaction: { enabled: s.redaction.enabled, patterns: s.redaction.patterns },
    version: VERSION,
  });
}

/**
 * `autoinfrasnap baseline create [--from REF] [-o FILE]`: writes what a snapshot has worth watching
 * (listening ports, running containers and services, long-running daemons) as rules for
 * `check --baseline`. A fresh snapshot reads only those sections and measures no window.
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { from: { type: 'string' }, output: { type: 'string', short: 'o' } },
    true,
  );
  const cfg = await cliConfig(io, values);
  const t = cliTranslator(cfg, io.env);
  if (positionals.length !== 1 || positionals[0] !== 'create')
    throw checkError(t, 'usage', 'check.error.baseline_sub');

  const snapshot: Snapshot =
    values.from !== undefined
      ? await loadSnapshot(values.from, io, cfg)
      : await freshSnapshot(cfg, { sections: ['host', ...BASELINE_SECTIONS], window: 0, wideTop: false });
  for (const section of BASELINE_SECTIONS)
    if (snapshot[section] === undefined)
      io.stderr(`autoinfrasnap: ${t.t('check.note.missing', { section })}\n`);

  const baseline = createBaseline(snapshot);
  await writeOutput(io, values.output, JSON.stringify(baseline, null, 2));
  io.stderr(
    `autoinfrasnap: ${t.t('check.note.baseline', {
      host: baseline.created_from.hostname ?? '?',
      count: baseline.rules.length,
      ...countBaselineRules(baseline),
    })}\n`,
  );
  return ExitCode.Ok;
}
