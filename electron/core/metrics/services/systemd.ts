import type { ServiceUnit } from '../../../../shared/snapshot/metrics/services.js';
import { pidOf } from './parse.js';

/** The unit properties asked of `systemctl show`. */
export const SYSTEMD_PROPERTIES = [
  'Id',
  'Description',
  'LoadState',
  'ActiveState',
  'SubState',
  'MainPID',
  'UnitFileState',
] as const;

/**
 * One child process for everything: `show` with a glob expands to every service unit loaded in the
 * manager, as `list-units --all` does, and adds MainPID and UnitFileState that list-units lacks.
 */
export const SYSTEMCTL_SHOW_ARGS: readonly string[] = [
  'show',
  '--no-pager',
  `--property=${SYSTEMD_PROPERTIES.join(',')}`,
  '*.service',
];

/** Unit-file states that start the unit at boot (true) or never (false); the rest depend on others. */
const BOOT: Readonly<Record<string, boolean>> = {
  enabled: true,
  'enabled-runtime': true,
  disabled: false,
  masked: false,
  'masked-runtime': false,
};

/**
 * systemd's ActiveState/SubState in the snapshot's words. `active (exited)`, a oneshot that has
 * finished, is neither running nor stopped, so it is `other`; the manager's words stay in native_state.
 */
export function systemdState(active: string, sub: string): ServiceUnit['state'] {
  switch (active) {
    case 'failed':
      return 'failed';
    case 'activating':
      return 'starting';
    case 'active':
    case 'reloading':
    case 'refreshing':
      return sub === 'exited' ? 'other' : 'running';
    case 'inactive':
      return 'stopped';
    default:
      return 'other';
  }
}

/** Splits `show` output into one key→value map per unit; units are separated by a blank line. */
function blocks(out: string): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  let current = new Map<string, string>();
  for (const raw of out.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      if (current.size > 0) result.push(current);
      current = new Map();
      continue;
    }
    // Only the first `=` separates: descriptions may contain more.
    const eq = line.indexOf('=');
    if (eq > 0) current.set(line.slice(0, eq), line.slice(eq + 1));
  }
  if (current.size > 0) result.push(current);
  return result;
}

/**
 * Units from `systemctl show -p …` output. Names stay as systemd escapes them (`dev-disk-by\x2duuid`),
 * the form every systemctl command accepts back.
 */
export function parseSystemctlShow(out: string): ServiceUnit[] {
  const units: ServiceUnit[] = [];
  for (const b of blocks(out)) {
    const name = b.get('Id');
    if (!name) continue;
    const load = b.get('LoadState') || 'unknown';
    const active = b.get('ActiveState') || 'unknown';
    const sub = b.get('SubState') || 'unknown';
    units.push({
      name,
      description: b.get('Description') || null,
      state: systemdState(active, sub),
      // A unit that is not loaded (not-found, masked, bad-setting) says so first: it explains the rest.
      native_state: load === 'loaded' ? `${active}/${sub}` : `${load}/${active}/${sub}`,
      enabled: BOOT[b.get('UnitFileState') ?? ''] ?? null,
      pid: pidOf(b.get('MainPID')),
    });
  }
  return units;
}
