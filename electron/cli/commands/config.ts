import { access } from '../../core/os/fs-async.js';
import { resolve } from 'node:path';
import { defaultSettings } from '../../../shared/settings/schema.js';
import { userError } from '../../core/messages.js';
import { writeSecretFile } from '../../core/store/atomic.js';
import { cliConfig, cliTranslator } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/** `autoinfrasnap config init|show`. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      format: { type: 'string', default: 'text' },
    },
    true,
  );
  const sub = positionals[0];
  if (sub === 'init') {
    const cfg = await cliConfig(io, { config: undefined, store: undefined });
    const target = values.output ? resolve(io.cwd, values.output) : cfg.userSettingsPath;
    if (!values.force && (await exists(target)))
      throw userError('usage', 'cli.usage.config_exists', { path: target });
    await writeSecretFile(target, `${JSON.stringify(defaultSettings(), null, 2)}\n`);
    io.stdout(`${target}\n`);
    return ExitCode.Ok;
  }
  if (sub === 'show') {
    const cfg = await cliConfig(io, values);
    if (values.format === 'json') {
      io.stdout(`${JSON.stringify({ settings: cfg.settings, layers: cfg.layers }, null, 2)}\n`);
      return ExitCode.Ok;
    }
    io.stdout(`${JSON.stringify(cfg.settings, null, 2)}\n`);
    const from = cfg.layers.map((l) => (l.path ? `${l.source} (${l.path})` : l.source));
    const t = cliTranslator(cfg, io.env);
    io.stderr(`autoinfrasnap: ${t.t('cli.note.layers', { layers: ['defaults', ...from].join(' ← ') })}\n`);
    return ExitCode.Ok;
  }
  throw sub
    ? userError('usage', 'cli.usage.config_sub_got', { value: sub })
    : userError('usage', 'cli.usage.config_sub');
}
