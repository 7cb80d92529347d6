import {
  CHECK_FORMATS,
  describeSyntaxError,
  isCheckFormat,
  isRuleSyntaxError,
  parseRule,
  renderCheck,
  runCheck,
  sectionsForRules,
  summaryLine,
  type Baseline,
  type SourcedRule,
} from '../../../shared/check/index.js';
import type { Translator } from '../../../shared/i18n/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { UserError } from '../../core/errors.js';
import { cliConfig, cliTranslator, openStore, writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { useColor, type CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';
import { checkError, freshSnapshot, readBaseline } from './baseline.js';
import { loadSnapshot } from './show.js';

/** Parses rule texts; the first that does not parse stops the command with its column (exit 2). */
function parseAll(texts: readonly string[], source: SourcedRule['source'], t: Translator, file?: string) {
  return texts.map((text, i): SourcedRule => {
    try {
      return { rule: parseRule(text), source };
    } catch (e) {
      if (!isRuleSyntaxError(e)) throw e;
      throw new UserError('usage', describeSyntaxError(e, i + 1, t, file));
    }
  });
}

/** `--window SECONDS` as in snap: 0–60. */
function windowSeconds(v: string | undefined, t: Translator): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 60)
    throw checkError(t, 'usage', 'check.error.window', { value: v });
  return n;
}

/** `autoinfrasnap check`: the CI/CD gate. Exit 0 when every rule passes, 1 when one fails, 2 on bad usage. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, {
    rule: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    strict: { type: 'boolean' },
    snapshot: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
    window: { type: 'string' },
    save: { type: 'boolean' },
  });
  const cfg = await cliConfig(io, values);
  const t = cliTranslator(cfg, io.env);
  const format = values.format ?? 'text';
  if (!isCheckFormat(format))
    throw checkError(t, 'usage', 'check.error.format', { value: format, formats: CHECK_FORMATS.join(', ') });
  const window = windowSeconds(values.window, t);
  const rules = parseAll(values.rule ?? [], 'flag', t);
  const flagged = new Set(rules.map((r) => r.rule.text));
  rules.push(
    ...parseAll(cfg.settings.check.rules, 'settings', t, 'settings').filter((r) => !flagged.has(r.rule.text)),
  );
  let baseline: Baseline | null = null;
  if (values.baseline !== undefined) {
    baseline = await readBaseline(values.baseline, io, t);
    // A rule given both as a flag and in the baseline is checked (and reported) once.
    const given = new Set(rules.map((r) => r.rule.text));
    rules.push(
      ...parseAll(baseline.rules, 'baseline', t, values.baseline).filter((r) => !given.has(r.rule.text)),
    );
  }
  if (rules.length === 0 && baseline === null) throw checkError(t, 'usage', 'check.error.no_rules');
  const strict = values.strict ?? false;

  let snapshot: Snapshot;
  if (values.snapshot !== undefined) snapshot = await loadSnapshot(values.snapshot, io, cfg);
  else {
    const parsed = rules.map((r) => r.rule);
    snapshot = await freshSnapshot(cfg, {
      sections: values.save ? 'all' : sectionsForRules(parsed, strict),
      window,
      wideTop: parsed.some((r) => r.type === 'presence' && r.kind === 'process'),
    });
    if (values.save) {
      const entry = await openStore(cfg, io.env).save(snapshot);
      io.stderr(`autoinfrasnap: ${t.t('check.note.saved', { id: entry.id })}\n`);
    }
  }

  const result = runCheck(snapshot, rules, { strict, baseline: baseline?.created_from ?? null });
  const toStdout = values.output === undefined || values.output === '-';
  await writeOutput(io, values.output, renderCheck(result, format, { t, color: toStdout && useColor(io) }));
  if (!toStdout) io.stderr(`autoinfrasnap: ${summaryLine(result, t)}\n`);
  return result.failed > 0 ? ExitCode.Failed : ExitCode.Ok;
}
