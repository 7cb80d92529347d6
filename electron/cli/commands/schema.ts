import { snapshotJsonSchema } from '../../../shared/snapshot/schema.js';
import { userError } from '../../core/messages.js';
import { writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** `autoinfrasnap schema [snapshot|diff]`: a JSON Schema, generated from the same zod source as the code. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } }, true);
  const kind = positionals[0] ?? 'snapshot';
  let schema: Record<string, unknown>;
  if (kind === 'snapshot') schema = snapshotJsonSchema();
  else if (kind === 'diff') schema = (await import('../../../shared/diff/schema.js')).diffJsonSchema();
  else throw userError('usage', 'cli.usage.schema_kind', { value: kind });
  await writeOutput(io, values.output, JSON.stringify(schema, null, 2));
  return ExitCode.Ok;
}
