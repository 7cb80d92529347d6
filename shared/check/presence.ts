import type { Snapshot } from '../snapshot/schema.js';
import type { Reason } from './errors.js';
import { missingSection, processNameMatches, unusableSection, type Scalar } from './path.js';
import { presenceText, type NamedRule, type PortRule, type Rule } from './rule.js';

/** The outcome of one rule before it is labelled with its text and source. */
export interface Outcome {
  passed: boolean;
  actual: Scalar;
  reason: Reason | null;
}

/** One listening port, merged over addresses and IP families. */
export interface OpenPort {
  port: number;
  protocol: 'tcp' | 'udp';
  /** Where it listens and who owns it, e.g. `0.0.0.0, :: (nginx)`. */
  where: string;
}

/**
 * UDP sockets from the ephemeral range are mostly clients (resolvers, NTP) that bind a random port:
 * neither a baseline nor the strict check should hold them against a machine. TCP listeners never are.
 */
export function isTransientPort(p: { port: number; protocol: string }): boolean {
  return p.protocol === 'udp' && p.port >= 32768;
}

/** Listening ports of a snapshot, one per port and protocol, in port order. */
export function openPorts(s: Snapshot): OpenPort[] {
  const byKey = new Map<
    string,
    { port: number; protocol: 'tcp' | 'udp'; addrs: string[]; owners: string[] }
  >();
  for (const l of s.ports?.listening ?? []) {
    const key = `${l.port}/${l.protocol}`;
    const e = byKey.get(key) ?? { port: l.port, protocol: l.protocol, addrs: [], owners: [] };
    if (!e.addrs.includes(l.address)) e.addrs.push(l.address);
    if (l.process && !e.owners.includes(l.process)) e.owners.push(l.process);
    byKey.set(key, e);
  }
  return [...byKey.values()]
    .sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol))
    .map((e) => ({
      port: e.port,
      protocol: e.protocol,
      where: `${e.addrs.join(', ')}${e.owners.length ? ` (${e.owners.join(', ')})` : ''}`,
    }));
}

const fail = (reason: Reason): Outcome => ({ passed: false, actual: null, reason });

function port(s: Snapshot, r: PortRule): Outcome {
  const problem = missingSection(s, 'ports');
  if (problem) return fail(problem);
  const open = openPorts(s).find((p) => p.port === r.port && p.protocol === r.protocol);
  const params = { port: r.port, protocol: r.protocol, where: open?.where ?? '' };
  const actual = open?.where ?? null;
  if (r.negated)
    return open ? { passed: false, actual, reason: { code: 'port_forbidden', params } } : ok(actual);
  return open ? ok(actual) : { passed: false, actual, reason: { code: 'port_missing', params } };
}

const ok = (actual: Scalar): Outcome => ({ passed: true, actual, reason: null });

/** Containers and services: present means running; any other state is reported by name. */
function unit(s: Snapshot, r: NamedRule & { kind: 'container' | 'service' }): Outcome {
  const section = r.kind === 'container' ? 'containers' : 'services';
  const problem = unusableSection(s, section);
  if (problem) return fail(problem);
  const found =
    r.kind === 'container'
      ? s.containers?.items.find((c) => c.name === r.name || c.name === r.name.replace(/^\//, ''))
      : s.services?.units.find((u) => u.name === r.name || u.name === `${r.name}.service`);
  const state = found?.state ?? null;
  const running = state === 'running';
  const params = { name: found?.name ?? r.name, state: state ?? '' };
  if (r.negated)
    return running
      ? { passed: false, actual: state, reason: { code: `${r.kind}_forbidden`, params } }
      : ok(state);
  if (running) return ok(state);
  const code = found ? (`${r.kind}_state` as const) : (`${r.kind}_missing` as const);
  return { passed: false, actual: state, reason: { code, params } };
}

/** Processes: the top lists by CPU and memory, plus every port's owner (a quiet daemon still listens). */
function processRule(s: Snapshot, r: NamedRule): Outcome {
  const seen = [
    ...(s.processes?.top_cpu ?? []),
    ...(s.processes?.top_memory ?? []),
    ...(s.ports?.listening ?? []).flatMap((l) =>
      l.process ? [{ name: l.process, pid: l.pid ?? ('?' as const) }] : [],
    ),
  ];
  const found = seen.find((p) => processNameMatches(p.name, r.name));
  const actual = found ? `${found.name} (${found.pid})` : null;
  const problem = found ? null : missingSection(s, 'processes');
  if (problem) return fail(problem);
  if (r.negated)
    return found
      ? {
          passed: false,
          actual,
          reason: { code: 'process_forbidden', params: { name: found.name, pid: found.pid } },
        }
      : ok(actual);
  if (found) return ok(actual);
  const top = s.processes?.top_n ?? 0;
  return { passed: false, actual, reason: { code: 'process_missing', params: { name: r.name, top } } };
}

/** Evaluates a presence rule (`port`, `container`, `service`, `process`, each optionally negated). */
export function evaluatePresence(s: Snapshot, r: PortRule | NamedRule): Outcome {
  if (r.kind === 'port') return port(s, r);
  if (r.kind === 'process') return processRule(s, r);
  return unit(s, r as NamedRule & { kind: 'container' | 'service' });
}

/**
 * The strict check: every listening port no `port` rule asks for fails, as `!port N` with the reason
 * that it is new. A snapshot without ports cannot pass it.
 */
export function strictPortOutcomes(s: Snapshot, rules: readonly Rule[]): Array<Outcome & { rule: string }> {
  const problem = missingSection(s, 'ports');
  if (problem) return [{ rule: '--strict', ...fail(problem) }];
  const known = new Set(
    rules.flatMap((r) =>
      r.type === 'presence' && r.kind === 'port' && !r.negated ? [`${r.port}/${r.protocol}`] : [],
    ),
  );
  return openPorts(s)
    .filter((p) => !isTransientPort(p) && !known.has(`${p.port}/${p.protocol}`))
    .map((p) => ({
      rule: presenceText('port', p, true),
      passed: false,
      actual: p.where,
      reason: { code: 'port_new', params: { port: p.port, protocol: p.protocol, where: p.where } },
    }));
}
