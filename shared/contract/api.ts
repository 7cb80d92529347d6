import { z } from 'zod';
import { DeliveryTargetStatus, DeliveryTestResult } from '../settings/delivery.js';
import {
  ConnectionResponse,
  CredentialsInput,
  CredentialsStatus,
  ShareResponse,
  UploadsResponse,
} from '../settings/s3.js';
import { Settings } from '../settings/schema.js';
import { Snapshot } from '../snapshot/schema.js';
import { Alert, AlertEvent, AlertRule } from './alerts.js';
import { FLEET_COMMANDS, FLEET_EVENTS } from './fleet.js';
import { HistoryPoint, HistoryRange, Sample } from './sample.js';

/** A stored snapshot as lists show it (the store's index entry). */
export const SnapshotEntry = z.object({
  id: z.string(),
  taken_at: z.string(),
  hostname: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  sections: z.array(z.string()),
  errors: z.number().int().nonnegative(),
});
/** A stored snapshot's index entry. */
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

/** Report formats the UI can ask for. */
export const ReportFormat = z.enum(['html', 'markdown', 'text', 'json']);

/** Overall status, as the tray icon and the popover's light show it. */
export const Status = z.object({
  status: z.enum(['ok', 'warning', 'critical', 'paused']),
  firing: z.number().int().nonnegative(),
  host: z.string(),
  /** True when S3 sharing is configured: the popover enables Share from this, without settings:get. */
  share: z.boolean().optional(),
});
/** Overall status. */
export type Status = z.infer<typeof Status>;

/**
 * The commands of the contract: one typed map, `domain:verb` names, request and response schemas.
 * The IPC transport sends `{ channel, request }`; the HTTP transport maps each to a route below.
 * Both sides validate with these schemas.
 */
export const COMMANDS = {
  'metrics:latest': { request: z.object({}), response: Sample.nullable() },
  'metrics:history': { request: z.object({ range: HistoryRange }), response: z.array(HistoryPoint) },
  'snapshot:take': { request: z.object({}), response: SnapshotEntry },
  'snapshot:list': { request: z.object({}), response: z.array(SnapshotEntry) },
  'snapshot:get': { request: z.object({ ref: z.string().min(1) }), response: Snapshot },
  'snapshot:diff': {
    request: z.object({ a: z.string().min(1), b: z.string().min(1) }),
    response: z.record(z.string(), z.unknown()).describe('A SnapshotDiff (see shared/diff/schema.ts)'),
  },
  'snapshot:export': {
    request: z.object({
      ref: z.string().min(1),
      format: ReportFormat,
      lang: z.enum(['en', 'ko']).optional(),
    }),
    response: z.object({ format: ReportFormat, filename: z.string(), content: z.string() }),
  },
  // One-click export. The tray app saves through a save dialog and copies to the system clipboard; a
  // browser falls back to a download and navigator.clipboard (renderer/app/create-client.ts).
  'snapshot:save': {
    request: z.object({
      ref: z.string().min(1),
      format: z.enum(['html', 'markdown', 'json']),
      lang: z.enum(['en', 'ko']).optional(),
    }),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  'snapshot:copy': {
    request: z.object({ ref: z.string().min(1), lang: z.enum(['en', 'ko']).optional() }),
    response: z.object({ copied: z.boolean(), chars: z.number().int().nonnegative() }),
  },
  'alerts:list': {
    request: z.object({}),
    response: z.object({ active: z.array(Alert), history: z.array(Alert), rules: z.array(AlertRule) }),
  },
  'alerts:rules:set': { request: z.object({ rules: z.array(AlertRule) }), response: z.array(AlertRule) },
  // Alert delivery (webhooks, email): per-target records, and a test message to one target or all.
  'delivery:status': { request: z.object({}), response: z.array(DeliveryTargetStatus) },
  'delivery:test': {
    request: z.object({ target: z.string().min(1).optional(), lang: z.enum(['en', 'ko']).optional() }),
    response: z.array(DeliveryTestResult),
  },
  'settings:get': { request: z.object({}), response: Settings },
  'settings:set': { request: z.object({ settings: z.record(z.string(), z.unknown()) }), response: Settings },
  'status:get': { request: z.object({}), response: Status },
  // S3 (electron/core/s3): share a stored snapshot, test the connection, pending uploads, typed-in keys
  // (write-only: the status never carries a secret).
  'snapshot:share': {
    request: z.object({
      ref: z.string().min(1),
      expires: z.string().optional(),
      lang: z.enum(['en', 'ko']).optional(),
    }),
    response: ShareResponse,
  },
  's3:test': { request: z.object({}), response: ConnectionResponse },
  'uploads:list': { request: z.object({}), response: UploadsResponse },
  's3:credentials:get': { request: z.object({}), response: CredentialsStatus },
  's3:credentials:set': { request: z.object({ keys: CredentialsInput }), response: CredentialsStatus },
  ...FLEET_COMMANDS,
} as const;

/** A command's name. */
export type CommandName = keyof typeof COMMANDS;
/** What a command takes. */
export type CommandRequest<C extends CommandName> = z.input<(typeof COMMANDS)[C]['request']>;
/** What a command returns. */
export type CommandResponse<C extends CommandName> = z.output<(typeof COMMANDS)[C]['response']>;

/** The events pushed to every window (IPC) or browser (SSE `event:` names). */
export const EVENTS = {
  'metrics:sample': Sample,
  'alerts:changed': AlertEvent,
  'status:changed': Status,
  ...FLEET_EVENTS,
} as const;
/** An event's name. */
export type EventName = keyof typeof EVENTS;
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

import type { EVENT_NAMES as EVENT_NAMES_CHECK } from './routes.js';

export { EVENT_NAMES, ROUTES } from './routes.js';

/**
 * What the React code talks to. The HTTP + SSE client and the IPC client implement it; the UI does not
 * know which one it has. `subscribe` returns an unsubscribe function.
 */
export interface ApiClient {
  call<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResponse<C>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Fires with false when the backend is gone (SSE lost, IPC closed) and true when it is back. */
  onConnection(listener: (connected: boolean) => void): () => void;
  /**
   * Where a stored snapshot's HTML report can be shown in a sandboxed iframe, served with its own strict
   * CSP (HTTP: `/report/<ref>?lang=`; IPC: a protocol the shell registers). Absent when the transport
   * cannot serve one: the UI then shows the text report instead.
   */
  reportUrl?(ref: string, lang: 'en' | 'ko'): string;
}

// Every event has its name in EVENT_NAMES: a missing one makes this a type error.
type MissingEventName = Exclude<EventName, (typeof EVENT_NAMES_CHECK)[number]>;
const _everyEventNamed: [MissingEventName] extends [never] ? true : never = true;
void _everyEventNamed;
