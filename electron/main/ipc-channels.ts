// The IPC channel names, shared by the main process and the preload (which bundles this file, so it
// imports no zod and no Node). Contract commands and events use their contract names as channels;
// the shell's own channels start with `app:`.
import { EVENT_NAMES, ROUTES } from '../../shared/contract/routes.js';
import type { CommandName, EventName } from '../../shared/contract/api.js';

/** Every contract command, in the contract's order. */
export const COMMAND_CHANNELS = Object.keys(ROUTES) as CommandName[];

/** Every contract event. */
export const EVENT_CHANNELS: readonly EventName[] = EVENT_NAMES;

/** The shell's own requests from a window (not part of the HTTP contract). */
export const APP_CHANNELS = {
  /** Opens (or focuses) the dashboard, optionally on a route such as `#/alerts/<id>`. */
  openDashboard: 'app:open-dashboard',
} as const;

/** What every invoke returns: the value, or a one-line error the page shows as is. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
