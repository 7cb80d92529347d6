import type { ServiceUnit } from '../../../../shared/snapshot/metrics/services.js';
import { pidOf } from './parse.js';

/**
 * Jobs from `launchctl list` (tab-separated PID, last exit Status, Label under a header). A job that
 * is not running and last exited non-zero (negative: killed by that signal) counts as failed.
 */
export function parseLaunchctlList(out: string): ServiceUnit[] {
  const units: ServiceUnit[] = [];
  for (const raw of out.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || /^PID\s+Status\s+Label/.test(line)) continue;
    const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(line);
    if (!m) continue;
    const [, pidText = '-', statusText = '-', label = ''] = m;
    const pid = pidOf(pidText);
    const status = /^-?\d+$/.test(statusText) ? Number(statusText) : null;
    const state: ServiceUnit['state'] =
      pid !== null ? 'running' : status !== null && status !== 0 ? 'failed' : 'stopped';
    units.push({
      name: label.trim(),
      description: null,
      state,
      native_state: `${pidText}/${statusText}`,
      // launchctl list does not say whether a job loads at boot (that is the plist's RunAtLoad).
      enabled: null,
      pid,
    });
  }
  return units;
}
