import { resolve } from 'node:path';
import { defaultKeyFile, generateKeyFile } from '../../core/crypto/keyfile.js';
import { userError } from '../../core/messages.js';
import { hostEnvOf } from '../../core/s3/session.js';
import { cliConfig, cliTranslator } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** `autoinfrasnap key generate [-o FILE] [--force]`: a new backup encryption key in a 0600 file. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    true,
  );
  if (positionals.length !== 1 || positionals[0] !== 'generate') throw userError('usage', 's3.keycmd.usage');
  const cfg = await cliConfig(io, values);
  const t = cliTranslator(cfg, io.env);
  const host = hostEnvOf(io.env);
  const path = values.output
    ? resolve(io.cwd, values.output)
    : (cfg.settings.backup.keyFile ?? defaultKeyFile(host.env, host.platform, host.home));
  const k = await generateKeyFile(path, values.force === true);
  io.stderr(`autoinfrasnap: ${t.t('s3.key.generated', { id: k.id, path })}\n`);
  io.stdout(`${k.id}\n`);
  return ExitCode.Ok;
}
