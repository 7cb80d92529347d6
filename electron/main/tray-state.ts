// Pure, Electron-free tray logic: which icon a status shows on each OS, the macOS title and the tooltip
// text, and a renderer that touches the real tray only when something changed (setImage leaked once,
// electron #20850, and every redraw costs the menu bar a repaint).
import type { Status } from '../../shared/contract/api.js';
import type { Sample } from '../../shared/contract/sample.js';
import type { Translator } from '../../shared/i18n/index.js';

/** The tray's four states. */
export type TrayStatus = Status['status'];

/**
 * The icon file (in build/ or resources/icons) for a status: template images on macOS (the menu bar
 * tints them; Electron picks the @2x file itself), ICO on Windows, PNG elsewhere.
 */
export function trayIconFile(status: TrayStatus, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `tray-${status}Template.png`;
  if (platform === 'win32') return `tray-${status}.ico`;
  return `tray-${status}.png`;
}

/** What the tray shows: icon file, macOS menu-bar title ('' elsewhere), and tooltip. */
export interface TrayView {
  icon: string;
  title: string;
  tooltip: string;
}

/** Windows cuts tray tooltips at 127 characters (NOTIFYICONDATA.szTip); stay under it everywhere. */
export const TOOLTIP_MAX = 127;

/** A whole-number percentage: the title changes less often than with decimals, so it redraws less. */
function pct(t: Translator, v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : t.percent(Math.round(v));
}

/** Shortens text to `max` user-perceived characters (never splitting a Hangul syllable or an emoji). */
export function clip(text: string, max: number): string {
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const parts = Array.from(seg.segment(text), (s) => s.segment);
  if (parts.length <= max) return text;
  return `${parts
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** The tray's view for a status and the latest sample, in the translator's language. */
export function trayView(
  status: Status,
  sample: Sample | null,
  platform: NodeJS.Platform,
  t: Translator,
): TrayView {
  const cpu = sample ? pct(t, sample.cpu.usage_percent) : '–';
  const memory = sample ? pct(t, sample.memory.used_percent) : '–';
  const live = status.status !== 'paused' && sample !== null;
  const lines = [t.t('tray.tooltip.title', { status: t.t(`tray.status.${status.status}`) })];
  if (status.firing > 0) lines.push(t.t('tray.tooltip.firing', { count: status.firing }));
  if (live) lines.push(t.t('tray.tooltip.metrics', { cpu, memory }));
  return {
    icon: trayIconFile(status.status, platform),
    // macOS alone shows text next to the icon; keep it short: it takes menu-bar space.
    title: platform === 'darwin' && live ? `${cpu} ${memory}` : '',
    tooltip: clip(lines.join('\n'), TOOLTIP_MAX),
  };
}

/** The few Tray methods the renderer calls (Electron's Tray satisfies it; tests pass a fake). */
export interface TraySink {
  setImage(file: string): void;
  setTitle(title: string): void;
  setToolTip(tooltip: string): void;
}

/** Applies views to a tray, calling each setter only when its value changed since the last call. */
export class TrayRenderer {
  private last: Partial<TrayView> = {};

  constructor(
    private readonly sink: TraySink,
    private readonly platform: NodeJS.Platform,
  ) {}

  /** Applies `view`; returns the parts that were redrawn (for tests and debug logs). */
  apply(view: TrayView): (keyof TrayView)[] {
    const changed: (keyof TrayView)[] = [];
    if (view.icon !== this.last.icon) {
      this.sink.setImage(view.icon);
      changed.push('icon');
    }
    if (this.platform === 'darwin' && view.title !== this.last.title) {
      this.sink.setTitle(view.title);
      changed.push('title');
    }
    if (view.tooltip !== this.last.tooltip) {
      this.sink.setToolTip(view.tooltip);
      changed.push('tooltip');
    }
    this.last = { ...view };
    return changed;
  }
}
