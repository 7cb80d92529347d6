// Popover placement on each OS's geometry, under plain Node: the macOS menu bar, the Windows taskbar on
// each edge, Linux panels with and without tray bounds, and the fallbacks.
import { describe, expect, it } from 'vitest';
import {
  barEdge,
  MARGIN,
  popoverPosition,
  type PopoverGeometry,
  type Rect,
} from '../../../electron/main/popover-position.js';

const size = { width: 360, height: 520 };
const screen1080: Rect = { x: 0, y: 0, width: 1920, height: 1080 };

function geo(over: Partial<PopoverGeometry> & Pick<PopoverGeometry, 'display'>): PopoverGeometry {
  return { trayBounds: null, cursor: null, size, platform: 'linux', ...over };
}

function inside(p: { x: number; y: number }, wa: Rect): boolean {
  return (
    p.x >= wa.x && p.y >= wa.y && p.x + size.width <= wa.x + wa.width && p.y + size.height <= wa.y + wa.height
  );
}

describe('barEdge', () => {
  it('finds the bar from the work area', () => {
    expect(barEdge(screen1080, { x: 0, y: 25, width: 1920, height: 1055 }, 'darwin')).toBe('top');
    expect(barEdge(screen1080, { x: 0, y: 0, width: 1920, height: 1040 }, 'win32')).toBe('bottom');
    expect(barEdge(screen1080, { x: 60, y: 0, width: 1860, height: 1080 }, 'win32')).toBe('left');
    expect(barEdge(screen1080, { x: 0, y: 0, width: 1860, height: 1080 }, 'win32')).toBe('right');
  });

  it('assumes the OS default when the bar auto-hides', () => {
    expect(barEdge(screen1080, screen1080, 'win32')).toBe('bottom');
    expect(barEdge(screen1080, screen1080, 'darwin')).toBe('top');
  });
});

describe('popoverPosition', () => {
  it('macOS: just below the menu-bar icon, centred on it', () => {
    const wa = { x: 0, y: 25, width: 1920, height: 1055 };
    const p = popoverPosition(
      geo({
        platform: 'darwin',
        trayBounds: { x: 1500, y: 0, width: 24, height: 24 },
        display: { bounds: screen1080, workArea: wa },
      }),
    );
    expect(p).toEqual({ x: 1512 - 180, y: 29 });
    expect(inside(p, wa)).toBe(true);
  });

  it('Windows, taskbar at the bottom: above the icon, clamped at the right edge', () => {
    const wa = { x: 0, y: 0, width: 1920, height: 1040 };
    const p = popoverPosition(
      geo({
        platform: 'win32',
        trayBounds: { x: 1880, y: 1045, width: 32, height: 32 },
        display: { bounds: screen1080, workArea: wa },
      }),
    );
    expect(p).toEqual({ x: 1920 - 360 - MARGIN, y: 1040 - 520 - MARGIN });
    expect(inside(p, wa)).toBe(true);
  });

  it('Windows, taskbar on the left: beside it, vertically centred on the icon', () => {
    const wa = { x: 60, y: 0, width: 1860, height: 1080 };
    const p = popoverPosition(
      geo({
        platform: 'win32',
        trayBounds: { x: 14, y: 900, width: 32, height: 32 },
        display: { bounds: screen1080, workArea: wa },
      }),
    );
    expect(p.x).toBe(60 + MARGIN);
    expect(p.y).toBe(1080 - 520 - MARGIN); // 916 - 260 would overflow the bottom: clamped
    expect(inside(p, wa)).toBe(true);
  });

  it('Windows, taskbar on the right of a second display at negative coordinates', () => {
    const bounds = { x: -1280, y: 0, width: 1280, height: 1024 };
    const wa = { x: -1280, y: 0, width: 1220, height: 1024 };
    const p = popoverPosition(
      geo({
        platform: 'win32',
        trayBounds: { x: -50, y: 400, width: 32, height: 32 },
        display: { bounds, workArea: wa },
      }),
    );
    expect(p).toEqual({ x: -60 - 360 - MARGIN, y: 416 - 260 });
    expect(inside(p, wa)).toBe(true);
  });

  it('Linux without tray bounds: anchors on the cursor (top panel)', () => {
    const wa = { x: 0, y: 32, width: 1920, height: 1048 };
    const p = popoverPosition(
      geo({
        trayBounds: { x: 0, y: 0, width: 0, height: 0 },
        cursor: { x: 1700, y: 10 },
        display: { bounds: screen1080, workArea: wa },
      }),
    );
    expect(p).toEqual({ x: 1700 - 180, y: 32 + MARGIN });
  });

  it('Linux, bottom panel, cursor only: above the panel', () => {
    const wa = { x: 0, y: 0, width: 1920, height: 1040 };
    const p = popoverPosition(
      geo({ cursor: { x: 100, y: 1060 }, display: { bounds: screen1080, workArea: wa } }),
    );
    expect(p).toEqual({ x: MARGIN, y: 1040 - 520 - MARGIN });
  });

  it('without bounds or cursor: the OS tray corner', () => {
    const top = { x: 0, y: 25, width: 1920, height: 1055 };
    expect(
      popoverPosition(geo({ platform: 'darwin', display: { bounds: screen1080, workArea: top } })),
    ).toEqual({ x: 1920 - 360 - MARGIN, y: 25 + MARGIN });
    const full = screen1080;
    expect(popoverPosition(geo({ platform: 'win32', display: { bounds: full, workArea: full } }))).toEqual({
      x: 1920 - 360 - MARGIN,
      y: 1080 - 520 - MARGIN,
    });
  });

  it('stays inside the work area for any tray position (property)', () => {
    const wa = { x: 0, y: 0, width: 1366, height: 728 };
    const bounds = { x: 0, y: 0, width: 1366, height: 768 };
    for (let x = -10; x < 1400; x += 37) {
      const p = popoverPosition(
        geo({
          platform: 'win32',
          trayBounds: { x, y: 740, width: 24, height: 24 },
          display: { bounds, workArea: wa },
        }),
      );
      expect(inside(p, wa)).toBe(true);
    }
  });
});
