import { z } from 'zod';

/** One service as its manager reports it, with a normalised state. */
export const ServiceUnit = z.object({
  name: z.string(),
  description: z.string().nullable(),
  state: z.enum(['running', 'stopped', 'failed', 'starting', 'other']),
  native_state: z.string().describe('The manager’s own words, e.g. "active/running", "Stopped", "-/0"'),
  enabled: z.boolean().nullable().describe('Starts at boot; null when unknown'),
  pid: z.number().int().nullable(),
});
export type ServiceUnit = z.infer<typeof ServiceUnit>;

/** Services of the system's manager (systemd, Windows SCM, launchd); failed ones first. */
export const ServicesSection = z.object({
  manager: z.enum(['systemd', 'windows', 'launchd', 'none']),
  available: z.boolean(),
  reason: z.string().nullable().describe('Why the list is empty when no manager answers'),
  total: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  units: z.array(ServiceUnit),
});
export type ServicesSection = z.infer<typeof ServicesSection>;
