import { requireBucket } from '../../core/s3/client.js';
import { parseExpires } from '../../core/s3/duration.js';
import { credentialStoreFor, openRemote } from '../../core/s3/session.js';
import { userError } from '../../core/messages.js';
import { cliConfig, cliTranslator } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';
import { loadSnapshot } from './show.js';

/**
 * `autoinfrasnap share [ID|latest] [--expires 24h]`: uploads the snapshot's HTML report and JSON and
 * prints a presigned link to the report (stdout: the link only, so `$(autoinfrasnap share)` works).
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { expires: { type: 'string' } }, true);
  if (positionals.length > 1) throw userError('usage', 's3.share.single');
  const expiresIn = values.expires === undefined ? undefined : parseExpires(values.expires);
  const cfg = await cliConfig(io, values);
  requireBucket(cfg.settings.s3);
  const t = cliTranslator(cfg, io.env);
  const snapshot = await loadSnapshot(positionals[0] ?? 'latest', io, cfg);
  const remote = await openRemote(cfg.settings, credentialStoreFor(cfg.settings));
  try {
    const { shareSnapshot } = await import('../../core/s3/share.js');
    const res = await shareSnapshot(remote, snapshot, {
      expiresIn: expiresIn ?? Math.round(cfg.settings.s3.shareExpiresHours * 3600),
      t,
    });
    const until = new Date(res.expiresAt).toISOString().replace(/\.\d+Z$/, 'Z');
    io.stderr(`autoinfrasnap: ${t.t('s3.share.done', { id: snapshot.id, until })}\n`);
    io.stderr(`sha256 ${res.sha256}\n`);
    io.stdout(`${res.url}\n`);
    return ExitCode.Ok;
  } finally {
    await remote.close();
  }
}
