import type { ServiceUnit, ServicesSection } from '../../../../shared/snapshot/metrics/services.js';

/** Which manager a section came from. */
export type ServiceManager = ServicesSection['manager'];

/** Code-point order, so the list reads the same on every machine whatever its locale. */
function byName(a: ServiceUnit, b: ServiceUnit): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A manager's units as a section: failed ones first (what a reader of a snapshot looks for), then by name. */
export function servicesSection(manager: ServiceManager, units: readonly ServiceUnit[]): ServicesSection {
  const failed = units.filter((u) => u.state === 'failed').sort(byName);
  const rest = units.filter((u) => u.state !== 'failed').sort(byName);
  return {
    manager,
    available: true,
    reason: null,
    total: units.length,
    running: units.filter((u) => u.state === 'running').length,
    failed: failed.length,
    units: [...failed, ...rest],
  };
}

/** The section when no manager answers: empty, with the reason; not an error. */
export function noServices(manager: ServiceManager, reason: string): ServicesSection {
  return { manager, available: false, reason, total: 0, running: 0, failed: 0, units: [] };
}

/** A positive pid, or null for the managers' "no process" values (0, -1, "-", empty). */
export function pidOf(v: string | number | null | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}
