import { z } from 'zod';

/** Temperatures, fans and battery, where the machine exposes them. */
export const SensorsSection = z.object({
  temperatures: z.array(
    z.object({
      label: z.string(),
      chip: z.string().nullable(),
      celsius: z.number(),
      high_celsius: z.number().nullable(),
      critical_celsius: z.number().nullable(),
    }),
  ),
  fans: z.array(z.object({ label: z.string(), rpm: z.number().nonnegative() })),
  battery: z
    .object({
      percent: z.number().min(0).max(100),
      charging: z.boolean(),
      ac_connected: z.boolean().nullable(),
      time_remaining_min: z.number().nonnegative().nullable(),
      cycle_count: z.number().int().nonnegative().nullable(),
      health_percent: z.number().min(0).max(200).nullable(),
    })
    .nullable()
    .describe('null when there is no battery'),
});
export type SensorsSection = z.infer<typeof SensorsSection>;
