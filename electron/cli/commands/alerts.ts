import { userError } from '../../core/messages.js';
import { cliConfig, cliTranslator } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../main.js';

/**
 * `autoinfrasnap alerts test-delivery [TARGET]`: sends a test message now to one delivery target (even
 * a disabled one) or to every enabled target, one line per target. Exit 0 when all were delivered, 1
 * when one failed, 3 when TARGET does not exist. The delivery code loads only here.
 */
export async function run(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, {}, true);
  const [sub, id, extra] = positionals;
  if (sub !== 'test-delivery')
    throw sub
      ? userError('usage', 'delivery.cli.sub_got', { value: sub })
      : userError('usage', 'delivery.cli.sub');
  if (extra !== undefined) throw userError('usage', 'cli.usage.unexpected_argument', { argument: extra });
  const cfg = await cliConfig(io, values);
  const t = cliTranslator(cfg, io.env);
  const { DeliveryService, destination } = await import('../../core/delivery/service.js');
  const svc = new DeliveryService({
    settings: cfg.settings.delivery,
    language: cfg.settings.language,
    env: io.env,
    cwd: io.cwd,
  });
  const results = await svc.test(id, t.lang);
  for (const r of results) {
    const target = cfg.settings.delivery.targets.find((x) => x.id === r.id)!;
    const params = { id: r.id, kind: target.kind, destination: destination(target), error: r.error ?? '' };
    const line = t.t(r.ok ? 'delivery.cli.ok' : 'delivery.cli.failed', params);
    if (r.ok) io.stdout(`${line}\n`);
    else io.stderr(`autoinfrasnap: ${line}\n`);
  }
  return results.every((r) => r.ok) ? ExitCode.Ok : ExitCode.Failed;
}
