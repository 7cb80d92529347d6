import type { Translator } from '../../../shared/i18n/index.js';
import { renderSummary } from '../../../shared/report/summary.js';
import type { ProcessInfo } from '../../../shared/snapshot/metrics/processes.js';
import type { Snapshot } from '../../../shared/snapshot/schema.js';
import type { SectionName } from '../../../shared/snapshot/sections.js';

/** The sections an alert's snapshot takes: enough to say what was running, quick to collect. */
export const ALERT_SECTIONS: readonly SectionName[] = [
  'host',
  'cpu',
  'memory',
  'swap',
  'disks',
  'processes',
  'containers',
];

/** Makes one fresh (redacted) snapshot. */
export type TakeSnapshot = () => Promise<Snapshot>;

/**
 * Shares one fresh snapshot between the alerts that fire together: alerts of one sample (CPU and
 * memory at once) and every target of each get the same one, taken once, for `ttlMs`.
 */
export class SnapshotCache {
  private last: { at: number; value: Promise<Snapshot | null> } | null = null;

  constructor(
    private readonly take: TakeSnapshot,
    private readonly now: () => number,
    private readonly ttlMs = 30_000,
  ) {}

  /** A snapshot at most `ttlMs` old, or null when taking one failed (the alert still goes out). */
  get(): Promise<Snapshot | null> {
    const now = this.now();
    if (this.last && now - this.last.at < this.ttlMs) return this.last.value;
    const value = this.take().catch(() => null);
    this.last = { at: now, value };
    return value;
  }
}

function processLine(p: ProcessInfo, t: Translator): string {
  const cmd = p.command.length > 80 ? `${p.command.slice(0, 79)}…` : p.command;
  return `  ${String(p.pid).padStart(7)}  ${(p.user ?? '–').slice(0, 10).padEnd(10)}  ${t.percent(p.cpu_percent).padStart(5)}  ${t.bytes(p.rss_bytes).padStart(10)}  ${cmd || p.name}`;
}

/**
 * What was running when an alert fired, as plain text in `t`'s language: the report's summary (health
 * line, host, CPU, memory, disks… — redacted as every snapshot is) and the top processes by CPU and by
 * memory with their (redacted) command lines.
 */
export function snapshotSummary(s: Snapshot, t: Translator, top = 5): string {
  const lines = [renderSummary(s, { color: false, t })];
  if (s.processes) {
    lines.push('', `${t.t('delivery.field.top_cpu')}:`);
    for (const p of s.processes.top_cpu.slice(0, top)) lines.push(processLine(p, t));
    lines.push('', `${t.t('delivery.field.top_memory')}:`);
    for (const p of s.processes.top_memory.slice(0, top)) lines.push(processLine(p, t));
  }
  return lines.join('\n');
}

/**
 * The snapshot taker the server uses: the alert sections (minus any the settings skip), a one-second
 * window so process CPU is current, the settings' redaction. The snapshot code is imported on first
 * use, so a CLI that only sends a test message never loads the readers.
 */
export function alertSnapshotTaker(settings: {
  snapshot: { skip: readonly SectionName[] };
  redaction: { enabled: boolean; patterns: readonly string[] };
}): TakeSnapshot {
  return async () => {
    const [{ takeSnapshot }, { VERSION }] = await Promise.all([
      import('../snapshot/build.js'),
      import('../version.js'),
    ]);
    return takeSnapshot({
      sections: ALERT_SECTIONS.filter((s) => !settings.snapshot.skip.includes(s)),
      windowMs: 1000,
      topN: 5,
      redaction: { enabled: settings.redaction.enabled, patterns: settings.redaction.patterns },
      version: VERSION,
    });
  };
}
