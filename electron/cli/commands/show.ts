import { renderSummary } from '../../../shared/report/summary.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import { UserError } from '../../core/errors.js';
import { readSnapshotFile } from '../../core/store/file.js';
import { cliConfig, openStore, writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { useColor, type CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** A store reference (latest, latest~N, an id or id prefix) rather than a file path. */
export function isStoreRef(ref: string): boolean {
  return /^latest(~\d+)?$/.test(ref) || /^[0-9a-f]{8}(-?[0-9a-f]{0,4}){0,4}[0-9a-f]*$/i.test(ref);
}

/** Reads a snapshot named by a store reference or a file path. */
export async function loadSnapshot(
  ref: string,
  io: CliIo,
  global: { config?: string; store?: string },
): Promise<Snapshot> {
  if (isStoreRef(ref)) return openStore(await cliConfig(io, global), io.env).get(ref);
  const { resolve } = await import('node:path');
  return readSnapshotFile(resolve(io.cwd, ref));
}

/** `autoinfrasnap show REF`: a stored snapshot or a snapshot file, as a summary or JSON. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { format: { type: 'string', default: 'text' }, output: { type: 'string', short: 'o' } },
    true,
  );
  if (values.format !== 'text' && values.format !== 'json')
    throw new UserError('usage', `--format "${values.format}": expected text or json`);
  if (positionals.length !== 1)
    throw new UserError('usage', 'show takes one snapshot: an id, latest, latest~N or a file (see --help)');
  const snapshot = await loadSnapshot(positionals[0]!, io, values);
  const toStdout = values.output === undefined || values.output === '-';
  const body =
    values.format === 'json'
      ? JSON.stringify(snapshot, null, 2)
      : renderSummary(snapshot, { color: toStdout && useColor(io) });
  await writeOutput(io, values.output, body);
  return ExitCode.Ok;
}
