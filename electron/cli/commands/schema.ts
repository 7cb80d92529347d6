import { snapshotJsonSchema } from '../../../shared/snapshot/schema.js';
import { writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** `autoinfrasnap schema`: the snapshot's JSON Schema, generated from the same zod source as the code. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, { output: { type: 'string', short: 'o' } });
  await writeOutput(io, values.output, JSON.stringify(snapshotJsonSchema(), null, 2));
  return ExitCode.Ok;
}
