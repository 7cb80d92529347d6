/** Section names in report order. Kept apart from the zod schemas so the CLI's fast path can use it. */
export const SECTION_NAMES = [
  'host',
  'cpu',
  'memory',
  'swap',
  'disks',
  'network',
  'ports',
  'processes',
  'users',
  'sensors',
  'services',
  'containers',
] as const;

/** The name of one snapshot section. */
export type SectionName = (typeof SECTION_NAMES)[number];

/** True when `s` names a section. */
export function isSectionName(s: string): s is SectionName {
  return (SECTION_NAMES as readonly string[]).includes(s);
}
