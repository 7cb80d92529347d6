import { z } from 'zod';
import { Rate } from './common.js';

const Counter = z.number().int().nonnegative();

/** One address bound to an interface. */
export const InterfaceAddress = z.object({
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  netmask: z.string(),
  cidr: z.string().nullable(),
  scope_id: z.number().int().nullable(),
});
export type InterfaceAddress = z.infer<typeof InterfaceAddress>;

/** One network interface with its counters and rates. */
export const NetworkInterface = z.object({
  name: z.string(),
  type: z.enum(['loopback', 'ethernet', 'wireless', 'bridge', 'virtual', 'tunnel', 'other']),
  virtual: z.boolean(),
  up: z.boolean(),
  operstate: z.string().describe('Kernel operational state (up, down, unknown, dormant…)'),
  mac: z.string().nullable(),
  mtu: z.number().int().nullable(),
  speed_mbps: z.number().nullable().describe('Link speed; null when the driver does not report one'),
  addresses: z.array(InterfaceAddress),
  rx_bytes: Counter,
  tx_bytes: Counter,
  rx_packets: Counter,
  tx_packets: Counter,
  rx_errors: Counter,
  tx_errors: Counter,
  rx_dropped: Counter,
  tx_dropped: Counter,
  rx_bytes_per_s: Rate,
  tx_bytes_per_s: Rate,
});
export type NetworkInterface = z.infer<typeof NetworkInterface>;

/** Interfaces, default route and resolvers. */
export const NetworkSection = z.object({
  interfaces: z.array(NetworkInterface),
  default_gateway: z.string().nullable(),
  default_interface: z.string().nullable(),
  dns_servers: z.array(z.string()),
});
export type NetworkSection = z.infer<typeof NetworkSection>;
