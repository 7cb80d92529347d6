import { z } from 'zod';
import { Bytes, Timestamp } from './common.js';

/** One container with state, health and resource use. */
export const ContainerInfo = z.object({
  id: z.string().describe('Short (12 hex) id'),
  name: z.string(),
  image: z.string(),
  state: z.string().describe('created, running, paused, restarting, exited, dead…'),
  status: z.string().describe('The engine’s human text, e.g. "Exited (0) 5 minutes ago"'),
  exit_code: z.number().int().nullable(),
  health: z.enum(['healthy', 'unhealthy', 'starting', 'none']),
  restart_count: z.number().int().nonnegative(),
  created_at: Timestamp.nullable(),
  started_at: Timestamp.nullable(),
  ports: z.array(
    z.object({
      private_port: z.number().int(),
      public_port: z.number().int().nullable(),
      protocol: z.string(),
      ip: z.string().nullable(),
    }),
  ),
  cpu_percent: z.number().nonnegative().nullable(),
  memory_bytes: Bytes.nullable(),
  memory_limit_bytes: Bytes.nullable(),
});
export type ContainerInfo = z.infer<typeof ContainerInfo>;

/** Containers of a Docker-compatible engine; `available: false` when none answers (not an error). */
export const ContainersSection = z.object({
  available: z.boolean(),
  reason: z.string().nullable(),
  engine: z
    .object({
      name: z.string(),
      version: z.string(),
      api_version: z.string().nullable(),
      endpoint: z.string(),
    })
    .nullable(),
  total: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  items: z.array(ContainerInfo),
});
export type ContainersSection = z.infer<typeof ContainersSection>;
