import { networkInterfaces } from 'node:os';
import { sleep } from '../../os/timeout.js';
import type { NetworkSection } from '../../../../shared/snapshot/metrics/network.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import type { ReaderContext } from '../../snapshot/reader.js';
import { interfaceEntry } from './entry.js';
import type { NetSample } from './parse.js';
import { countersFromSysinfo, linkFromSysinfo, nonEmpty } from './sysinfo-map.js';
import { monotonicMs } from '../../os/clock.js';

// systeminformation answers networkStats calls less than 500 ms apart from a cache, which would make
// the counters of a short window identical; waiting out the rest of that keeps both ends fresh.
const SI_CACHE_MS = 550;
let lastReadAt = -Infinity;

/** Reads every interface's counters through systeminformation (macOS, Windows). */
export async function readSampleSysinfo(ctx: ReaderContext): Promise<NetSample> {
  const wait = lastReadAt + SI_CACHE_MS - monotonicMs();
  if (wait > 0) await sleep(wait, ctx.signal);
  const si = await loadSystemInformation();
  const stats = await si.networkStats('*');
  lastReadAt = monotonicMs();
  return { atMs: lastReadAt, counters: countersFromSysinfo(stats) };
}

/** The macOS/Windows section; resolvers come from Node's resolver, which reads the OS configuration. */
export async function collectSysinfo(
  ctx: ReaderContext,
  start: NetSample | undefined,
): Promise<NetworkSection> {
  const si = await loadSystemInformation();
  const [list, end, gateway, defaultIface] = await Promise.all([
    si.networkInterfaces(),
    readSampleSysinfo(ctx),
    si.networkGatewayDefault(),
    si.networkInterfaceDefault(),
  ]);
  const nodeIfaces = networkInterfaces();
  const interfaces = list.map((n) =>
    interfaceEntry(n.iface, linkFromSysinfo(n, nodeIfaces[n.iface]), end, start),
  );
  return {
    interfaces,
    default_gateway: nonEmpty(gateway),
    default_interface: nonEmpty(defaultIface) ?? list.find((n) => n.default)?.iface ?? null,
    dns_servers: (await import('node:dns')).getServers(),
  };
}
