import { z } from 'zod';
import { Timestamp } from '../snapshot/metrics/common.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { SectionName } from '../snapshot/sections.js';
import { BaselineError } from './errors.js';
import { isTransientPort, openPorts } from './presence.js';
import { presenceText } from './rule.js';

/** The `kind` every baseline document carries, so a snapshot or a random JSON file is refused early. */
export const BASELINE_KIND = 'autoinfrasnap-baseline';

/** Version of the baseline document format; bumped on any incompatible change. */
export const BASELINE_VERSION = 1;

/** A baseline: what a machine had worth watching, as rules `check --baseline` evaluates. */
export const Baseline = z.strictObject({
  kind: z.literal(BASELINE_KIND),
  version: z.literal(BASELINE_VERSION),
  created_from: z.strictObject({
    id: z.string(),
    taken_at: Timestamp,
    hostname: z.string().nullable(),
  }),
  rules: z.array(z.string()),
});
export type Baseline = z.infer<typeof Baseline>;

/**
 * Programs that are never worth a rule: shells, interactive tools and package managers come and go
 * with a session; init and kernel pseudo-processes are always there.
 */
const TRANSIENT = new Set([
  ...['sh', 'bash', 'zsh', 'fish', 'dash', 'ksh', 'tcsh', 'csh', 'pwsh', 'powershell', 'cmd'],
  ...['ps', 'top', 'htop', 'btop', 'less', 'more', 'man', 'vi', 'vim', 'nvim', 'nano', 'emacs'],
  ...['tmux', 'screen', 'sudo', 'su', 'login', 'ssh', 'scp', 'sftp', 'watch', 'sleep', 'tail', 'cat'],
  ...['apt', 'apt-get', 'dpkg', 'dpkg-deb', 'yum', 'dnf', 'rpm', 'apk', 'brew', 'npm', 'npx', 'pip'],
  ...['systemd', 'init', 'launchd', 'kernel_task', 'system', 'idle', 'registry', 'memory compression'],
]);

/** A long-running daemon has been up this long when the snapshot was taken. */
const DAEMON_MIN_AGE_MS = 10 * 60_000;

function transient(name: string, command = ''): boolean {
  const base = name.toLowerCase().replace(/\.exe$/, '');
  // The snapshotting process itself (node …/autoinfrasnap …) and kernel threads ([kworker/0:1]).
  return TRANSIENT.has(base) || /autoinfrasnap/i.test(`${name} ${command}`) || /^\[.*\]$/.test(command);
}

/**
 * Processes worth a rule: the owners of listening ports, and long-running daemons among the top memory
 * users (up for ten minutes or more, started by init or as a service's main process). Interactive
 * programs and this tool are left out, so the baseline holds what a deploy should keep running.
 */
export function processesWorthWatching(s: Snapshot): string[] {
  const names = new Set<string>();
  const top = s.processes?.top_memory ?? [];
  for (const l of s.ports?.listening ?? []) {
    if (!l.process || isTransientPort(l)) continue;
    const cmd = top.find((p) => p.pid === l.pid)?.command;
    if (!transient(l.process, cmd)) names.add(l.process);
  }
  const servicePids = new Set((s.services?.units ?? []).map((u) => u.pid).filter((p) => p !== null));
  const takenAt = Date.parse(s.taken_at);
  for (const p of top) {
    const age = p.started_at === null ? 0 : takenAt - Date.parse(p.started_at);
    const daemon = p.ppid === 0 || p.ppid === 1 || servicePids.has(p.pid);
    if (age >= DAEMON_MIN_AGE_MS && daemon && !transient(p.name, p.command)) names.add(p.name);
  }
  return [...names].sort();
}

/** What went into a baseline, by kind: for the note `baseline create` prints. */
export interface BaselineCounts {
  ports: number;
  containers: number;
  services: number;
  processes: number;
}

/** Counts a baseline's presence rules by kind (rules a person added by hand count as none). */
export function countBaselineRules(b: Baseline): BaselineCounts {
  const count = (kind: string) => b.rules.filter((r) => r.startsWith(`${kind} `)).length;
  return {
    ports: count('port'),
    containers: count('container'),
    services: count('service'),
    processes: count('process'),
  };
}

/** Sections a baseline draws from; a snapshot without one of them yields a baseline with a gap. */
export const BASELINE_SECTIONS = [
  'ports',
  'containers',
  'services',
  'processes',
] as const satisfies SectionName[];

/**
 * The baseline of a snapshot: its listening ports (`port N[/udp]`, client UDP ports left out), running
 * containers, running services and the processes worth watching, each as a presence rule.
 */
export function createBaseline(s: Snapshot): Baseline {
  const ports = openPorts(s)
    .filter((p) => !isTransientPort(p))
    .map((p) => presenceText('port', p));
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const containers = (s.containers?.items ?? [])
    .filter((c) => c.state === 'running')
    .map((c) => c.name)
    .sort(byName);
  const services = (s.services?.units ?? [])
    .filter((u) => u.state === 'running')
    .map((u) => u.name)
    .sort(byName);
  return {
    kind: BASELINE_KIND,
    version: BASELINE_VERSION,
    created_from: { id: s.id, taken_at: s.taken_at, hostname: s.host?.hostname ?? null },
    rules: [
      ...ports,
      ...containers.map((n) => presenceText('container', n)),
      ...services.map((n) => presenceText('service', n)),
      ...processesWorthWatching(s).map((n) => presenceText('process', n)),
    ],
  };
}

/** Validates a parsed baseline document; throws `BaselineError` with one line naming what is wrong. */
export function parseBaseline(doc: unknown): Baseline {
  const obj =
    typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
  if (obj?.kind !== BASELINE_KIND) throw new BaselineError('kind', {});
  if (typeof obj.version === 'number' && obj.version > BASELINE_VERSION)
    throw new BaselineError('newer', { version: obj.version });
  const r = Baseline.safeParse(doc, { jitless: true });
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const at = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
  throw new BaselineError('shape', { detail: `${at || '(root)'}: ${issue.message}` });
}
