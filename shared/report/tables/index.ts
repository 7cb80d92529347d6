/** The whole report model in report order, plus the parts every format opens and closes with. */
import type { Translator } from '../../i18n/index.js';
import { assessHealth, type Severity } from '../../snapshot/health.js';
import type { Snapshot } from '../../snapshot/schema.js';
import { describeFinding } from '../summary.js';
import { windowSeconds, type ReportSection } from './model.js';
import { cpuSection, disksSection, factsSection, networkSection, portsSection } from './system.js';
import {
  containersSection,
  errorsSection,
  processesSection,
  redactionSection,
  sensorsSection,
  servicesSection,
  usersSection,
} from './workload.js';

export * from './model.js';
export { diskTone } from './system.js';
export { processColumns, processNotes, processRows } from './workload.js';

/** Options of the model. */
export interface ModelOptions {
  /** Commands are cut to this many characters (a ticket wants less than a full HTML page). */
  commandMax: number;
}

/** Every section that has data, in report order: facts, CPU, disks … sensors, errors, redaction. */
export function buildSections(s: Snapshot, t: Translator, opts: ModelOptions): ReportSection[] {
  const all = [
    factsSection(s, t),
    cpuSection(s, t),
    disksSection(s, t),
    networkSection(s, t),
    portsSection(s, t),
    processesSection(s, t, opts.commandMax),
    servicesSection(s, t),
    containersSection(s, t),
    usersSection(s, t),
    sensorsSection(s, t),
    errorsSection(s, t),
    redactionSection(s, t),
  ];
  return all.filter((x): x is ReportSection => x !== undefined && (x.id !== 'facts' || x.blocks.length > 0));
}

/** The health line in parts: the status word, its severity and what makes it so (or "nothing"). */
export interface HealthLine {
  status: Severity;
  label: string;
  findings: string[];
}

/** The health line every report opens with, in the translator's language. */
export function healthParts(s: Snapshot, t: Translator): HealthLine {
  const h = assessHealth(s);
  return {
    status: h.status,
    label: t.t(`common.health.${h.status}`),
    findings: h.findings.length
      ? h.findings.map((f) => describeFinding(f, t))
      : [t.t('common.health.nothing')],
  };
}

/** The report title: whose snapshot, and the time it was taken. */
export function titleParts(s: Snapshot, t: Translator): { title: string; taken: string } {
  return {
    title: s.host ? t.t('report.title', { host: s.host.hostname }) : t.t('report.title_unknown'),
    taken: t.t('report.taken', { time: t.dateTime(s.taken_at) }),
  };
}

/** The closing line: snapshot id, tool and version, schema, how long it took. */
export function footerLine(s: Snapshot, t: Translator): string {
  return t.t('report.footer', {
    id: s.id,
    tool: s.tool.name,
    version: s.tool.version,
    schema: s.schema_version,
    ms: t.number(s.duration_ms, 0),
    window: s.window_ms ? windowSeconds(s.window_ms, t) : t.t('report.dash'),
  });
}
