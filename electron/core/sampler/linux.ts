import { readlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseLoadavg,
  parseProcStat as parseCpuStat,
  type ProcStat as CpuStat,
} from '../metrics/cpu/parse.js';
import { usageFields } from '../metrics/cpu/usage.js';
import { diskIoEntries, parseDiskstats, selectDevices, type DiskSample } from '../metrics/disks/parse.js';
import { memoryFromMeminfo, parseMeminfo, swapFromMeminfo } from '../metrics/memory/parse.js';
import { parseNetDev, ratePerSecond, type NetSample } from '../metrics/network/parse.js';
import { cpuShare } from '../metrics/processes/parse.js';
import { listDirSync, listPidsSync } from '../os/files.js';
import { userName, userNames } from '../os/passwd.js';
import {
  CLOCK_TICKS_PER_SECOND,
  formatCmdline,
  parseProcStatBytes,
  parseProcStatus,
  parseUptime,
  statNumbers,
  type StatNumbers,
} from '../os/proc-parse.js';
import {
  procBytes,
  readFileAsync,
  readProcBytesSync,
  readProcFileSync,
  yieldToEventLoop,
} from '../os/proc-read.js';
import type { LightSections } from './map.js';
import { ScanColumns, TopCandidates, WindowStart } from './proc-scan.js';
import { monotonicMs } from '../os/clock.js';

const IFF_UP = 0x1;
const DOWN_STATES = new Set(['down', 'lowerlayerdown', 'notpresent', 'dormant']);
const ARPHRD_LOOPBACK = '772';
// The list of whole block devices only changes on hot-plug: look again once a minute.
const BLOCK_LIST_TTL_MS = 60_000;
// The process scan is most of a tick's cost (a read per process): at a 1 s interval it runs every
// other tick, and the top list's CPU figures cover 2 s, steadier to read (top's default is 3 s).
const PROCESS_SCAN_MIN_MS = 1900;
// Owner and command line of processes seen in a top list, kept while they live (bounded), and read
// again after a minute: a process may retitle itself (setproctitle: postgres, nginx workers).
const COMMAND_CACHE_MAX = 1024;
const COMMAND_REFRESH_MS = 60_000;
// Candidates beyond the top N, for top processes that exit between the scan and their status read.
const TOP_SPARES = 6;
const ZOMBIE = 'Z'.charCodeAt(0);
const NO_ZOMBIES: readonly number[] = Object.freeze([]);

/** Counters of the previous tick, kept for the next one's rates. */
interface Previous {
  cpu?: CpuStat;
  disks?: DiskSample;
  net?: NetSample;
  /** The last process scan; its columns are the next scan's CPU window start. */
  procs?: { atMs: number; cols: ScanColumns };
  /** The last process section, reused until the next scan is due. */
  procSection?: LightSections['processes'];
}

/**
 * The Linux fast path for the counter-based light sections: each kernel file is read once per tick
 * (synchronously — procfs renders in microseconds; see os/proc-read.ts) and its counters are kept for
 * the next tick's rates, instead of a reader's begin/collect pair reading them twice. It also skips
 * what a snapshot needs but a sample does not (cpuinfo, routes, resolvers, link speeds, the memory top
 * list). What does not change is cached: whole-device list, link kinds, each process's owner and
 * command line (per pid and start time, so a reused pid is looked up again).
 */
export class LinuxFastPath {
  private prev: Previous = {};
  private block: { names: Set<string>; at: number } | undefined;
  private links = new Map<string, { virtual: boolean; loopback: boolean }>();
  /** Per pid; `starttime` tells a reused pid from the process that had it. */
  private commands = new Map<
    number,
    { starttime: number; user: string | null; command: string; at: number }
  >();
  /** `procRoot` with one trailing slash: per-process paths are concatenated, not path.join'ed (per scan). */
  private readonly procDir: string;
  private readonly netDir: string;
  /** Two scans' columns, alternating: one is the window start while the other is filled. */
  private readonly scans = [new ScanColumns(), new ScanColumns()] as const;
  private readonly stat: StatNumbers = statNumbers();

  constructor(
    private readonly procRoot = '/proc',
    private readonly sysRoot = '/sys',
  ) {
    this.procDir = procRoot.endsWith('/') ? procRoot : `${procRoot}/`;
    this.netDir = `${join(sysRoot, 'class', 'net')}/`;
  }

  /** Forgets the previous counters: the next tick has no rates (after a sleep). */
  reset(): void {
    this.prev = {};
  }

  private file(path: string): string | null {
    return readProcFileSync(path);
  }

  /** cpu, memory, swap, disk I/O, network and processes in one pass; a section that fails is left out. */
  async read(topN: number): Promise<LightSections> {
    const out: LightSections = {};
    const next: Previous = {};
    const p = this.procRoot;
    const stat = this.file(join(p, 'stat'));
    if (stat !== null) {
      try {
        const now = parseCpuStat(stat);
        const u = usageFields(this.prev.cpu, now);
        const load = parseLoadavg(this.file(join(p, 'loadavg')) ?? '');
        out.cpu = { ...u, load_1: load?.[0] ?? null, load_5: load?.[1] ?? null, load_15: load?.[2] ?? null };
        next.cpu = now;
      } catch {
        // all-zero counters: no cpu section this tick
      }
    }
    const meminfo = this.file(join(p, 'meminfo'));
    if (meminfo !== null) {
      const m = parseMeminfo(meminfo);
      out.memory = memoryFromMeminfo(m);
      out.swap = swapFromMeminfo(m);
    }
    const diskstats = this.file(join(p, 'diskstats'));
    if (diskstats !== null) {
      next.disks = {
        atMs: monotonicMs(),
        devices: selectDevices(parseDiskstats(diskstats), this.wholeDevices()),
      };
      out.disks = { filesystems: [], io: diskIoEntries(next.disks, this.prev.disks) };
    }
    const netdev = this.file(join(p, 'net', 'dev'));
    if (netdev !== null) {
      next.net = { atMs: monotonicMs(), counters: parseNetDev(netdev) };
      out.network = { interfaces: this.interfaces(next.net, this.prev.net) };
    }
    const last = this.prev.procs;
    if (last && this.prev.procSection && monotonicMs() - last.atMs < PROCESS_SCAN_MIN_MS) {
      out.processes = this.prev.procSection;
      next.procs = last;
    } else {
      const procs = await this.processes(topN);
      out.processes = procs.section;
      next.procs = procs.next;
    }
    next.procSection = out.processes;
    this.prev = next;
    return out;
  }

  private wholeDevices(): Set<string> {
    const now = monotonicMs();
    if (!this.block || now - this.block.at > BLOCK_LIST_TTL_MS) {
      // No sysfs: no device passes the filter.
      this.block = { names: new Set(listDirSync(join(this.sysRoot, 'block'))), at: now };
    }
    return this.block.names;
  }

  private interfaces(
    end: NetSample,
    start: NetSample | undefined,
  ): NonNullable<LightSections['network']>['interfaces'] {
    const ms = start ? end.atMs - start.atMs : 0;
    const seen = new Map<string, { virtual: boolean; loopback: boolean }>();
    const out: Array<NonNullable<LightSections['network']>['interfaces'][number]> = [];
    end.counters.forEach((c, name) => {
      const dir = `${this.netDir}${name}`;
      let kind = this.links.get(name);
      if (!kind) {
        let target = '';
        try {
          target = readlinkSync(dir);
        } catch {
          // not in sysfs (another namespace's procRoot): treat as physical
        }
        const loopback = this.file(`${dir}/type`)?.trim() === ARPHRD_LOOPBACK || name === 'lo';
        kind = { virtual: target.includes('/devices/virtual/'), loopback };
      }
      seen.set(name, kind);
      const flags = parseInt(this.file(`${dir}/flags`)?.trim() ?? '', 16);
      const oper = this.file(`${dir}/operstate`)?.trim() || 'unknown';
      // As the network reader decides: IFF_UP unless the kernel says the link passes no traffic.
      const up = Number.isNaN(flags) ? oper === 'up' : (flags & IFF_UP) !== 0 && !DOWN_STATES.has(oper);
      const b = start?.counters.get(name);
      out.push({
        name,
        type: kind.loopback ? ('loopback' as const) : ('ethernet' as const),
        virtual: kind.virtual,
        up,
        rx_bytes_per_s: b ? ratePerSecond(b.rxBytes, c.rxBytes, ms) : null,
        tx_bytes_per_s: b ? ratePerSecond(b.txBytes, c.txBytes, ms) : null,
      });
    });
    this.links = seen; // forget links that are gone (container churn)
    return out;
  }

  /**
   * One scan of every /proc/[pid]/stat into typed columns (see proc-scan.ts); owner and command line
   * only for the top processes, cached.
   */
  private async processes(
    topN: number,
  ): Promise<{ section: LightSections['processes']; next: Previous['procs'] }> {
    const pids = listPidsSync(this.procRoot);
    // procfs lists pids in ascending order already (so this costs one pass); a fixture tree may not.
    pids.sort((a, b) => a - b);
    const atMs = monotonicMs();
    const prev = this.prev.procs;
    const cols = prev?.cols === this.scans[0] ? this.scans[1] : this.scans[0];
    cols.clear();
    // Without a previous scan (first tick, after a sleep) rank by lifetime share, as the reader does.
    const uptimeS = prev ? 0 : (parseUptime(this.file(`${this.procDir}uptime`) ?? '') ?? 0);
    const window = prev ? new WindowStart(prev.cols) : null;
    const elapsedS = prev ? (atMs - prev.atMs) / 1000 : 0;
    // A few spares: a top process may exit before its status is read, and the next one takes its place.
    const candidates = new TopCandidates(topN + TOP_SPARES);
    const st = this.stat;
    let zombies: number[] | undefined;
    for (let i = 0; i < pids.length; i++) {
      if (i > 0 && i % 256 === 0) await yieldToEventLoop();
      const length = readProcBytesSync(`${this.procDir}${pids[i]}/stat`);
      const bytes = procBytes();
      if (length < 0 || !parseProcStatBytes(bytes, length, st)) continue;
      cols.push(st.pid, st.cpuTicks, st.starttime);
      if (st.state === ZOMBIE) (zombies ??= []).push(st.pid);
      const score = window
        ? cpuShare(st.cpuTicks - window.ticksAt(st.pid, st.starttime), elapsedS)
        : cpuShare(st.cpuTicks, uptimeS - st.starttime / CLOCK_TICKS_PER_SECOND);
      if (candidates.accepts(score))
        candidates.add({
          pid: st.pid,
          starttime: st.starttime,
          comm: bytes.toString('utf8', st.commStart, st.commEnd),
          score,
        });
    }
    const names = userNames();
    const top: Array<NonNullable<LightSections['processes']>['top_cpu'][number]> = [];
    const live = new Set<number>();
    for (const e of candidates.items) {
      if (top.length >= topN) break;
      const dir = `${this.procDir}${e.pid}/`;
      const status = this.file(`${dir}status`);
      if (status === null) continue; // exited since the scan: the next one takes its place
      const st = parseProcStatus(status);
      live.add(e.pid);
      let c = this.commands.get(e.pid);
      if (!c || c.starttime !== e.starttime || atMs - c.at > COMMAND_REFRESH_MS) {
        c = {
          starttime: e.starttime,
          user: userName(names, st.euid),
          command: formatCmdline(await readFileAsync(`${dir}cmdline`), e.comm),
          at: atMs,
        };
        this.commands.set(e.pid, c);
      }
      top.push({
        pid: e.pid,
        name: e.comm,
        command: c.command,
        user: c.user,
        cpu_percent: e.score,
        rss_bytes: st.rssBytes ?? 0,
      });
    }
    // Entries stay while their process lives: idle processes trade places in the top list from one
    // scan to the next, and reading their cmdline again each time was most of the sampler's
    // thread-pool work. Processes that exited (or whose pid was reused) are dropped; the cap bounds
    // a machine that forks without end.
    this.commands.forEach((c, pid) => {
      const row = cols.indexOf(pid);
      if (row < 0 || cols.start[row] !== c.starttime) this.commands.delete(pid);
    });
    if (this.commands.size > COMMAND_CACHE_MAX)
      this.commands.forEach((_, pid) => {
        if (!live.has(pid)) this.commands.delete(pid);
      });
    return {
      section: { total: cols.length, zombies: zombies ?? NO_ZOMBIES, top_cpu: top },
      next: { atMs, cols },
    };
  }
}
