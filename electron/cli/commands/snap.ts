import { SNAPSHOT_FORMATS, isSnapshotFormat, renderSnapshot } from '../../../shared/report/index.js';
import type { SettingsInput } from '../../../shared/settings/schema.js';
import { SECTION_NAMES, isSectionName, type SectionName } from '../../../shared/snapshot/sections.js';
import { userError } from '../../core/messages.js';
import { takeSnapshot } from '../../core/snapshot/build.js';
import { VERSION } from '../../core/version.js';
import { cliConfig, cliTranslator, list, openStore, writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { useColor, type CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

function sections(flag: string, v: string[] | undefined): SectionName[] | undefined {
  if (!v) return undefined;
  const bad = v.find((s) => !isSectionName(s));
  if (bad)
    throw userError('usage', 'cli.usage.unknown_section', {
      flag,
      value: bad,
      sections: SECTION_NAMES.join(', '),
    });
  return v as SectionName[];
}

function number(
  flag: string,
  v: string | undefined,
  min: number,
  max: number,
  int: boolean,
): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n)))
    throw userError('usage', int ? 'cli.usage.integer' : 'cli.usage.number', { flag, value: v, min, max });
  return n;
}

/** `autoinfrasnap snap`: takes, stores and prints a snapshot. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, {
    window: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
    only: { type: 'string' },
    skip: { type: 'string' },
    top: { type: 'string' },
    redact: { type: 'boolean' },
    save: { type: 'boolean', default: true },
  });
  const format = values.format ?? 'text';
  if (!isSnapshotFormat(format))
    throw userError('usage', 'cli.usage.format', { value: format, formats: SNAPSHOT_FORMATS.join(', ') });
  const snapshotFlags: NonNullable<SettingsInput['snapshot']> = {};
  const w = number('--window', values.window, 0, 60, false);
  if (w !== undefined) snapshotFlags.windowSeconds = w;
  const top = number('--top', values.top, 1, 500, true);
  if (top !== undefined) snapshotFlags.topN = top;
  const only = sections('--only', list(values.only));
  const skip = sections('--skip', list(values.skip));
  if (only) snapshotFlags.only = only;
  if (skip) snapshotFlags.skip = skip;
  const flags: SettingsInput = { snapshot: snapshotFlags };
  if (values.redact === false) flags.redaction = { enabled: false };

  const cfg = await cliConfig(io, values, flags);
  const s = cfg.settings;
  const t = cliTranslator(cfg, io.env);
  if (!s.redaction.enabled) io.stderr(`autoinfrasnap: ${t.t('cli.warn.redaction_off')}\n`);
  const wanted = SECTION_NAMES.filter(
    (n) => (s.snapshot.only.length === 0 || s.snapshot.only.includes(n)) && !s.snapshot.skip.includes(n),
  );
  if (wanted.length === 0) throw userError('usage', 'cli.usage.no_sections');

  const snapshot = await takeSnapshot({
    sections: wanted,
    windowMs: Math.round(s.snapshot.windowSeconds * 1000),
    topN: s.snapshot.topN,
    redaction: { enabled: s.redaction.enabled, patterns: s.redaction.patterns },
    version: VERSION,
  });

  let saved = '';
  if (values.save) {
    // takeSnapshot validated every section and built the rest: no second pass (nor zod) to save it.
    const entry = await openStore(cfg, io.env).save(snapshot, { validated: true });
    saved = t.t('cli.note.saved', { id: entry.id, bytes: entry.bytes });
  }
  const toStdout = values.output === undefined || values.output === '-';
  const body =
    format === 'json' && !toStdout
      ? JSON.stringify(snapshot)
      : await renderSnapshot(snapshot, format, { t, color: toStdout && format === 'text' && useColor(io) });
  await writeOutput(io, values.output, body);
  if (saved && (format === 'text' || !toStdout)) io.stderr(`autoinfrasnap: ${saved}\n`);
  return ExitCode.Ok;
}
