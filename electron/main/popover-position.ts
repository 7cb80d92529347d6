// Pure, Electron-free placement of the popover next to the tray icon, on every OS's geometry: the macOS
// menu bar (top), the Windows taskbar (bottom by default, but any edge), GNOME/KDE panels (top or bottom),
// and the fallbacks when the tray cannot say where it is (Linux AppIndicator reports zero bounds).

/** A rectangle in screen coordinates (DIP), as Electron's Rectangle. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in screen coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Where the desktop's bar sits, from the display bounds minus its work area. */
export type Edge = 'top' | 'bottom' | 'left' | 'right';

/** Everything the placement needs; Electron's screen and tray APIs supply it, tests build it by hand. */
export interface PopoverGeometry {
  /** tray.getBounds(): may be all zeros (Linux) or absent. */
  trayBounds: Rect | null;
  /** screen.getCursorScreenPoint() at click time, when known. */
  cursor: Point | null;
  /** The display the tray (or cursor) is on. */
  display: { bounds: Rect; workArea: Rect };
  /** The popover's size. */
  size: { width: number; height: number };
  platform: NodeJS.Platform;
}

/** Gap between the popover and the bar or screen edge. */
export const MARGIN = 8;

function usable(r: Rect | null): r is Rect {
  return r !== null && r.width > 0 && r.height > 0;
}

/** Which edge the bar is on: the side where the work area is smaller than the display. */
export function barEdge(bounds: Rect, workArea: Rect, platform: NodeJS.Platform): Edge {
  const top = workArea.y - bounds.y;
  const bottom = bounds.y + bounds.height - (workArea.y + workArea.height);
  const left = workArea.x - bounds.x;
  const right = bounds.x + bounds.width - (workArea.x + workArea.width);
  const max = Math.max(top, bottom, left, right);
  if (max <= 0) return platform === 'win32' ? 'bottom' : 'top'; // auto-hidden bar: the OS default
  if (max === top) return 'top';
  if (max === bottom) return 'bottom';
  return max === left ? 'left' : 'right';
}

function clamp(v: number, min: number, max: number): number {
  return Math.max(min, Math.min(v, Math.max(min, max)));
}

/**
 * The popover's top-left corner: centred on the tray icon along the bar and just off it, kept inside
 * the work area. Without tray bounds it anchors on the cursor (a click just happened there); without
 * either, it goes to the corner where the OS puts its tray (top right on macOS and Linux, bottom right
 * on Windows).
 */
export function popoverPosition(g: PopoverGeometry): Point {
  const { workArea } = g.display;
  const { width, height } = g.size;
  const edge = barEdge(g.display.bounds, workArea, g.platform);
  const anchor: Rect | null = usable(g.trayBounds)
    ? g.trayBounds
    : g.cursor
      ? { x: g.cursor.x, y: g.cursor.y, width: 0, height: 0 }
      : null;
  const minX = workArea.x + MARGIN;
  const maxX = workArea.x + workArea.width - width - MARGIN;
  const minY = workArea.y + MARGIN;
  const maxY = workArea.y + workArea.height - height - MARGIN;
  if (!anchor) {
    const corner: Edge = g.platform === 'win32' ? 'bottom' : edge === 'bottom' ? 'bottom' : 'top';
    return { x: Math.round(clamp(maxX, minX, maxX)), y: Math.round(corner === 'top' ? minY : maxY) };
  }
  const cx = anchor.x + anchor.width / 2;
  const cy = anchor.y + anchor.height / 2;
  let x: number;
  let y: number;
  switch (edge) {
    case 'top':
      x = cx - width / 2;
      y = Math.max(anchor.y + anchor.height, workArea.y) + (g.platform === 'darwin' ? 4 : MARGIN);
      break;
    case 'bottom':
      x = cx - width / 2;
      y = Math.min(anchor.y, workArea.y + workArea.height) - height - MARGIN;
      break;
    case 'left':
      x = Math.max(anchor.x + anchor.width, workArea.x) + MARGIN;
      y = cy - height / 2;
      break;
    case 'right':
      x = Math.min(anchor.x, workArea.x + workArea.width) - width - MARGIN;
      y = cy - height / 2;
      break;
  }
  // Across the bar keep a margin from the screen edges; along it, the popover may touch the bar.
  const alongBar = edge === 'top' || edge === 'bottom';
  const [loX, hiX] = alongBar ? [minX, maxX] : [minX - MARGIN, maxX + MARGIN];
  const [loY, hiY] = alongBar ? [minY - MARGIN, maxY + MARGIN] : [minY, maxY];
  return { x: Math.round(clamp(x, loX, hiX)), y: Math.round(clamp(y, loY, hiY)) };
}
