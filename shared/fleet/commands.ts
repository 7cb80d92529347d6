// Kept apart from the zod schemas (shared/contract/fleet.ts) so the browser can check a command
// without loading zod.

/**
 * The commands `fleet:call` forwards: reads only. Nothing that changes a remote host (rules, settings,
 * snapshots taken) goes through the fleet view, whatever the key's scope.
 */
export const FLEET_READ_COMMANDS = [
  'metrics:latest',
  'metrics:history',
  'snapshot:list',
  'snapshot:get',
  'snapshot:diff',
  'snapshot:export',
  'alerts:list',
  'status:get',
] as const;
/** A command `fleet:call` forwards. */
export type FleetReadCommand = (typeof FLEET_READ_COMMANDS)[number];
