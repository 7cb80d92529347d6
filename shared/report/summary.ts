import { formatDuration, formatRate, padColumns } from '../format.js';
import type { Translator } from '../i18n/index.js';
import { assessHealth, type Finding, type Severity } from '../snapshot/health.js';
import type { Snapshot } from '../snapshot/schema.js';
import type { SectionName } from '../snapshot/sections.js';

/** Options of the terminal summary. */
export interface SummaryOptions {
  /** ANSI colours (off when not a TTY or NO_COLOR is set: the caller decides). */
  color: boolean;
  t: Translator;
}

const ANSI = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;

function paint(on: boolean, style: keyof typeof ANSI, s: string): string {
  return on ? `\u001b[${ANSI[style]}m${s}\u001b[0m` : s;
}

/** One finding in words, in the translator's language. */
export function describeFinding(f: Finding, t: Translator): string {
  const value = f.code === 'zombies' ? String(f.value) : t.percent(f.value);
  // A failed reader's subject is a section name: say it in the reader's language too.
  const subject = f.code === 'reader_failed' ? t.t(`common.section.${f.subject as SectionName}`) : f.subject;
  return t.t(`common.health.${f.code}`, { subject, value, count: f.value ?? 0 });
}

const STYLE: Record<Severity, keyof typeof ANSI> = { ok: 'green', warning: 'yellow', critical: 'red' };

/** What redaction did, counts per rule, or the warning that it was off: every report says it. */
export function redactionSummary(r: Snapshot['redactions'], t: Translator): string {
  if (!r.enabled) return t.t('common.redaction.off');
  const rules = Object.entries(r.by_rule)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${t.t('common.redaction.count', { count: r.total })}${rules ? ` (${rules})` : ''}`;
}

/** The health line that opens every summary: status, then what makes it so. */
export function healthLine(s: Snapshot, t: Translator, color: boolean): string {
  const h = assessHealth(s);
  const what = h.findings.length
    ? h.findings.map((f) => describeFinding(f, t)).join(', ')
    : t.t('common.health.nothing');
  return `${paint(color, STYLE[h.status], paint(color, 'bold', t.t(`common.health.${h.status}`)))}  ${what}`;
}

/** A short terminal summary of a snapshot, health line first. */
export function renderSummary(s: Snapshot, opts: SummaryOptions): string {
  const { color: c, t } = opts;
  const label = (l: Parameters<Translator['t']>[0]): string => paint(c, 'dim', padColumns(t.t(l), 11));
  const lines = [healthLine(s, t, c)];
  if (s.host) {
    const h = s.host;
    const where = [h.virtualization, h.container].filter(Boolean).join(', ');
    lines.push(
      `${label('common.section.host')}${t.t('common.summary.host', { hostname: h.hostname, os: `${h.os.name} ${h.os.version}`, kernel: h.kernel, arch: h.arch, uptime: formatDuration(h.uptime_s) })}${where ? ` · ${where}` : ''}`,
    );
  }
  if (s.cpu) {
    const cpu = s.cpu;
    const load =
      cpu.load_1 === null
        ? ''
        : ` · ${t.t('common.summary.load', { load1: cpu.load_1, load5: cpu.load_5 ?? '–', load15: cpu.load_15 ?? '–' })}`;
    lines.push(
      `${label('common.section.cpu')}${t.t('common.summary.cpu', { usage: t.percent(cpu.usage_percent), cores: cpu.logical_cores })}${load} · ${cpu.model}`,
    );
  }
  if (s.memory) {
    const m = s.memory;
    const swap = s.swap
      ? ` · ${t.t('common.section.swap')} ${t.bytes(s.swap.used_bytes)} / ${t.bytes(s.swap.total_bytes)}`
      : '';
    lines.push(
      `${label('common.section.memory')}${t.bytes(m.used_bytes)} / ${t.bytes(m.total_bytes)} (${t.percent(m.used_percent)})${swap}`,
    );
  }
  for (const fs of (s.disks?.filesystems ?? []).slice(0, 6)) {
    lines.push(
      `${label('common.section.disk')}${fs.mountpoint} ${t.bytes(fs.used_bytes)} / ${t.bytes(fs.total_bytes)} (${t.percent(fs.used_percent)}) ${fs.fstype}`,
    );
  }
  for (const n of (s.network?.interfaces ?? []).filter((i) => i.up && i.type !== 'loopback').slice(0, 4)) {
    const addr = n.addresses.find((a) => a.family === 'IPv4')?.address ?? n.addresses[0]?.address ?? '';
    lines.push(
      `${label('common.section.network')}${n.name} ${addr} · ↓ ${formatRate(n.rx_bytes_per_s)} · ↑ ${formatRate(n.tx_bytes_per_s)}`,
    );
  }
  if (s.ports) {
    const tcp = [...new Set(s.ports.listening.filter((p) => p.protocol === 'tcp').map((p) => p.port))];
    lines.push(
      `${label('common.section.ports')}${s.ports.listening.length} · tcp ${tcp.slice(0, 12).join(' ')}${tcp.length > 12 ? ' …' : ''}`,
    );
  }
  if (s.processes) {
    const p = s.processes;
    const top = p.top_cpu
      .slice(0, 3)
      .map((x) => `${x.name} ${t.percent(x.cpu_percent)}`)
      .join(', ');
    lines.push(
      `${label('common.section.processes')}${p.total} · ${t.t('common.summary.top_cpu', { list: top })}`,
    );
  }
  if (s.services) {
    const v = s.services;
    lines.push(
      `${label('common.section.services')}${v.available ? t.t('common.summary.services', { manager: v.manager, running: v.running, failed: v.failed, total: v.total }) : (v.reason ?? '–')}`,
    );
  }
  if (s.containers) {
    const k = s.containers;
    lines.push(
      `${label('common.section.containers')}${k.available ? t.t('common.summary.containers', { running: k.running, total: k.total, engine: k.engine?.name ?? '–' }) : (k.reason ?? '–')}`,
    );
  }
  if (s.users)
    lines.push(`${label('common.section.users')}${s.users.sessions.map((u) => u.user).join(', ') || '–'}`);
  for (const e of s.errors)
    lines.push(`${label('common.section.error')}${e.section}: ${e.code}: ${e.message}`);
  const r = s.redactions;
  const counts = Object.entries(r.by_rule)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  lines.push(
    `${label('common.section.redacted')}${
      r.enabled
        ? `${t.t('common.redaction.count', { count: r.total })}${r.total ? ` (${counts})` : ''}`
        : paint(c, 'yellow', t.t('common.redaction.off'))
    }`,
  );
  lines.push(paint(c, 'dim', `${s.id} · ${s.taken_at} · ${s.duration_ms} ms`));
  return lines.join('\n');
}
