import { resolve } from 'node:path';
import { SNAPSHOT_FORMATS, isSnapshotFormat, renderSnapshot } from '../../../shared/report/index.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import type { LoadedConfig } from '../../core/config/load.js';
import { userError } from '../../core/messages.js';
import { readSnapshotFile } from '../../core/store/file.js';
import { cliConfig, cliTranslator, openStore, writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { useColor, type CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** A store reference (latest, latest~N, an id or id prefix) rather than a file path. */
export function isStoreRef(ref: string): boolean {
  return /^latest(~\d+)?$/.test(ref) || /^[0-9a-f]{8}(-?[0-9a-f]{0,4}){0,4}[0-9a-f]*$/i.test(ref);
}

/** Reads a snapshot named by a store reference or a file path (shared by show, diff and check). */
export async function loadSnapshot(ref: string, io: CliIo, cfg: LoadedConfig): Promise<Snapshot> {
  if (isStoreRef(ref)) return openStore(cfg, io.env).get(ref);
  return readSnapshotFile(resolve(io.cwd, ref));
}

/** `autoinfrasnap show REF`: a stored snapshot or a snapshot file, in any report format. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { format: { type: 'string', default: 'text' }, output: { type: 'string', short: 'o' } },
    true,
  );
  const format = values.format ?? 'text';
  if (!isSnapshotFormat(format))
    throw userError('usage', 'cli.usage.format', { value: format, formats: SNAPSHOT_FORMATS.join(', ') });
  if (positionals.length !== 1) throw userError('usage', 'cli.usage.show_single');
  const cfg = await cliConfig(io, values);
  const snapshot = await loadSnapshot(positionals[0]!, io, cfg);
  const toStdout = values.output === undefined || values.output === '-';
  const body = await renderSnapshot(snapshot, format, {
    t: cliTranslator(cfg, io.env),
    color: toStdout && useColor(io),
  });
  await writeOutput(io, values.output, body);
  return ExitCode.Ok;
}
