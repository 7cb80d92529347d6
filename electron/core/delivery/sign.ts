import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-autoinfrasnap-signature';
/** Header carrying the delivery's id: the same on every retry, so receivers can drop duplicates. */
export const DELIVERY_HEADER = 'x-autoinfrasnap-delivery';
/** How old a signature a receiver should accept by default (five minutes, as Stripe and Slack do). */
export const DEFAULT_TOLERANCE_S = 300;

/** The signature header value for `body` sent at `nowMs`, keyed with `secret`. */
export function signBody(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  const mac = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${mac}`;
}

/** Why a signature was rejected, or null when it is valid. */
export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'mismatch';

/**
 * Verifies a signature header as a receiver should: parse `t` and `v1`, reject timestamps more than
 * `toleranceS` from now (replays), recompute the HMAC over `"<t>.<raw body>"` and compare in constant
 * time. Returns null when valid.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowMs: number,
  toleranceS = DEFAULT_TOLERANCE_S,
): SignatureProblem | null {
  if (!header) return 'missing';
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return 'malformed';
  if (Math.abs(nowMs / 1000 - t) > toleranceS) return 'stale';
  const want = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(want, Buffer.from(v1, 'hex')) ? null : 'mismatch';
}
