import { backupAll } from '../../core/backup/run.js';
import { requireBucket } from '../../core/s3/client.js';
import {
  backupKey,
  credentialStoreFor,
  defaultQueueDir,
  hostEnvOf,
  openRemote,
  storeUploader,
} from '../../core/s3/session.js';
import { UploadQueue } from '../../core/uploads/queue.js';
import { cliConfig, cliTranslator, openStore } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

const BAR = 24;

/**
 * `autoinfrasnap backup`: uploads every local snapshot not yet uploaded (encrypted when
 * backup.encrypt is on). A progress bar on a terminal's stderr, one line per snapshot otherwise. Exit 1
 * when an upload failed: it stays queued and the app (or the next run) retries it.
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseCommandArgs(args, {});
  const cfg = await cliConfig(io, values);
  requireBucket(cfg.settings.s3);
  const t = cliTranslator(cfg, io.env);
  const host = hostEnvOf(io.env);
  const key = await backupKey(cfg.settings, host);
  const store = openStore(cfg, io.env);
  const queue = new UploadQueue(defaultQueueDir(host));
  const remote = await openRemote(cfg.settings, credentialStoreFor(cfg.settings));
  const tty = Boolean(process.stderr.isTTY) && io.env.TERM !== 'dumb';
  try {
    const r = await backupAll(store, queue, storeUploader(store, remote, key), (p) => {
      if (p.error) {
        if (tty) io.stderr('\r\x1b[K');
        io.stderr(`autoinfrasnap: ${t.t('s3.backup.failed', { id: p.id, detail: p.error })}\n`);
      }
      if (tty) {
        const filled = Math.round((p.done / p.total) * BAR);
        io.stderr(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${p.done}/${p.total}`);
        if (p.done === p.total) io.stderr('\n');
      } else if (!p.error) {
        io.stderr(`${t.t('s3.backup.progress', { done: p.done, total: p.total, id: p.id })}\n`);
      }
    });
    if (r.uploaded + r.skipped + r.failed + r.dropped === 0) {
      io.stderr(`autoinfrasnap: ${t.t('s3.backup.nothing')}\n`);
      return ExitCode.Ok;
    }
    io.stderr(
      `autoinfrasnap: ${t.t('s3.backup.done', { uploaded: r.uploaded, skipped: r.skipped, failed: r.failed })}\n`,
    );
    return r.failed > 0 ? ExitCode.Failed : ExitCode.Ok;
  } finally {
    await remote.close();
  }
}
