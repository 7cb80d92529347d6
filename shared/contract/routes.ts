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
  'alerts:list': { method: 'GET', path: '/alerts' },
  'alerts:rules:set': { method: 'PUT', path: '/alerts/rules' },
  'settings:get': { method: 'GET', path: '/settings' },
  'settings:set': { method: 'PUT', path: '/settings' },
  'status:get': { method: 'GET', path: '/status' },
};

/** The event names, for subscribing without loading the schemas (checked against EVENTS by the compiler). */
export const EVENT_NAMES = [
  'metrics:sample',
  'alerts:changed',
  'status:changed',
] as const satisfies readonly EventName[];
