import { z } from 'zod';

/**
 * Alert delivery settings (`delivery.*`): where alerts go when no one watches the tray — webhooks
 * (generic signed JSON, Slack, Discord, Microsoft Teams) and email over SMTP. Secrets never live in
 * the settings themselves: they are references, `env:NAME` (an environment variable) or `file:PATH`
 * (a file only its owner may read, mode 0600), resolved when a message is sent. So `settings:get`,
 * `config show` and logs only ever show the reference.
 */

/** `env:NAME` or `file:/absolute/or/relative/path`: where a secret is read from. */
export const SecretRef = z
  .string()
  .regex(
    /^(env:[A-Za-z_][A-Za-z0-9_]*|file:(?!\/\/).+)$/,
    'expected env:NAME or file:PATH (never the secret itself)',
  )
  .describe('A secret reference: env:NAME or file:PATH (mode 0600)');

/** True for an absolute http: or https: URL (the only schemes a webhook may use). */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** A webhook URL: http(s) only, or a secret reference (Slack and Discord URLs carry their token). */
export const WebhookUrl = z
  .string()
  .refine((s) => isHttpUrl(s) || SecretRef.safeParse(s).success, {
    message: 'expected an http:// or https:// URL, or env:NAME / file:PATH holding one',
  })
  .describe('http(s) URL, or env:NAME / file:PATH holding it');

const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i, 'use letters, digits, - and _ (at most 40)')
    .describe('Name of the target, as status, the dashboard and test-delivery show it'),
  enabled: z.boolean().default(true),
  language: z
    .enum(['auto', 'en', 'ko'])
    .default('auto')
    .describe('Language of its messages; auto follows the language setting'),
  minSeverity: z.enum(['warning', 'critical']).default('warning').describe('Skip alerts below this'),
  resolved: z.boolean().default(true).describe('Also send when an alert resolves'),
  snapshot: z.boolean().default(true).describe('Attach a fresh snapshot summary to firing alerts'),
};

/** Where alerts go: one webhook or mailbox. */
export const DeliveryTarget = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('webhook'),
    ...common,
    url: WebhookUrl,
    secret: SecretRef.optional().describe('HMAC-SHA256 key; receivers verify X-AutoInfraSnap-Signature'),
  }),
  z.strictObject({ kind: z.literal('slack'), ...common, url: WebhookUrl }),
  z.strictObject({ kind: z.literal('discord'), ...common, url: WebhookUrl }),
  z.strictObject({ kind: z.literal('teams'), ...common, url: WebhookUrl }),
  z.strictObject({
    kind: z.literal('email'),
    ...common,
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    security: z
      .enum(['starttls', 'tls', 'none'])
      .default('starttls')
      .describe('starttls (required by default), tls (implicit, port 465) or none (loopback relays only)'),
    user: z.string().min(1).optional(),
    password: SecretRef.optional(),
    caFile: z.string().min(1).optional().describe('PEM CA bundle to verify the server with'),
    from: z.string().min(3),
    to: z.array(z.string().min(3)).min(1),
  }),
]);
/** One delivery target. */
export type DeliveryTarget = z.infer<typeof DeliveryTarget>;
/** A delivery target's kind. */
export type DeliveryKind = DeliveryTarget['kind'];

/** The `delivery` settings section. */
export const DeliverySettings = z
  .strictObject({
    targets: z
      .array(DeliveryTarget)
      .default([])
      .refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, 'target ids must be unique')
      .describe('Webhooks and mailboxes alerts are sent to'),
    retry: z
      .strictObject({
        attempts: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(6)
          .describe('Tries per message, the first included'),
        baseSeconds: z.number().min(0.1).max(600).default(5).describe('Wait before the first retry'),
        maxSeconds: z.number().min(1).max(86_400).default(900).describe('Longest wait between tries'),
      })
      .prefault({}),
    timeoutSeconds: z.number().min(1).max(120).default(15).describe('Per request'),
  })
  .prefault({});
/** The `delivery` settings section, defaults applied. */
export type DeliverySettings = z.infer<typeof DeliverySettings>;

/** One target's delivery record, as `delivery:status` returns it (no URL path, no secret). */
export const DeliveryTargetStatus = z.object({
  id: z.string(),
  kind: z.enum(['webhook', 'slack', 'discord', 'teams', 'email']),
  enabled: z.boolean(),
  destination: z.string().describe('Scheme and host of a webhook, or the SMTP host; never the path'),
  last_success_at: z.number().int().nullable(),
  last_failure_at: z.number().int().nullable(),
  last_error: z.string().nullable(),
  pending: z.number().int().nonnegative().describe('Messages waiting for a retry'),
  next_retry_at: z.number().int().nullable(),
  sent: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative().describe('Messages given up on after the last retry'),
});
/** One target's delivery record. */
export type DeliveryTargetStatus = z.infer<typeof DeliveryTargetStatus>;

/** The outcome of a test message to one target. */
export const DeliveryTestResult = z.object({
  id: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
});
/** The outcome of a test message to one target. */
export type DeliveryTestResult = z.infer<typeof DeliveryTestResult>;
