import { z } from 'zod';
import { Percent } from './common.js';

/** Share of CPU time per state over the window (or since boot when the window is 0), in percent. */
export const CpuTimes = z.object({
  user: Percent,
  nice: Percent,
  system: Percent,
  idle: Percent,
  iowait: Percent.nullable(),
  irq: Percent.nullable(),
  softirq: Percent.nullable(),
  steal: Percent.nullable(),
  guest: Percent.nullable(),
});
export type CpuTimes = z.infer<typeof CpuTimes>;

/** Processor description, usage and load. */
export const CpuSection = z.object({
  model: z.string(),
  vendor: z.string().nullable(),
  physical_cores: z.number().int().positive(),
  logical_cores: z.number().int().positive(),
  speed_mhz: z.number().nonnegative().nullable().describe('Current average clock'),
  speed_max_mhz: z.number().nonnegative().nullable(),
  usage_percent: Percent.nullable().describe(
    'Busy share of all cores over the window; null when the window is 0',
  ),
  per_core_percent: z
    .array(Percent)
    .describe('Busy share per logical core over the window; empty when the window is 0'),
  load_1: z
    .number()
    .nonnegative()
    .nullable()
    .describe('1-minute load average; null where the OS has none (Windows)'),
  load_5: z.number().nonnegative().nullable(),
  load_15: z.number().nonnegative().nullable(),
  times_basis: z.enum(['window', 'since_boot']),
  times: CpuTimes,
});
export type CpuSection = z.infer<typeof CpuSection>;
