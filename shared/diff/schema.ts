import { z } from 'zod';
import { Timestamp } from '../snapshot/metrics/common.js';
import { Redactions } from '../snapshot/schema.js';
import { DIFF_KINDS, DIFF_VERSION, METRIC_NAMES } from './model.js';

/** A compared value as it appears in a change: kept as the snapshot had it (bytes, booleans, text). */
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One field that differs between A and B; an interface address added has `from: null`, removed `to: null`. */
export const FieldChange = z
  .object({
    field: z.enum([
      'os_name',
      'os_version',
      'kernel',
      'arch',
      'count',
      'user',
      'process',
      'id',
      'image',
      'state',
      'health',
      'restart_count',
      'enabled',
      'device',
      'fstype',
      'total_bytes',
      'read_only',
      'login_at',
      'up',
      'mtu',
      'mac',
      'address',
    ]),
    from: Scalar,
    to: Scalar,
  })
  .meta({ id: 'FieldChange' });
export type FieldChange = z.infer<typeof FieldChange>;

const Key = z.string().describe('What the item is matched by between A and B');

/** A process (all instances sharing one name and redacted command line) from the union of the top lists. */
export const ProcessItem = z
  .object({
    key: Key,
    name: z.string(),
    command: z.string().describe('Redacted command line'),
    user: z.string().nullable(),
    count: z.number().int().positive().describe('Instances in the top lists'),
    pids: z.array(z.number().int()),
    cpu_percent: z.number().nonnegative(),
    memory_percent: z.number().nonnegative(),
    rss_bytes: z.number().nonnegative(),
  })
  .meta({ id: 'ProcessItem' });
export type ProcessItem = z.infer<typeof ProcessItem>;

/** A listening socket, matched by protocol, address and port. */
export const PortItem = z
  .object({
    key: Key,
    protocol: z.enum(['tcp', 'udp']),
    family: z.enum(['IPv4', 'IPv6']),
    address: z.string(),
    port: z.number().int(),
    process: z.string().nullable(),
    pid: z.number().int().nullable(),
  })
  .meta({ id: 'PortItem' });
export type PortItem = z.infer<typeof PortItem>;

/** A container, matched by name. */
export const ContainerItem = z
  .object({
    key: Key,
    name: z.string(),
    id: z.string(),
    image: z.string(),
    state: z.string(),
    health: z.string(),
    restart_count: z.number().int().nonnegative(),
  })
  .meta({ id: 'ContainerItem' });
export type ContainerItem = z.infer<typeof ContainerItem>;

/** A service unit, matched by name. */
export const ServiceItem = z
  .object({
    key: Key,
    name: z.string(),
    state: z.string(),
    native_state: z.string(),
    enabled: z.boolean().nullable(),
  })
  .meta({ id: 'ServiceItem' });
export type ServiceItem = z.infer<typeof ServiceItem>;

/** A mounted filesystem, matched by mount point. */
export const FilesystemItem = z
  .object({
    key: Key,
    mountpoint: z.string(),
    device: z.string(),
    fstype: z.string(),
    total_bytes: z.number().nonnegative(),
    used_percent: z.number(),
    read_only: z.boolean(),
  })
  .meta({ id: 'FilesystemItem' });
export type FilesystemItem = z.infer<typeof FilesystemItem>;

/** A login session, matched by user, terminal and remote host. */
export const SessionItem = z
  .object({
    key: Key,
    user: z.string(),
    terminal: z.string().nullable(),
    host: z.string().nullable(),
    login_at: Timestamp.nullable(),
  })
  .meta({ id: 'SessionItem' });
export type SessionItem = z.infer<typeof SessionItem>;

/** A network interface, matched by name, with its addresses (CIDR where known). */
export const InterfaceItem = z
  .object({
    key: Key,
    name: z.string(),
    type: z.string(),
    up: z.boolean(),
    mac: z.string().nullable(),
    mtu: z.number().int().nullable(),
    addresses: z.array(z.string()),
  })
  .meta({ id: 'InterfaceItem' });
export type InterfaceItem = z.infer<typeof InterfaceItem>;

function collection<T extends z.ZodObject>(item: T) {
  return z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(z.object({ key: Key, item: item.describe('As in B'), changes: z.array(FieldChange) })),
  });
}

/** Items added, removed and changed of every kind; `processes` says which lists were compared. */
export const DiffSections = z.object({
  processes: collection(ProcessItem).extend({
    scope: z.literal('top_lists').describe('Only the union of top_cpu and top_memory is compared'),
    top_n: z.object({ a: z.number().int().nullable(), b: z.number().int().nullable() }),
  }),
  ports: collection(PortItem),
  containers: collection(ContainerItem),
  services: collection(ServiceItem),
  filesystems: collection(FilesystemItem),
  sessions: collection(SessionItem),
  interfaces: collection(InterfaceItem),
});
export type DiffSections = z.infer<typeof DiffSections>;

/** One metric in A and B; `significant` when the change reaches its threshold. */
export const MetricDelta = z
  .object({
    metric: z.enum(METRIC_NAMES),
    subject: z.string().nullable().describe('The mount point of a disk metric'),
    unit: z.enum(['points', 'load']).describe('points: percentage points; load: run-queue length'),
    a: z.number().nullable(),
    b: z.number().nullable(),
    delta: z.number().nullable().describe('b − a, rounded to 2 decimals; null when either is missing'),
    threshold: z.number().nonnegative(),
    significant: z.boolean(),
  })
  .meta({ id: 'MetricDelta' });
export type MetricDelta = z.infer<typeof MetricDelta>;

/** Thresholds a metric change must reach (absolute) to count as significant. */
export const DiffThresholds = z.object({
  memory_points: z.number().nonnegative(),
  swap_points: z.number().nonnegative(),
  disk_points: z.number().nonnegative(),
  cpu_points: z.number().nonnegative(),
  load_per_core: z.number().nonnegative().describe('Multiplied by the logical cores of B (else A)'),
});
export type DiffThresholds = z.infer<typeof DiffThresholds>;

const Header = z.object({
  id: z.string(),
  taken_at: Timestamp,
  hostname: z.string().nullable(),
  redactions: Redactions.describe('What redaction did to this snapshot: counts per rule, never values'),
});
const Counts = z.object({
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
});

/** The diff document: what changed from snapshot A to snapshot B. */
export const SnapshotDiff = z.object({
  diff_version: z.literal(DIFF_VERSION),
  a: Header,
  b: Header,
  same_host: z.boolean().describe('Both hostnames known and equal'),
  elapsed_s: z.number().describe('Seconds from A to B (negative when B is older)'),
  thresholds: DiffThresholds,
  summary: Counts.extend({
    significant_metrics: z.number().int().nonnegative(),
    by_kind: z.record(z.enum(DIFF_KINDS), Counts),
  }),
  system: z.object({ changes: z.array(FieldChange).describe('OS name and version, kernel, arch') }),
  metrics: z.array(MetricDelta),
  sections: DiffSections,
  not_compared: z
    .array(
      z.object({
        kind: z.enum(DIFF_KINDS),
        in: z.enum(['a', 'b', 'both']),
        reason: z.enum(['not_collected', 'failed', 'unavailable']),
      }),
    )
    .describe('Kinds left out because a snapshot lacks them; never reported as all added or removed'),
});
export type SnapshotDiff = z.infer<typeof SnapshotDiff>;

/** Draft 2020-12 JSON Schema of the diff document, generated from the zod source. */
export function diffJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SnapshotDiff, {
    target: 'draft-2020-12',
    io: 'output',
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://autoinfrasnap.dev/schema/diff-v${DIFF_VERSION}.json`,
    title: 'AutoInfraSnap snapshot diff',
    description:
      'What changed from snapshot A to snapshot B, as `autoinfrasnap diff --format json` prints it.',
    ...schema,
  };
}
