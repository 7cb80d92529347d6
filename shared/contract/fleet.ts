import { z } from 'zod';
import { Alert } from './alerts.js';

/**
 * A remote host's state in the fleet view: `connecting` until its event stream first answers, then the
 * host's own status (`ok`, `warning`, `critical`), or `unreachable` with the reason while it does not.
 */
export const FleetState = z.enum(['connecting', 'ok', 'warning', 'critical', 'unreachable']);
/** A remote host's state. */
export type FleetState = z.infer<typeof FleetState>;

/** Why a host is unreachable: the kind (for the UI's words) and the detail (English, never a secret). */
export const FleetProblem = z.object({
  code: z.enum(['network', 'tls', 'auth', 'http', 'timeout', 'protocol', 'config', 'paused']),
  message: z.string(),
});
/** Why a host is unreachable. */
export type FleetProblem = z.infer<typeof FleetProblem>;

const Pct = z.number().min(0).max(100);

/** A host's headline numbers from its latest sample. */
export const FleetNow = z.object({
  t: z.number().int(),
  cpu: Pct.nullable(),
  memory: Pct,
  disk: Pct.nullable(),
  disk_mount: z.string().nullable(),
});
/** A host's headline numbers. */
export type FleetNow = z.infer<typeof FleetNow>;

/** How many recent values each sparkline keeps. */
export const SPARK_POINTS = 60;

/** One remote host as the renderer sees it: no key, no CA text. */
export const FleetHostState = z.object({
  name: z.string(),
  url: z.string(),
  state: FleetState,
  /** Epoch ms the current state began. */
  since: z.number().int(),
  problem: FleetProblem.nullable(),
  /** The host's own name for itself (its samples' `host`), once known. */
  hostname: z.string().nullable(),
  now: FleetNow.nullable(),
  spark: z.object({
    cpu: z.array(Pct.nullable()).max(SPARK_POINTS),
    memory: z.array(Pct.nullable()).max(SPARK_POINTS),
    disk: z.array(Pct.nullable()).max(SPARK_POINTS),
  }),
  firing: z.number().int().nonnegative(),
  /** The firing alerts (at most 50). */
  alerts: z.array(Alert).max(50),
  tls: z.boolean(),
  has_key: z.boolean(),
  ca: z.enum(['none', 'file', 'pem']),
});
/** One remote host as the renderer sees it. */
export type FleetHostState = z.infer<typeof FleetHostState>;

/** `fleet:changed`: the hosts whose state changed since the last event (coalesced), and removed names. */
export const FleetChange = z.object({ changed: z.array(FleetHostState), removed: z.array(z.string()) });
/** A coalesced fleet change. */
export type FleetChange = z.infer<typeof FleetChange>;

/** The remote events forwarded as `fleet:event`, so a host's detail views can stay live. */
export const FLEET_FORWARDED_EVENTS = ['metrics:sample', 'alerts:changed', 'status:changed'] as const;

/** `fleet:event`: one event of one remote host (the payload is validated again by the host client). */
export const FleetEvent = z.object({
  host: z.string(),
  event: z.enum(FLEET_FORWARDED_EVENTS),
  payload: z.unknown(),
});
/** One forwarded remote event. */
export type FleetEvent = z.infer<typeof FleetEvent>;

/** A host as the hosts editor sends it: `key` is required for a new host unless `keyFile` is set. */
export const FleetHostInput = z.object({
  name: z.string().min(1).max(63),
  url: z.string().min(1).max(2048),
  key: z.string().min(1).max(1024).optional(),
  ca: z.string().max(65536).nullable().optional(),
  keyFile: z.string().min(1).max(4096).nullable().optional(),
});
/** A host as the hosts editor sends it. */
export type FleetHostInput = z.infer<typeof FleetHostInput>;

export { FLEET_READ_COMMANDS, type FleetReadCommand } from '../fleet/commands.js';

/** The fleet commands, spread into COMMANDS (shared/contract/api.ts). */
export const FLEET_COMMANDS = {
  'fleet:list': { request: z.object({}), response: z.array(FleetHostState) },
  'fleet:hosts:set': {
    request: z.object({ hosts: z.array(FleetHostInput).max(200) }),
    response: z.array(FleetHostState),
  },
  'fleet:call': {
    request: z.object({
      host: z.string().min(1).max(63),
      command: z.string().min(1).max(64),
      request: z.record(z.string(), z.unknown()).default({}),
    }),
    response: z.unknown(),
  },
} as const;

/** The fleet events, spread into EVENTS. */
export const FLEET_EVENTS = { 'fleet:changed': FleetChange, 'fleet:event': FleetEvent } as const;
