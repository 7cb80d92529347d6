import { UserError } from '../../core/errors.js';
import type { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** `autoinfrasnap check` (being built). */
export async function run(_args: string[], _io: CliIo): Promise<ExitCode> {
  throw new UserError('usage', 'check is not available yet');
}
