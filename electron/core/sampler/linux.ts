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
import { cpuPercents, rankBy } from '../metrics/processes/parse.js';
import { listDirSync, listPidsSync } from '../os/files.js';
import { userName, userNames } from '../os/passwd.js';
import {
  formatCmdline,
  parseProcStat,
  parseProcStatus,
  parseUptime,
  type ProcStat,
} from '../os/proc-parse.js';
import { readFileAsync, readProcFileSync, yieldToEventLoop } from '../os/proc-read.js';
import type { LightSections } from './map.js';
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

/** Counters of the previous tick, kept for the next one's rates. */
interface Previous {
  cpu?: CpuStat;
  disks?: DiskSample;
  net?: NetSample;
  procs?: { atMs: number; ticks: Map<number, { cpuTicks: number; starttime: number }> };
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
  private commands = new Map<string, { user: string | null; command: string; at: number }>();

  constructor(
    private readonly procRoot = '/proc',
    private readonly sysRoot = '/sys',
  ) {}

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
    const out = [...end.counters].map(([name, c]) => {
      const dir = join(this.sysRoot, 'class', 'net', name);
      let kind = this.links.get(name);
      if (!kind) {
        let target = '';
        try {
          target = readlinkSync(dir);
        } catch {
          // not in sysfs (another namespace's procRoot): treat as physical
        }
        const loopback = this.file(join(dir, 'type'))?.trim() === ARPHRD_LOOPBACK || name === 'lo';
        kind = { virtual: target.includes('/devices/virtual/'), loopback };
      }
      seen.set(name, kind);
      const flags = parseInt(this.file(join(dir, 'flags'))?.trim() ?? '', 16);
      const oper = this.file(join(dir, 'operstate'))?.trim() || 'unknown';
      // As the network reader decides: IFF_UP unless the kernel says the link passes no traffic.
      const up = Number.isNaN(flags) ? oper === 'up' : (flags & IFF_UP) !== 0 && !DOWN_STATES.has(oper);
      const b = start?.counters.get(name);
      return {
        name,
        type: kind.loopback ? ('loopback' as const) : ('ethernet' as const),
        virtual: kind.virtual,
        up,
        rx_bytes_per_s: b ? ratePerSecond(b.rxBytes, c.rxBytes, ms) : null,
        tx_bytes_per_s: b ? ratePerSecond(b.txBytes, c.txBytes, ms) : null,
      };
    });
    this.links = seen; // forget links that are gone (container churn)
    return out;
  }

  /** One scan of /proc/[pid]/stat; owner and command line only for the top processes, cached. */
  private async processes(
    topN: number,
  ): Promise<{ section: LightSections['processes']; next: Previous['procs'] }> {
    const pids = listPidsSync(this.procRoot);
    const atMs = monotonicMs();
    const entries: ProcStat[] = [];
    for (let i = 0; i < pids.length; i++) {
      if (i > 0 && i % 256 === 0) await yieldToEventLoop();
      const text = this.file(join(this.procRoot, String(pids[i]), 'stat'));
      const e = text === null ? null : parseProcStat(text);
      if (e) entries.push(e);
    }
    const prev = this.prev.procs;
    // Without a previous scan (first tick, after a sleep) rank by lifetime share, as the reader does.
    const uptimeS = prev ? null : parseUptime(this.file(join(this.procRoot, 'uptime')) ?? '');
    const cpu = prev
      ? cpuPercents(entries, { kind: 'window', start: prev.ticks, elapsedMs: atMs - prev.atMs })
      : cpuPercents(entries, { kind: 'lifetime', uptimeS: uptimeS ?? 0 });
    const names = userNames();
    const top: Array<NonNullable<LightSections['processes']>['top_cpu'][number]> = [];
    const live = new Set<string>();
    for (const e of rankBy(entries, (x) => cpu.get(x.pid) ?? 0)) {
      if (top.length >= topN) break;
      const dir = join(this.procRoot, String(e.pid));
      const status = this.file(join(dir, 'status'));
      if (status === null) continue; // exited since the scan: the next one takes its place
      const st = parseProcStatus(status);
      const key = `${e.pid}:${e.starttime}`;
      live.add(key);
      let c = this.commands.get(key);
      if (!c || atMs - c.at > COMMAND_REFRESH_MS) {
        c = {
          user: userName(names, st.euid),
          command: formatCmdline(await readFileAsync(join(dir, 'cmdline')), e.comm),
          at: atMs,
        };
        this.commands.set(key, c);
      }
      top.push({
        pid: e.pid,
        name: e.comm,
        command: c.command,
        user: c.user,
        cpu_percent: cpu.get(e.pid) ?? 0,
        rss_bytes: st.rssBytes ?? 0,
      });
    }
    // Entries stay while their process lives: idle processes trade places in the top list from one
    // scan to the next, and reading their cmdline again each time was most of the sampler's
    // thread-pool work. Processes that exited (or whose pid was reused) are dropped; the cap bounds
    // a machine that forks without end.
    const ticks = new Map(entries.map((e) => [e.pid, { cpuTicks: e.cpuTicks, starttime: e.starttime }]));
    for (const k of this.commands.keys()) {
      const [pid, starttime] = k.split(':').map(Number);
      if (ticks.get(pid!)?.starttime !== starttime) this.commands.delete(k);
    }
    if (this.commands.size > COMMAND_CACHE_MAX)
      for (const k of this.commands.keys()) if (!live.has(k)) this.commands.delete(k);
    return {
      section: { total: entries.length, zombies: entries.filter((e) => e.state === 'Z'), top_cpu: top },
      next: { atMs, ticks },
    };
  }
}
