/**
 * The report model: what every rich format (Markdown, HTML) shows, as already-formatted, translated but
 * not yet escaped strings. Each renderer only lays it out and escapes, so the formats cannot drift apart.
 */
import type { MessageKey, Translator } from '../../i18n/index.js';

/** How a row or a line should catch the eye. */
export type Tone = 'ok' | 'warn' | 'crit' | 'muted';

/** One column: its label, and whether it holds numbers (right-aligned, sorted numerically). */
export interface Column {
  label: string;
  num?: boolean;
}

/** One table row: its cells, an optional tone and optional raw sort keys (HTML sorts on these). */
export interface Row {
  cells: string[];
  tone?: Tone;
  keys?: (string | number | null)[];
}

/** A table with a header row. */
export interface Table {
  columns: Column[];
  rows: Row[];
}

/** A piece of a section: a paragraph or a table with an optional caption. */
export type Block =
  { kind: 'text'; text: string; tone?: Tone } | { kind: 'table'; caption?: string; table: Table };

/** Section ids of the report, in report order. */
export type ReportSectionId =
  | 'facts'
  | 'cpu'
  | 'disks'
  | 'network'
  | 'ports'
  | 'processes'
  | 'services'
  | 'containers'
  | 'users'
  | 'sensors'
  | 'errors'
  | 'redaction';

/** One titled section of the report. */
export interface ReportSection {
  id: ReportSectionId;
  title: string;
  /** Worst tone inside, so a renderer can mark the heading (a failed unit, a full disk). */
  tone?: Tone;
  blocks: Block[];
}

/** A column list from message keys under `report.col`; a leading `#` marks a numeric column. */
export function columns(t: Translator, ...spec: string[]): Column[] {
  return spec.map((s) => {
    const num = s.startsWith('#');
    const label = t.t(`report.col.${num ? s.slice(1) : s}` as MessageKey);
    return num ? { label, num } : { label };
  });
}

/** A text block. */
export function text(s: string, tone?: Tone): Block {
  return tone ? { kind: 'text', text: s, tone } : { kind: 'text', text: s };
}

/** A table block. */
export function table(cols: Column[], rows: Row[], caption?: string): Block {
  return caption === undefined
    ? { kind: 'table', table: { columns: cols, rows } }
    : { kind: 'table', caption, table: { columns: cols, rows } };
}

/** The worst of some tones: crit over warn over the rest. */
export function worst(tones: (Tone | undefined)[]): Tone | undefined {
  if (tones.includes('crit')) return 'crit';
  if (tones.includes('warn')) return 'warn';
  return undefined;
}

/** A duration in the translator's language, the two largest units ("6d 4h", "6일 4시간"). */
export function duration(seconds: number, t: Translator): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return t.t('report.duration.days', { d, h });
  if (h) return t.t('report.duration.hours', { h, m });
  if (m) return t.t('report.duration.minutes', { m, s: s % 60 });
  return t.t('report.duration.seconds', { s });
}

/** A value or the dash when there is none. */
export function orDash(v: string | number | null | undefined, t: Translator): string {
  return v === null || v === undefined || v === '' ? t.t('report.dash') : String(v);
}

/** A bytes-per-second rate, or the dash when the window was 0. */
export function rate(n: number | null, t: Translator): string {
  return n === null ? t.t('report.dash') : `${t.bytes(n)}/s`;
}

/** A per-second count (reads/s) with one decimal, or the dash. */
export function perSecond(n: number | null, t: Translator): string {
  return n === null ? t.t('report.dash') : t.number(n, 1);
}

/** A yes/no/unknown flag. */
export function yesNo(v: boolean | null, t: Translator): string {
  return v === null ? t.t('report.dash') : t.t(v ? 'report.yes' : 'report.no');
}

/** A sampling window in seconds ("1 s", "0.5 s"): short windows must not round to zero. */
export function windowSeconds(ms: number, t: Translator): string {
  return `${t.number(ms / 1000, 2)} s`;
}
