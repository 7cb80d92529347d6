import {
  DIFF_FORMATS,
  diffSnapshots,
  isDiffFormat,
  parseThresholds,
  renderDiff,
  type DiffThresholds,
} from '../../../shared/diff/index.js';
import { RedactionConfigError, createRedactor, type Redactor } from '../../../shared/redact/index.js';
import { UserError } from '../../core/errors.js';
import { cliConfig, cliTranslator, writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { useColor, type CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';
import { loadSnapshot } from './show.js';

function thresholds(specs: string[] | undefined): Partial<DiffThresholds> {
  const out: Partial<DiffThresholds> = {};
  for (const spec of specs ?? []) {
    const r = parseThresholds(spec);
    if (!r.ok) throw new UserError('usage', `--threshold ${r.error}`);
    Object.assign(out, r.value);
  }
  return out;
}

function redactorFor(patterns: string[]): Redactor {
  try {
    return createRedactor({ extraPatterns: patterns });
  } catch (e) {
    if (e instanceof RedactionConfigError) throw new UserError('config', e.message);
    throw e;
  }
}

/**
 * `autoinfrasnap diff A B`: what changed from snapshot A to B, in any diff format. Always exits 0 when
 * both snapshots load, differences or not: a report is not a gate (`check` is).
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      threshold: { type: 'string', multiple: true },
    },
    true,
  );
  const format = values.format ?? 'text';
  if (!isDiffFormat(format))
    throw new UserError('usage', `--format "${format}": expected ${DIFF_FORMATS.join(', ')}`);
  if (positionals.length !== 2)
    throw new UserError(
      'usage',
      `diff takes two snapshots, A and B (got ${positionals.length}): each an id, latest, latest~N or a file (see --help)`,
    );
  const overrides = thresholds(values.threshold);
  const cfg = await cliConfig(io, values);
  const r = cfg.settings.redaction;
  // One after the other: the store's index is read under its lock, and A's error should come first.
  const a = await loadSnapshot(positionals[0]!, io, cfg);
  const b = await loadSnapshot(positionals[1]!, io, cfg);
  // Command lines are keyed and shown redacted, with the user's own patterns too, even when a snapshot
  // was taken with --no-redact; turning redaction off in the settings turns it off here as well.
  const redactor = r.enabled ? redactorFor(r.patterns) : null;
  const diff = diffSnapshots(a, b, {
    thresholds: overrides,
    redact: redactor ? (s) => redactor.redact(s) : (s) => s,
  });
  const toStdout = values.output === undefined || values.output === '-';
  const body = renderDiff(diff, format, { t: cliTranslator(cfg, io.env), color: toStdout && useColor(io) });
  await writeOutput(io, values.output, body);
  return ExitCode.Ok;
}
