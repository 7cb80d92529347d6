import { z } from 'zod';

/** A listening TCP socket or a bound UDP socket. */
export const ListeningPort = z.object({
  protocol: z.enum(['tcp', 'udp']),
  family: z.enum(['IPv4', 'IPv6']),
  address: z.string().describe('Local address; 0.0.0.0 or :: means every interface'),
  port: z.number().int().min(0).max(65535),
  pid: z.number().int().nullable().describe('Owning process; null when not visible to this user'),
  process: z.string().nullable(),
});
export type ListeningPort = z.infer<typeof ListeningPort>;

/** Listening sockets, sorted by protocol, port and address. */
export const PortsSection = z.object({
  listening: z.array(ListeningPort),
  owners_visible: z
    .boolean()
    .describe('False when some owners could not be read (not running as root); their pid is null'),
});
export type PortsSection = z.infer<typeof PortsSection>;
