// Pure, Electron-free dashboard bounds: what to restore from the saved bounds given the displays that
// exist now (a monitor unplugged, a resolution changed), so the window never opens off-screen.
import type { Rect } from './popover-position.js';

/** The dashboard's default and minimum sizes. */
export const DASHBOARD_DEFAULT = { width: 1100, height: 720 };
export const DASHBOARD_MIN = { width: 640, height: 420 };

/** How much of the window (its title-bar area) must be on a display for the saved place to count. */
const VISIBLE = { width: 120, height: 48 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function area(r: { width: number; height: number }): number {
  return r.width * r.height;
}

function valid(r: Rect | null | undefined): r is Rect {
  return !!r && [r.x, r.y, r.width, r.height].every((v) => Number.isFinite(v)) && r.width > 0 && r.height > 0;
}

/**
 * Bounds to open the dashboard with. Saved bounds are kept when their title-bar strip is visible on a
 * display; the size is cut to that display's work area. Otherwise the window is centred on the primary
 * display at the saved (or default) size, cut to fit.
 */
export function restoreBounds(saved: Rect | null | undefined, workAreas: Rect[], primary: Rect): Rect {
  const base = valid(saved) ? saved : null;
  if (base) {
    const titleBar: Rect = { x: base.x, y: base.y, width: base.width, height: VISIBLE.height };
    const best = workAreas
      .map((wa) => ({ wa, o: overlap(titleBar, wa) }))
      .filter(({ o }) => o.width >= Math.min(VISIBLE.width, base.width) && o.height >= VISIBLE.height / 2)
      .sort((a, b) => area(b.o) - area(a.o))[0];
    if (best) return fitInto(base, best.wa);
  }
  const size = fitSize(base ?? { x: 0, y: 0, ...DASHBOARD_DEFAULT }, primary);
  return {
    x: Math.round(primary.x + (primary.width - size.width) / 2),
    y: Math.round(primary.y + (primary.height - size.height) / 2),
    ...size,
  };
}

function fitSize(r: Rect, wa: Rect): { width: number; height: number } {
  return {
    width: Math.round(Math.min(Math.max(r.width, DASHBOARD_MIN.width), wa.width)),
    height: Math.round(Math.min(Math.max(r.height, DASHBOARD_MIN.height), wa.height)),
  };
}

function fitInto(r: Rect, wa: Rect): Rect {
  const size = fitSize(r, wa);
  return {
    x: Math.round(Math.min(Math.max(r.x, wa.x), wa.x + wa.width - size.width)),
    y: Math.round(Math.min(Math.max(r.y, wa.y), wa.y + wa.height - size.height)),
    ...size,
  };
}
