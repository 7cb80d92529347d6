import { z } from 'zod';
import { Timestamp } from './metrics/common.js';
import { ContainersSection } from './metrics/containers.js';
import { CpuSection } from './metrics/cpu.js';
import { DisksSection } from './metrics/disks.js';
import { HostSection } from './metrics/host.js';
import { MemorySection, SwapSection } from './metrics/memory.js';
import { NetworkSection } from './metrics/network.js';
import { PortsSection } from './metrics/ports.js';
import { ProcessesSection } from './metrics/processes.js';
import { SensorsSection } from './metrics/sensors.js';
import { ServicesSection } from './metrics/services.js';
import { UsersSection } from './metrics/users.js';
import { SECTION_NAMES, type SectionName } from './sections.js';
import { SCHEMA_VERSION } from './version.js';

// Kept in a zod-free module so code that only stamps the version (the snapshot builder) loads no zod.
export { SCHEMA_VERSION };

/** Every section's schema by name: the single place a new section is added. */
export const SectionSchemas = {
  host: HostSection,
  cpu: CpuSection,
  memory: MemorySection,
  swap: SwapSection,
  disks: DisksSection,
  network: NetworkSection,
  ports: PortsSection,
  processes: ProcessesSection,
  users: UsersSection,
  sensors: SensorsSection,
  services: ServicesSection,
  containers: ContainersSection,
} as const satisfies Record<SectionName, z.ZodType>;

/** A reader that failed or timed out; the snapshot still completes without its section. */
export const SectionError = z.object({
  section: z.enum(SECTION_NAMES),
  code: z.enum(['timeout', 'failed', 'unsupported']),
  message: z.string(),
});
export type SectionError = z.infer<typeof SectionError>;

/** What redaction did: counts per rule, never the values. */
export const Redactions = z.object({
  enabled: z.boolean(),
  total: z.number().int().nonnegative(),
  by_rule: z.record(z.string(), z.number().int().nonnegative()),
});
export type Redactions = z.infer<typeof Redactions>;

/** The snapshot document: one machine's state at one moment. */
export const Snapshot = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  id: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    .describe('UUIDv7, time-sortable'),
  taken_at: Timestamp,
  tool: z.object({ name: z.literal('autoinfrasnap'), version: z.string() }),
  duration_ms: z.number().nonnegative(),
  window_ms: z
    .number()
    .int()
    .nonnegative()
    .describe('Sampling window rates and CPU usage were measured over'),
  sections: z.array(z.enum(SECTION_NAMES)).describe('Sections that were asked for'),
  errors: z.array(SectionError),
  redactions: Redactions,
  host: HostSection.optional(),
  cpu: CpuSection.optional(),
  memory: MemorySection.optional(),
  swap: SwapSection.optional(),
  disks: DisksSection.optional(),
  network: NetworkSection.optional(),
  ports: PortsSection.optional(),
  processes: ProcessesSection.optional(),
  users: UsersSection.optional(),
  sensors: SensorsSection.optional(),
  services: ServicesSection.optional(),
  containers: ContainersSection.optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** The data type of one section. */
export type SectionData<K extends SectionName> = z.infer<(typeof SectionSchemas)[K]>;

/** Draft 2020-12 JSON Schema of the snapshot document, generated from the zod source. */
export function snapshotJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Snapshot, { target: 'draft-2020-12', io: 'output' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: `https://autoinfrasnap.dev/schema/snapshot-v${SCHEMA_VERSION}.json`,
    title: 'AutoInfraSnap snapshot',
    description: 'One machine’s state at one moment, as captured by autoinfrasnap (redacted by default).',
    ...schema,
  };
}
