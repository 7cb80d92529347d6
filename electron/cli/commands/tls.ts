import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { userError } from '../../core/messages.js';
import { userDataDir } from '../../core/paths.js';
import { cliConfig, cliTranslator } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/** The loopback names every certificate of `tls init` also covers, so local checks just work. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * `autoinfrasnap tls init [--dir DIR] [--name NAME]... [--days N] [--force]`: a local CA and a server
 * certificate signed by it, for `serve --tls-cert/--tls-key` (private keys 0600). An existing CA in
 * the folder is reused, so clients that trust it keep working when the server certificate is renewed.
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      dir: { type: 'string' },
      name: { type: 'string', multiple: true },
      days: { type: 'string', default: '397' },
      force: { type: 'boolean', default: false },
    },
    true,
  );
  const cfg = await cliConfig(io, values);
  const t = cliTranslator(cfg, io.env);
  if (positionals.length !== 1 || positionals[0] !== 'init')
    throw userError('usage', 'server.tls.subcommand', { value: positionals.join(' ') });
  const days = Number(values.days);
  if (!/^\d{1,3}$/.test(values.days ?? '') || days < 1 || days > 825)
    throw userError('usage', 'server.tls.bad_days', { value: values.days ?? '' });
  const dir = values.dir
    ? resolve(io.cwd, values.dir)
    : join(userDataDir(io.env, process.platform, homedir()), 'server', 'tls');
  const given = (values.name ?? []).flatMap((n) => n.split(',')).map((n) => n.trim());
  const names = [...(given.length ? given : [hostname()]), ...LOOPBACK_NAMES];
  // @peculiar/x509 is loaded only here: no other command pays for it.
  const { initTls } = await import('../../core/tls/ca.js');
  const r = await initTls({ dir, names, days, force: values.force === true });
  io.stdout(
    `${t.t('server.tls.init_done', {
      dir: r.dir,
      caCert: r.caCert,
      caKey: r.caKey,
      serverCert: r.serverCert,
      serverKey: r.serverKey,
      names: r.names.join(', '),
      date: r.notAfter.toISOString().slice(0, 10),
      reused: r.reusedCa ? t.t('server.tls.reused_ca') : '',
    })}\n`,
  );
  return ExitCode.Ok;
}
