import { z } from 'zod';
import { caProblem, hostNameProblem, hostUrlProblem } from '../fleet/validate.js';

/**
 * One remote host of the fleet view: a machine running `autoinfrasnap serve`. Its API key is NOT a
 * setting (settings are readable through `settings:get`): `fleet:hosts:set` keeps it in the 0600 file
 * `fleet-keys.json` of the server's data folder, or `keyFile` names a file that holds it.
 */
export const FleetHostSetting = z.strictObject({
  name: z
    .string()
    .refine((s) => hostNameProblem(s) === null, 'expected letters, digits, ".", "_" or "-" (at most 63)')
    .describe('Short name shown in the overview, the host picker and the tray'),
  url: z
    .string()
    .refine((s) => hostUrlProblem(s) === null, 'expected an http:// or https:// URL without user:pass')
    .describe("Base URL of the host's autoinfrasnap serve, e.g. https://db-1.example:8780"),
  ca: z
    .string()
    .refine((s) => caProblem(s) === null, 'expected an absolute path to a PEM file, or PEM text')
    .nullable()
    .default(null)
    .describe("CA certificate(s) that signed the host's HTTPS certificate: a PEM file path or the PEM"),
  keyFile: z
    .string()
    .min(1)
    .nullable()
    .default(null)
    .describe(
      "File holding the host's read API key (else the key given in Settings, kept in fleet-keys.json)",
    ),
});
/** One remote host. */
export type FleetHostSetting = z.infer<typeof FleetHostSetting>;

/** The `fleet` settings: the remote hosts the overview watches. */
export const FleetSettings = z
  .strictObject({
    hosts: z
      .array(FleetHostSetting)
      .max(200)
      .default([])
      .superRefine((hosts, ctx) => {
        const seen = new Set<string>();
        hosts.forEach((h, i) => {
          if (seen.has(h.name))
            ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate host name "${h.name}"` });
          seen.add(h.name);
        });
      })
      .describe('Remote hosts (autoinfrasnap serve) shown in the fleet overview'),
  })
  .prefault({});
/** The `fleet` settings. */
export type FleetSettings = z.infer<typeof FleetSettings>;
