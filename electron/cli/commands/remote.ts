import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { displayWidth, formatBytes } from '../../../shared/format.js';
import { userError } from '../../core/messages.js';
import { requireBucket } from '../../core/s3/client.js';
import { parseOlderThan, parseSince } from '../../core/s3/duration.js';
import { backupKey, credentialStoreFor, hostEnvOf, openRemote } from '../../core/s3/session.js';
import { decodeSnapshot } from '../../core/store/file.js';
import { cliConfig, cliTranslator, writeOutput } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/**
 * `autoinfrasnap remote list [--host H] [--since DATE] [--format text|json]`, `remote get ID [-o FILE]`
 * (verified and decrypted; `show` and `diff` read the file) and `remote prune --older-than 30d`.
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      host: { type: 'string' },
      since: { type: 'string' },
      format: { type: 'string', default: 'text' },
      output: { type: 'string', short: 'o' },
      'older-than': { type: 'string' },
    },
    true,
  );
  const [sub, ...rest] = positionals;
  if (sub !== 'list' && sub !== 'get' && sub !== 'prune') throw userError('usage', 's3.remote.usage');
  if (values.format !== 'text' && values.format !== 'json')
    throw userError('usage', 'cli.usage.format', { value: String(values.format), formats: 'text, json' });
  if (sub === 'get' && rest.length !== 1) throw userError('usage', 's3.remote.get_single');
  if (sub !== 'get' && rest.length > 0)
    throw userError('usage', 'cli.usage.unexpected_argument', { argument: rest[0]! });
  if (sub === 'prune' && values['older-than'] === undefined)
    throw userError('usage', 's3.remote.prune_needs');
  const since = values.since === undefined ? undefined : parseSince(values.since);
  const olderThan = values['older-than'] === undefined ? undefined : parseOlderThan(values['older-than']);

  const cfg = await cliConfig(io, values);
  const s3 = requireBucket(cfg.settings.s3);
  const t = cliTranslator(cfg, io.env);
  const remote = await openRemote(cfg.settings, credentialStoreFor(cfg.settings));
  try {
    const ops = await import('../../core/s3/remote.js');
    if (sub === 'list') {
      const items = await ops.listRemote(remote, { host: values.host, since });
      if (values.format === 'json') {
        const out = items.map((i) => ({ ...i, taken_at: new Date(i.takenAt).toISOString() }));
        io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      } else if (items.length === 0) {
        io.stderr(`autoinfrasnap: ${t.t('s3.remote.none', { bucket: s3.bucket, prefix: s3.prefix })}\n`);
      } else {
        const head = (['id', 'host', 'taken', 'size', 'enc'] as const).map((k) =>
          t.t(`s3.remote.header.${k}`),
        );
        const rows = items.map((i) => [
          i.id,
          i.host,
          new Date(i.takenAt)
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, 'Z'),
          formatBytes(i.size),
          i.encrypted ? '✓' : '',
        ]);
        const widths = head.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]!))));
        const pad = (v: string, c: number): string =>
          v + ' '.repeat(Math.max(0, widths[c]! - displayWidth(v)));
        for (const r of [head, ...rows]) io.stdout(`${r.map(pad).join('  ').trimEnd()}\n`);
      }
      return ExitCode.Ok;
    }
    if (sub === 'get') {
      const ref = rest[0]!;
      const needsKey = (await ops.listRemote(remote)).some(
        (i) => i.id.startsWith(ref.toLowerCase()) && i.encrypted,
      );
      const key = needsKey ? await backupKeyOrNone(cfg.settings, io) : undefined;
      const { entry, gz } = await ops.getRemote(remote, ref, key);
      const label = `s3://${s3.bucket}/${entry.key}`;
      await decodeSnapshot(gz, label); // a snapshot, valid against the model, or a one-line error
      const target = values.output;
      if (target !== undefined && target !== '-' && target.endsWith('.gz')) {
        const path = resolve(io.cwd, target);
        const { writeFileAtomic } = await import('../../core/store/atomic.js');
        await writeFileAtomic(path, gz);
        io.stderr(`autoinfrasnap: ${t.t('s3.remote.written', { path })}\n`);
      } else {
        await writeOutput(io, target, gunzipSync(gz).toString('utf8'));
        if (target !== undefined && target !== '-')
          io.stderr(`autoinfrasnap: ${t.t('s3.remote.written', { path: resolve(io.cwd, target) })}\n`);
      }
      return ExitCode.Ok;
    }
    const r = await ops.pruneRemote(remote, olderThan!);
    io.stderr(
      `autoinfrasnap: ${t.t('s3.remote.pruned', { count: r.removed, kept: r.kept, days: Math.round((olderThan! / 86_400_000) * 10) / 10 })}\n`,
    );
    return ExitCode.Ok;
  } finally {
    await remote.close();
  }
}

// The key is needed only for an encrypted object, whatever backup.encrypt says now.
async function backupKeyOrNone(settings: Parameters<typeof backupKey>[0], io: CliIo) {
  return backupKey({ ...settings, backup: { ...settings.backup, encrypt: true } }, hostEnvOf(io.env));
}
