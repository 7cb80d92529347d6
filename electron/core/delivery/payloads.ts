import { createTranslator } from '../../../shared/i18n/index.js';
import { clip, type DeliveryMessage } from './message.js';

/** The generic webhook's JSON (documented in docs/alerts-delivery.md; `version` bumps on breaking change). */
export function genericPayload(m: DeliveryMessage, deliveryId: string): Record<string, unknown> {
  return {
    version: 1,
    type: m.type,
    delivery_id: deliveryId,
    sent_at: m.at,
    host: m.host,
    lang: m.lang,
    title: m.title,
    text: m.text,
    severity: m.severity,
    state: m.state,
    alert: m.event?.alert ?? null,
    previous: m.event?.previous ?? null,
    summary: m.summary,
  };
}

/** Slack mrkdwn treats &, < and > as control characters. */
function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A Slack incoming-webhook message: `text` as the notification fallback, Block Kit for the body. */
export function slackPayload(m: DeliveryMessage): Record<string, unknown> {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(m.title, 150), emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(slackEscape(m.text), 3000) } },
    {
      type: 'section',
      // Slack allows ten fields per section, 2000 characters each.
      fields: m.fields.slice(0, 10).map((f) => ({
        type: 'mrkdwn',
        text: clip(`*${slackEscape(f.label)}*\n${slackEscape(f.value)}`, 2000),
      })),
    },
  ];
  if (m.summary) {
    const label = createTranslator(m.lang).t('delivery.field.snapshot');
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*${label}*\n\`\`\`${slackEscape(m.summary)}\`\`\``, 3000) },
    });
  }
  return { text: clip(m.title, 3000), blocks };
}

/**
 * A Discord webhook message: one embed, coloured by severity. `allowed_mentions` is empty so text from
 * the machine (process names, container names) can never ping @everyone.
 */
export function discordPayload(m: DeliveryMessage): Record<string, unknown> {
  const t = createTranslator(m.lang);
  const fields = m.fields
    .slice(0, 25)
    .map((f) => ({ name: clip(f.label, 256), value: clip(f.value || '–', 1024), inline: true }));
  if (m.summary)
    fields.push({
      name: t.t('delivery.field.snapshot'),
      value: clip(`\`\`\`\n${clip(m.summary, 1000)}\n\`\`\``, 1024),
      inline: false,
    });
  return {
    username: 'AutoInfraSnap',
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: clip(m.title, 256),
        description: clip(m.text, 4096),
        color: parseInt(m.color.slice(1), 16),
        fields,
        timestamp: new Date(m.at).toISOString(),
        footer: { text: t.t('delivery.footer') },
      },
    ],
  };
}

/**
 * A Microsoft Teams message for a Workflows ("When a Teams webhook request is received") URL: a
 * `message` whose one attachment is an Adaptive Card 1.4 (the format the retired Office 365
 * connectors' MessageCard gave way to).
 */
export function teamsPayload(m: DeliveryMessage): Record<string, unknown> {
  const t = createTranslator(m.lang);
  const color =
    m.type === 'test'
      ? 'accent'
      : m.state === 'resolved'
        ? 'good'
        : m.severity === 'critical'
          ? 'attention'
          : 'warning';
  const body: unknown[] = [
    {
      type: 'TextBlock',
      text: m.title,
      weight: 'bolder',
      size: 'medium',
      wrap: true,
      color,
      style: 'heading',
    },
    { type: 'TextBlock', text: m.text, wrap: true },
    { type: 'FactSet', facts: m.fields.map((f) => ({ title: f.label, value: f.value })) },
  ];
  if (m.summary)
    body.push(
      {
        type: 'TextBlock',
        text: t.t('delivery.field.snapshot'),
        weight: 'bolder',
        wrap: true,
        spacing: 'medium',
      },
      { type: 'TextBlock', text: clip(m.summary, 6000), fontType: 'monospace', wrap: true, size: 'small' },
    );
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body,
        },
      },
    ],
  };
}

/** The plain-text body of an email: the message, the facts, then the snapshot summary. */
export function emailText(m: DeliveryMessage): string {
  const t = createTranslator(m.lang);
  const width = Math.max(...m.fields.map((f) => f.label.length));
  const lines = [m.text, '', ...m.fields.map((f) => `${f.label.padEnd(width)}  ${f.value}`)];
  if (m.summary) lines.push('', `${t.t('delivery.field.snapshot')}:`, '', m.summary);
  lines.push('', '-- ', t.t('delivery.footer'));
  return `${lines.join('\n')}\n`;
}
