import { stat } from '../../os/fs-async.js';
import type { ServicesSection } from '../../../../shared/snapshot/metrics/services.js';
import { loadSystemInformation } from '../../os/sysinfo.js';
import { defineReader, UnsupportedError, type ReaderContext } from '../../snapshot/reader.js';
import { parseLaunchctlList } from './launchd.js';
import { noServices, servicesSection } from './parse.js';
import { parseSystemctlShow, SYSTEMCTL_SHOW_ARGS } from './systemd.js';
import { mapWindowsServices, type SiService } from './windows.js';

/** Where systemd marks that it is PID 1 (sd_booted() checks the same directory). */
export const SYSTEMD_RUN_DIR = '/run/systemd/system';

/** What systemctl says when the directory exists but no systemd answers, e.g. inside some containers. */
const NO_SYSTEMD = /Failed to connect to bus|System has not been booted with systemd|Host is down/i;

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Runs a manager's listing command with the reader's abort signal; output can be large on servers. */
async function output(ctx: ReaderContext, file: string, args: readonly string[]): Promise<string> {
  // child_process is loaded only where a manager exists: most containers and CI jobs have none.
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { stdout } = await promisify(execFile)(file, args, {
    signal: ctx.signal,
    env: { ...ctx.env, LC_ALL: 'C', SYSTEMD_COLORS: '0' },
    maxBuffer: 64 * 1024 * 1024,
    windowsHide: true,
  });
  return stdout;
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

function stderrOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'stderr' in err ? String(err.stderr) : '';
}

/** systemd's units, or why there are none; `runDir` is a parameter so tests can fake a booted systemd. */
export async function readSystemd(ctx: ReaderContext, runDir = SYSTEMD_RUN_DIR): Promise<ServicesSection> {
  if (!(await isDir(runDir))) return noServices('none', `systemd is not running (no ${runDir})`);
  try {
    return servicesSection(
      'systemd',
      parseSystemctlShow(await output(ctx, 'systemctl', SYSTEMCTL_SHOW_ARGS)),
    );
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    if (errorCode(err) === 'ENOENT') return noServices('systemd', 'systemctl was not found on PATH');
    const stderr = stderrOf(err);
    if (NO_SYSTEMD.test(stderr)) return noServices('systemd', stderr.trim().split('\n')[0] ?? 'no systemd');
    throw err;
  }
}

/** launchd's jobs in the caller's domain (the system's when run as root, the user's agents otherwise). */
async function readLaunchd(ctx: ReaderContext): Promise<ServicesSection> {
  return servicesSection('launchd', parseLaunchctlList(await output(ctx, 'launchctl', ['list'])));
}

/** Windows services through systeminformation, which asks WMI via PowerShell. */
async function readWindows(): Promise<ServicesSection> {
  const si = await loadSystemInformation();
  const list = (await si.services('*')) as unknown as SiService[];
  return servicesSection('windows', mapWindowsServices(list));
}

/** Services of the system's manager: systemd on Linux, launchd on macOS, the SCM on Windows. */
export const reader = defineReader({
  section: 'services',
  // PowerShell's cold start on Windows alone can take several seconds.
  timeoutMs: 10_000,
  async collect(ctx: ReaderContext): Promise<ServicesSection> {
    switch (ctx.platform) {
      case 'linux':
        return readSystemd(ctx);
      case 'darwin':
        return readLaunchd(ctx);
      case 'win32':
        return readWindows();
      default:
        throw new UnsupportedError(`no service manager reader for ${ctx.platform}`);
    }
  },
});
