import type { Systeminformation } from 'systeminformation';
import type { ReaderContext } from '../snapshot/reader.js';
import { loadSystemInformation } from './sysinfo.js';

/**
 * si.processes() once per snapshot: on Windows it is a PowerShell/WMI call of a second or more, and
 * the ports reader needs its names too (netstat gives only pids there).
 */
export async function siProcesses(ctx: ReaderContext): Promise<Systeminformation.ProcessesData> {
  const si = await loadSystemInformation();
  return ctx.memo('si:processes', () => si.processes());
}
