// How each kind of item is keyed, merged and compared. Keys use what survives a restart (names,
// command lines, addresses), never pids or container uptimes, so a restart alone is not a change.
import type { ContainersSection } from '../snapshot/metrics/containers.js';
import type { DisksSection } from '../snapshot/metrics/disks.js';
import type { HostSection } from '../snapshot/metrics/host.js';
import type { NetworkSection } from '../snapshot/metrics/network.js';
import type { PortsSection } from '../snapshot/metrics/ports.js';
import type { ProcessesSection } from '../snapshot/metrics/processes.js';
import type { ServicesSection } from '../snapshot/metrics/services.js';
import type { UsersSection } from '../snapshot/metrics/users.js';
import { byKey, pushChange, round2 } from './model.js';
import type {
  ContainerItem,
  FieldChange,
  FilesystemItem,
  InterfaceItem,
  PortItem,
  ProcessItem,
  ServiceItem,
  SessionItem,
} from './schema.js';

/** `host:port`, with IPv6 addresses bracketed as in URLs so the port stays readable. */
export function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/**
 * A kernel worker renames itself after the workqueue it last ran (`kworker/0:1-events` becomes
 * `kworker/0:1-mm_percpu_wq` a moment later): only the part before the dash names the thread.
 */
export function stableProcessName(name: string): string {
  return /^kworker\/[^-]+-/.test(name) ? name.slice(0, name.indexOf('-')) : name;
}

/** Processes of both top lists, one item per name + redacted command line (several pids become a count). */
export function processItems(p: ProcessesSection, redact: (s: string) => string): ProcessItem[] {
  const seen = new Set<number>();
  const all = [...p.top_cpu, ...p.top_memory].filter((x) => !seen.has(x.pid) && seen.add(x.pid));
  all.sort((x, y) => x.pid - y.pid);
  const items = new Map<string, ProcessItem>();
  for (const x of all) {
    const name = stableProcessName(x.name);
    // Kernel threads show their name in brackets as their command line, so it gets the same treatment.
    const command = name !== x.name && x.command === `[${x.name}]` ? `[${name}]` : redact(x.command);
    const key = `${name}: ${command}`;
    const item = items.get(key);
    if (item) {
      item.count++;
      item.pids.push(x.pid);
      item.cpu_percent = round2(item.cpu_percent + x.cpu_percent);
      item.memory_percent = round2(item.memory_percent + x.memory_percent);
      item.rss_bytes += x.rss_bytes;
    } else {
      items.set(key, {
        key,
        name,
        command,
        user: x.user,
        count: 1,
        pids: [x.pid],
        cpu_percent: x.cpu_percent,
        memory_percent: x.memory_percent,
        rss_bytes: x.rss_bytes,
      });
    }
  }
  return [...items.values()];
}

/** What differs between two groups of the same process: how many run, and as whom. */
export function compareProcesses(a: ProcessItem, b: ProcessItem): FieldChange[] {
  const out: FieldChange[] = [];
  pushChange(out, 'count', a.count, b.count);
  if (a.user !== null && b.user !== null) pushChange(out, 'user', a.user, b.user);
  return out;
}

/** Listening sockets keyed by protocol and address; several owners of one socket are listed together. */
export function portItems(p: PortsSection): PortItem[] {
  const items = new Map<string, PortItem>();
  for (const x of p.listening) {
    const key = `${x.protocol} ${hostPort(x.address, x.port)}`;
    const item = items.get(key);
    if (!item) {
      items.set(key, { key, ...x });
      continue;
    }
    const names = new Set([...(item.process?.split(', ') ?? []), ...(x.process ? [x.process] : [])]);
    item.process = names.size ? [...names].sort().join(', ') : null;
    item.pid ??= x.pid;
  }
  return [...items.values()];
}

/** Sockets by protocol, then port number, then address: how `ss -l` reads. */
export function portOrder(x: PortItem, y: PortItem): number {
  return x.protocol.localeCompare(y.protocol) || x.port - y.port || byKey(x, y);
}

/** An owner only counts as changed when both are known: without root most owners are hidden. */
export function comparePorts(a: PortItem, b: PortItem): FieldChange[] {
  const out: FieldChange[] = [];
  if (a.process !== null && b.process !== null) pushChange(out, 'process', a.process, b.process);
  return out;
}

/** Containers keyed by name: the name is what compose files and people refer to. */
export function containerItems(c: ContainersSection): ContainerItem[] {
  return c.items.map((x) => ({
    key: x.name,
    name: x.name,
    id: x.id,
    image: x.image,
    state: x.state,
    health: x.health,
    restart_count: x.restart_count,
  }));
}

/** A new id under the same name means the container was recreated, which is worth knowing. */
export function compareContainers(a: ContainerItem, b: ContainerItem): FieldChange[] {
  const out: FieldChange[] = [];
  pushChange(out, 'image', a.image, b.image);
  pushChange(out, 'state', a.state, b.state);
  pushChange(out, 'health', a.health, b.health);
  pushChange(out, 'restart_count', a.restart_count, b.restart_count);
  pushChange(out, 'id', a.id, b.id);
  return out;
}

/** Service units keyed by name. */
export function serviceItems(s: ServicesSection): ServiceItem[] {
  return s.units.map((u) => ({
    key: u.name,
    name: u.name,
    state: u.state,
    native_state: u.native_state,
    enabled: u.enabled,
  }));
}

/** The normalised state (not the manager's words, which carry sub-states) and start-at-boot. */
export function compareServices(a: ServiceItem, b: ServiceItem): FieldChange[] {
  const out: FieldChange[] = [];
  pushChange(out, 'state', a.state, b.state);
  if (a.enabled !== null && b.enabled !== null) pushChange(out, 'enabled', a.enabled, b.enabled);
  return out;
}

/** Filesystems keyed by mount point; a mount point mounted twice counts once (the one df shows first). */
export function filesystemItems(d: DisksSection): FilesystemItem[] {
  const items = new Map<string, FilesystemItem>();
  for (const f of d.filesystems) {
    if (items.has(f.mountpoint)) continue;
    const { mountpoint, device, fstype, total_bytes, used_percent, read_only } = f;
    items.set(mountpoint, {
      key: mountpoint,
      mountpoint,
      device,
      fstype,
      total_bytes,
      used_percent,
      read_only,
    });
  }
  return [...items.values()];
}

/**
 * Size changes under 1% are ignored: on ZFS, btrfs and overlay mounts the reported total moves with
 * the pool's free space, which is not a resize. Used space is compared as a metric instead.
 */
export function compareFilesystems(a: FilesystemItem, b: FilesystemItem): FieldChange[] {
  const out: FieldChange[] = [];
  pushChange(out, 'device', a.device, b.device);
  pushChange(out, 'fstype', a.fstype, b.fstype);
  const big = Math.max(a.total_bytes, b.total_bytes);
  if (big > 0 && Math.abs(a.total_bytes - b.total_bytes) / big > 0.01)
    pushChange(out, 'total_bytes', a.total_bytes, b.total_bytes);
  pushChange(out, 'read_only', a.read_only, b.read_only);
  return out;
}

/** Sessions keyed by user, terminal and remote host; duplicates keep the earliest login. */
export function sessionItems(u: UsersSection): SessionItem[] {
  const items = new Map<string, SessionItem>();
  for (const s of u.sessions) {
    const key = [s.user, s.terminal ?? '-', s.host ?? ''].join(' ').trim();
    const prev = items.get(key);
    if (prev && (prev.login_at ?? '') <= (s.login_at ?? '')) continue;
    items.set(key, { key, user: s.user, terminal: s.terminal, host: s.host, login_at: s.login_at });
  }
  return [...items.values()];
}

/** A new login time on the same terminal is a new session. */
export function compareSessions(a: SessionItem, b: SessionItem): FieldChange[] {
  const out: FieldChange[] = [];
  pushChange(out, 'login_at', a.login_at, b.login_at);
  return out;
}

/** Interfaces keyed by name, addresses as CIDR (the address alone where no prefix is known). */
export function interfaceItems(n: NetworkSection): InterfaceItem[] {
  return n.interfaces.map((i) => ({
    key: i.name,
    name: i.name,
    type: i.type,
    up: i.up,
    mac: i.mac,
    mtu: i.mtu,
    addresses: [...new Set(i.addresses.map((a) => a.cidr ?? a.address))].sort(),
  }));
}

/** Link state, MTU, MAC, then each address added (`from: null`) or removed (`to: null`). */
export function compareInterfaces(a: InterfaceItem, b: InterfaceItem): FieldChange[] {
  const out: FieldChange[] = [];
  pushChange(out, 'up', a.up, b.up);
  pushChange(out, 'mtu', a.mtu, b.mtu);
  pushChange(out, 'mac', a.mac, b.mac);
  for (const x of b.addresses)
    if (!a.addresses.includes(x)) out.push({ field: 'address', from: null, to: x });
  for (const x of a.addresses)
    if (!b.addresses.includes(x)) out.push({ field: 'address', from: x, to: null });
  return out;
}

/** The operating system fields of two hosts. */
export function compareSystem(a: HostSection, b: HostSection): FieldChange[] {
  const out: FieldChange[] = [];
  pushChange(out, 'os_name', a.os.name, b.os.name);
  pushChange(out, 'os_version', a.os.version, b.os.version);
  pushChange(out, 'kernel', a.kernel, b.kernel);
  pushChange(out, 'arch', a.arch, b.arch);
  return out;
}
