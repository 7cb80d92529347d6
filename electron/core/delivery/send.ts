import { isHttpUrl, type DeliveryTarget } from '../../../shared/settings/delivery.js';
import { userError } from '../messages.js';
import { VERSION } from '../version.js';
import { sendEmail } from './email.js';
import type { DeliveryMessage } from './message.js';
import { discordPayload, emailText, genericPayload, slackPayload, teamsPayload } from './payloads.js';
import { isSecretRef, resolveSecret, type SecretContext } from './secrets.js';
import { postWebhook } from './webhook.js';

/** What one send needs besides the target and the message. */
export interface SendContext {
  secrets: SecretContext;
  timeoutMs: number;
  /** Epoch ms, for the signature's timestamp. */
  now: number;
}

/**
 * One try of one message to one target: the secrets resolved from their references now (so a rotated
 * secret needs no restart), the message shaped for the target's kind, then posted or mailed. Throws a
 * DeliveryError (retryable or not) or a UserError (a missing or unsafe secret).
 */
export async function sendMessage(
  target: DeliveryTarget,
  m: DeliveryMessage,
  deliveryId: string,
  ctx: SendContext,
): Promise<void> {
  if (target.kind === 'email') {
    const password = target.password
      ? await resolveSecret(target.password, ctx.secrets, { id: target.id, field: 'password' })
      : undefined;
    await sendEmail({
      target,
      password,
      subject: m.title,
      text: emailText(m),
      deliveryId,
      lang: m.lang,
      timeoutMs: ctx.timeoutMs,
      cwd: ctx.secrets.cwd,
    });
    return;
  }
  const url = await webhookUrl(target, ctx.secrets);
  const payload =
    target.kind === 'slack'
      ? slackPayload(m)
      : target.kind === 'discord'
        ? discordPayload(m)
        : target.kind === 'teams'
          ? teamsPayload(m)
          : genericPayload(m, deliveryId);
  const secret =
    target.kind === 'webhook' && target.secret
      ? await resolveSecret(target.secret, ctx.secrets, { id: target.id, field: 'secret' })
      : undefined;
  await postWebhook({
    url,
    body: JSON.stringify(payload),
    deliveryId,
    secret,
    now: ctx.now,
    timeoutMs: ctx.timeoutMs,
    userAgent: `AutoInfraSnap/${VERSION}`,
  });
}

/** A webhook's URL, read from its reference when it is one, and checked to be http(s) again. */
async function webhookUrl(
  target: Exclude<DeliveryTarget, { kind: 'email' }>,
  secrets: SecretContext,
): Promise<string> {
  if (!isSecretRef(target.url)) return target.url;
  const url = (await resolveSecret(target.url, secrets, { id: target.id, field: 'url' })).trim();
  if (!isHttpUrl(url)) throw userError('config', 'delivery.error.url', { id: target.id, field: 'url' });
  return url;
}
