import type { ServiceUnit } from '../../../../shared/snapshot/metrics/services.js';
import { pidOf } from './parse.js';

/**
 * The fields of systeminformation's Windows services('*') objects this mapper reads. Its pids are typed
 * as numbers but come from PowerShell text, so they may be strings.
 */
export interface SiService {
  readonly name: string;
  readonly running: boolean;
  readonly startmode: string;
  readonly pids?: readonly (number | string)[];
}

/** StartMode values of Win32_Service: Auto, Boot and System start without anyone asking. */
const BOOT: Readonly<Record<string, boolean>> = {
  auto: true,
  boot: true,
  system: true,
  manual: false,
  disabled: false,
};

/**
 * Windows services from systeminformation. The SCM has no failed state of its own (a crash leaves the
 * service Stopped), so none is reported as failed; systeminformation gives no description either.
 */
export function mapWindowsServices(services: readonly SiService[]): ServiceUnit[] {
  return services
    .filter((s) => s.name)
    .map((s) => ({
      name: s.name,
      description: null,
      state: s.running ? 'running' : 'stopped',
      native_state: s.running ? 'Running' : 'Stopped',
      enabled: BOOT[s.startmode.trim().toLowerCase()] ?? null,
      pid: s.running ? pidOf(s.pids?.[0]) : null,
    }));
}
