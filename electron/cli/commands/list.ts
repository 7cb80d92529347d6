import { formatBytes } from '../../../shared/format.js';
import { UserError } from '../../core/errors.js';
import { cliConfig, openStore } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** `autoinfrasnap list`: the local store's snapshots, newest first. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, { format: { type: 'string', default: 'text' } });
  if (values.format !== 'text' && values.format !== 'json')
    throw new UserError('usage', `--format "${values.format}": expected text or json`);
  const store = openStore(await cliConfig(io, values), io.env);
  const entries = await store.list();
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    return ExitCode.Ok;
  }
  if (entries.length === 0) {
    io.stderr(`autoinfrasnap: no snapshots in ${store.dir} yet; take one with: autoinfrasnap snap\n`);
    return ExitCode.Ok;
  }
  const rows = entries.map((e, i) => [
    i === 0 ? 'latest' : `latest~${i}`,
    e.id,
    e.taken_at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    e.hostname ?? '–',
    formatBytes(e.bytes),
    e.errors ? `${e.errors} error${e.errors === 1 ? '' : 's'}` : '',
  ]);
  const header = ['REF', 'ID', 'TAKEN (UTC)', 'HOST', 'SIZE', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  for (const r of [header, ...rows])
    io.stdout(
      `${r
        .map((v, c) => v.padEnd(widths[c]!))
        .join('  ')
        .trimEnd()}\n`,
    );
  return ExitCode.Ok;
}
