/** Formatting helpers shared by the CLI summary, reports and the UI (pure, locale-free for now). */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB"; IEC units because that is what df -h, free -h and the kernel report. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  let v = Math.abs(n);
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${n < 0 ? '-' : ''}${v.toFixed(digits)} ${UNITS[i]}`;
}

/** A rate in bytes per second, or "–" when the window was 0. */
export function formatRate(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${formatBytes(n)}/s`;
}

/** 93.456 → "93%", 4.56 → "4.6%". */
export function formatPercent(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return `${n >= 10 ? Math.round(n) : Math.round(n * 10) / 10}%`;
}

/** 273600 s → "3d 4h"; the two largest units are enough for an uptime. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  if (m) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

/** Terminal columns a string takes: Hangul, CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let cols = 0;
  for (const ch of s)
    cols += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return cols;
}

/** Pads to a terminal column width (at least one space), counting wide characters as two columns. */
export function padColumns(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - displayWidth(s)));
}
