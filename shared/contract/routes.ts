import type { CommandName, EventName } from './api.js';

// Kept apart from the zod schemas in api.ts: the browser client needs the routes at once, but loads
// the schemas (and zod) lazily, which keeps the popover's first bundle small.

/** HTTP routes of each command under `/api/v1` (GET reads query parameters, others a JSON body). */
export const ROUTES: { [C in CommandName]: { method: 'GET' | 'POST' | 'PUT'; path: string } } = {
  'metrics:latest': { method: 'GET', path: '/metrics/latest' },
  'metrics:history': { method: 'GET', path: '/metrics/history' },
  'snapshot:take': { method: 'POST', path: '/snapshots' },
  'snapshot:list': { method: 'GET', path: '/snapshots' },
  'snapshot:get': { method: 'GET', path: '/snapshots/get' },
  'snapshot:diff': { method: 'GET', path: '/snapshots/diff' },
  'snapshot:export': { method: 'GET', path: '/snapshots/export' },
  'snapshot:save': { method: 'POST', path: '/snapshots/save' },
  'snapshot:copy': { method: 'POST', path: '/snapshots/copy' },
  'alerts:list': { method: 'GET', path: '/alerts' },
  'alerts:rules:set': { method: 'PUT', path: '/alerts/rules' },
  'delivery:status': { method: 'GET', path: '/delivery' },
  'delivery:test': { method: 'POST', path: '/delivery/test' },
  'settings:get': { method: 'GET', path: '/settings' },
  'settings:set': { method: 'PUT', path: '/settings' },
  'status:get': { method: 'GET', path: '/status' },
  'snapshot:share': { method: 'POST', path: '/snapshots/share' },
  's3:test': { method: 'POST', path: '/s3/test' },
  'uploads:list': { method: 'GET', path: '/uploads' },
  's3:credentials:get': { method: 'GET', path: '/s3/credentials' },
  's3:credentials:set': { method: 'PUT', path: '/s3/credentials' },
  'fleet:list': { method: 'GET', path: '/fleet/hosts' },
  'fleet:hosts:set': { method: 'PUT', path: '/fleet/hosts' },
  'fleet:call': { method: 'POST', path: '/fleet/call' },
};

/** The event names, for subscribing without loading the schemas (checked against EVENTS by the compiler). */
export const EVENT_NAMES = [
  'metrics:sample',
  'alerts:changed',
  'status:changed',
  'fleet:changed',
  'fleet:event',
] as const satisfies readonly EventName[];
