// The tray's question: across this machine and every remote host, what is the worst status, and where?
import type { FleetHostState, FleetState } from '../contract/fleet.js';

/** This machine's status, as `status:get` returns it. */
export interface LocalStatus {
  status: 'ok' | 'warning' | 'critical' | 'paused';
  firing: number;
  host: string;
}

/** The worst status: the level the tray icon shows and the host (local or remote) that set it. */
export interface WorstStatus {
  /** The icon: unreachable hosts count as warning, connecting ones as ok. */
  level: 'ok' | 'warning' | 'critical' | 'paused';
  /** What the worst host is in: `unreachable` stays distinct from `warning` for the tooltip. */
  state: FleetState | 'paused';
  /** The host that set it: the local host name, or the remote host's name. */
  host: string;
  remote: boolean;
  /** Firing alerts across every host. */
  firing: number;
  /** Names of unreachable remote hosts. */
  unreachable: string[];
}

const RANK: Record<FleetState | 'paused', number> = {
  paused: 0,
  connecting: 0,
  ok: 0,
  warning: 2,
  unreachable: 3,
  critical: 4,
};

const LEVEL: Record<FleetState | 'paused', WorstStatus['level']> = {
  paused: 'paused',
  connecting: 'ok',
  ok: 'ok',
  warning: 'warning',
  unreachable: 'warning',
  critical: 'critical',
};

/**
 * The worst of `local` and `hosts` (critical > unreachable > warning > ok); on a tie this machine wins,
 * then the first host in the list. A paused local machine with no worse host stays `paused`.
 */
export function worstStatus(local: LocalStatus, hosts: readonly FleetHostState[]): WorstStatus {
  let state: FleetState | 'paused' = local.status;
  let host = local.host;
  let remote = false;
  let firing = local.firing;
  const unreachable: string[] = [];
  for (const h of hosts) {
    firing += h.firing;
    if (h.state === 'unreachable') unreachable.push(h.name);
    if (RANK[h.state] > RANK[state]) {
      state = h.state;
      host = h.name;
      remote = true;
    }
  }
  return { level: LEVEL[state], state, host, remote, firing, unreachable };
}
