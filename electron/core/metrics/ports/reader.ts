import type { PortsSection } from '../../../../shared/snapshot/metrics/ports.js';
import { siProcesses } from '../../os/si-shared.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { defineReader, type ReaderContext } from '../../snapshot/reader.js';
import { listeningSockets } from './linux.js';
import { portsFromSystemInformation } from './sysinfo-map.js';

/** macOS, Windows and BSD: systeminformation's netstat parsing; Windows needs process names from si too. */
async function readViaSysinfo(ctx: ReaderContext): Promise<PortsSection> {
  const si = await loadSystemInformation();
  const conns = await si.networkConnections();
  const names =
    ctx.platform === 'win32' ? new Map((await siProcesses(ctx)).list.map((p) => [p.pid, p.name])) : undefined;
  return portsFromSystemInformation(conns, names);
}

/** The `ports` section: listening TCP and bound UDP sockets with their owning process. */
export const reader = defineReader({
  section: 'ports',
  // Windows answers through netstat and PowerShell/WMI, which takes seconds on a cold start.
  timeoutMs: 10_000,
  collect(ctx: ReaderContext): Promise<PortsSection> {
    return ctx.platform === 'linux' ? listeningSockets(ctx) : readViaSysinfo(ctx);
  },
});
