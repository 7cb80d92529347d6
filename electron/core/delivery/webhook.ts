import { englishMessage } from '../messages.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody } from './sign.js';
import { DeliveryError, networkReason } from './transport.js';
import { describeUrl } from './secrets.js';

/** One POST of a JSON body to a webhook. */
export interface WebhookRequest {
  url: string;
  body: string;
  deliveryId: string;
  /** HMAC key; when set the body is signed. */
  secret?: string | undefined;
  now: number;
  timeoutMs: number;
  userAgent: string;
}

/**
 * Posts one webhook with the platform's fetch. Redirects are refused (a webhook that moves should be
 * reconfigured, and following one could carry the signed body elsewhere). 2xx is success; 408, 425,
 * 429 and 5xx and network errors are worth a retry; any other status is not (the URL or payload is
 * wrong and will stay wrong).
 */
export async function postWebhook(r: WebhookRequest): Promise<void> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': r.userAgent,
    [DELIVERY_HEADER]: r.deliveryId,
  };
  if (r.secret) headers[SIGNATURE_HEADER] = signBody(r.secret, r.body, r.now);
  let res: Response;
  try {
    res = await fetch(r.url, {
      method: 'POST',
      headers,
      body: r.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(r.timeoutMs),
    });
  } catch (e) {
    throw new DeliveryError(`${describeUrl(r.url)}: ${networkReason(e)}`, true, { cause: e });
  }
  // Drain the body so the connection can be reused; its content is not ours to log.
  await res.arrayBuffer().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return;
  const retryable = [408, 425, 429].includes(res.status) || res.status >= 500;
  throw new DeliveryError(
    englishMessage('delivery.error.http', { status: res.status, destination: describeUrl(r.url) }),
    retryable,
  );
}
