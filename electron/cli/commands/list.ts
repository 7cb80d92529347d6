import { displayWidth, formatBytes } from '../../../shared/format.js';
import { userError } from '../../core/messages.js';
import { cliConfig, cliTranslator, openStore } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** `autoinfrasnap list`: the local store's snapshots, newest first. */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, { format: { type: 'string', default: 'text' } });
  if (values.format !== 'text' && values.format !== 'json')
    throw userError('usage', 'cli.usage.format', { value: String(values.format), formats: 'text, json' });
  const cfg = await cliConfig(io, values);
  const t = cliTranslator(cfg, io.env);
  const store = openStore(cfg, io.env);
  const entries = await store.list();
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    return ExitCode.Ok;
  }
  if (entries.length === 0) {
    io.stderr(`autoinfrasnap: ${t.t('cli.note.no_snapshots', { dir: store.dir })}\n`);
    return ExitCode.Ok;
  }
  const rows = entries.map((e, i) => [
    i === 0 ? 'latest' : `latest~${i}`,
    e.id,
    e.taken_at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
    e.hostname ?? '–',
    formatBytes(e.bytes),
    e.errors ? t.t('cli.list.errors', { count: e.errors }) : '',
  ]);
  const header = (['ref', 'id', 'taken', 'host', 'size'] as const)
    .map((k) => t.t(`cli.list.${k}`))
    .concat('');
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]!))));
  const pad = (v: string, c: number): string => v + ' '.repeat(Math.max(0, widths[c]! - displayWidth(v)));
  for (const r of [header, ...rows]) io.stdout(`${r.map(pad).join('  ').trimEnd()}\n`);
  return ExitCode.Ok;
}
