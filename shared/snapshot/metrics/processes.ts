import { z } from 'zod';
import { Bytes, Timestamp } from './common.js';

/** One process as shown in the top lists. Command lines are redacted. */
export const ProcessInfo = z.object({
  pid: z.number().int(),
  ppid: z.number().int().nullable(),
  user: z.string().nullable(),
  name: z.string(),
  command: z.string().describe('Full command line, secrets redacted'),
  state: z.string(),
  cpu_percent: z
    .number()
    .nonnegative()
    .describe('Share of one core (can exceed 100 on several cores), as top shows it'),
  memory_percent: z.number().min(0).max(100),
  rss_bytes: Bytes,
  threads: z.number().int().nonnegative().nullable(),
  started_at: Timestamp.nullable(),
});
export type ProcessInfo = z.infer<typeof ProcessInfo>;

/** Process states counted in a snapshot. */
export const ProcessState = z.enum([
  'running',
  'sleeping',
  'disk_sleep',
  'idle',
  'stopped',
  'zombie',
  'other',
]);
export type ProcessState = z.infer<typeof ProcessState>;

/** Totals by state, zombies listed, and the top N by CPU and by memory. */
export const ProcessesSection = z.object({
  total: z.number().int().nonnegative(),
  threads_total: z.number().int().nonnegative().nullable(),
  by_state: z.record(ProcessState, z.number().int().nonnegative()),
  zombies: z.array(z.object({ pid: z.number().int(), ppid: z.number().int().nullable(), name: z.string() })),
  cpu_basis: z
    .enum(['window', 'lifetime'])
    .describe('window: CPU % over the sampling window; lifetime: since start'),
  top_n: z.number().int().positive(),
  top_cpu: z.array(ProcessInfo),
  top_memory: z.array(ProcessInfo),
});
export type ProcessesSection = z.infer<typeof ProcessesSection>;
