import { formatBytes, formatDuration, formatPercent, formatRate } from '../format.js';
import { assessHealth, type Finding, type Severity } from '../snapshot/health.js';
import type { Snapshot } from '../snapshot/schema.js';

/** Options of the terminal summary. */
export interface SummaryOptions {
  /** ANSI colours (off when not a TTY or NO_COLOR is set: the caller decides). */
  color: boolean;
}

const ANSI = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;

function paint(on: boolean, style: keyof typeof ANSI, s: string): string {
  return on ? `\u001b[${ANSI[style]}m${s}\u001b[0m` : s;
}

/** One finding in words. */
export function describeFinding(f: Finding): string {
  switch (f.code) {
    case 'disk_full':
    case 'disk_filling':
      return `disk ${f.subject} at ${formatPercent(f.value)}`;
    case 'service_failed':
      return `service ${f.subject} failed`;
    case 'zombies':
      return `${f.value} zombie process${f.value === 1 ? '' : 'es'}`;
    case 'swap_in_use':
      return `swap ${formatPercent(f.value)} used`;
    case 'memory_low':
      return `memory ${formatPercent(f.value)} used`;
    case 'hot_process':
      return `${f.subject} at ${formatPercent(f.value)} CPU`;
    case 'reader_failed':
      return `${f.subject} could not be read`;
  }
}

const MARK: Record<Severity, [string, keyof typeof ANSI]> = {
  ok: ['OK', 'green'],
  warning: ['WARNING', 'yellow'],
  critical: ['CRITICAL', 'red'],
};

/** The health line that opens every summary: status, then what makes it so. */
export function healthLine(s: Snapshot, color: boolean): string {
  const h = assessHealth(s);
  const [word, style] = MARK[h.status];
  const what = h.findings.length ? h.findings.map(describeFinding).join(', ') : 'nothing needs attention';
  return `${paint(color, style, paint(color, 'bold', word))}  ${what}`;
}

/** A short terminal summary of a snapshot, health line first. */
export function renderSummary(s: Snapshot, opts: SummaryOptions): string {
  const c = opts.color;
  const label = (l: string): string => paint(c, 'dim', l.padEnd(11));
  const lines = [healthLine(s, c)];
  if (s.host) {
    const h = s.host;
    const where = [h.virtualization, h.container].filter(Boolean).join(', ');
    lines.push(
      `${label('host')}${h.hostname} · ${h.os.name} ${h.os.version} · kernel ${h.kernel} · ${h.arch} · up ${formatDuration(h.uptime_s)}${where ? ` · ${where}` : ''}`,
    );
  }
  if (s.cpu) {
    const load = s.cpu.load_1 === null ? '' : ` · load ${s.cpu.load_1} ${s.cpu.load_5} ${s.cpu.load_15}`;
    lines.push(
      `${label('cpu')}${formatPercent(s.cpu.usage_percent)} of ${s.cpu.logical_cores} cores${load} · ${s.cpu.model}`,
    );
  }
  if (s.memory) {
    const m = s.memory;
    const swap = s.swap
      ? ` · swap ${formatBytes(s.swap.used_bytes)} of ${formatBytes(s.swap.total_bytes)}`
      : '';
    lines.push(
      `${label('memory')}${formatBytes(m.used_bytes)} of ${formatBytes(m.total_bytes)} (${formatPercent(m.used_percent)})${swap}`,
    );
  }
  for (const fs of (s.disks?.filesystems ?? []).slice(0, 6)) {
    lines.push(
      `${label('disk')}${fs.mountpoint} ${formatBytes(fs.used_bytes)} of ${formatBytes(fs.total_bytes)} (${formatPercent(fs.used_percent)}) ${fs.fstype}`,
    );
  }
  for (const n of (s.network?.interfaces ?? []).filter((i) => i.up && i.type !== 'loopback').slice(0, 4)) {
    const addr = n.addresses.find((a) => a.family === 'IPv4')?.address ?? n.addresses[0]?.address ?? '';
    lines.push(
      `${label('network')}${n.name} ${addr} · in ${formatRate(n.rx_bytes_per_s)} · out ${formatRate(n.tx_bytes_per_s)}`,
    );
  }
  if (s.ports) {
    const tcp = [...new Set(s.ports.listening.filter((p) => p.protocol === 'tcp').map((p) => p.port))];
    lines.push(
      `${label('ports')}${s.ports.listening.length} listening · tcp ${tcp.slice(0, 12).join(' ')}${tcp.length > 12 ? ' …' : ''}`,
    );
  }
  if (s.processes) {
    const p = s.processes;
    const top = p.top_cpu
      .slice(0, 3)
      .map((x) => `${x.name} ${formatPercent(x.cpu_percent)}`)
      .join(', ');
    lines.push(`${label('processes')}${p.total} · top CPU: ${top}`);
  }
  if (s.services) {
    const v = s.services;
    lines.push(
      `${label('services')}${v.available ? `${v.manager}: ${v.running} running, ${v.failed} failed of ${v.total}` : (v.reason ?? 'unavailable')}`,
    );
  }
  if (s.containers) {
    const k = s.containers;
    lines.push(
      `${label('containers')}${k.available ? `${k.running} running of ${k.total} (${k.engine?.name ?? 'engine'})` : (k.reason ?? 'unavailable')}`,
    );
  }
  if (s.users)
    lines.push(`${label('users')}${s.users.sessions.map((u) => u.user).join(', ') || 'no sessions'}`);
  for (const e of s.errors) lines.push(`${label('error')}${e.section}: ${e.code}: ${e.message}`);
  const r = s.redactions;
  lines.push(
    `${label('redacted')}${
      r.enabled
        ? `${r.total} value${r.total === 1 ? '' : 's'}${
            r.total
              ? ` (${Object.entries(r.by_rule)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', ')})`
              : ''
          }`
        : paint(c, 'yellow', 'OFF: this snapshot may contain secrets')
    }`,
  );
  lines.push(paint(c, 'dim', `snapshot ${s.id} · ${s.taken_at} · ${s.duration_ms} ms`));
  return lines.join('\n');
}
