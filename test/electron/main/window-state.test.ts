// Dashboard bounds restore under plain Node: kept when visible, cut to the display, re-centred when the
// display they were on is gone.
import { describe, expect, it } from 'vitest';
import { DASHBOARD_DEFAULT, DASHBOARD_MIN, restoreBounds } from '../../../electron/main/window-state.js';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const second = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('restoreBounds', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreBounds(null, [primary], primary)).toEqual({
      x: (1920 - DASHBOARD_DEFAULT.width) / 2,
      y: (1040 - DASHBOARD_DEFAULT.height) / 2,
      ...DASHBOARD_DEFAULT,
    });
  });

  it('keeps saved bounds that are on a display', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700 };
    expect(restoreBounds(saved, [primary, second], primary)).toEqual(saved);
  });

  it('re-centres on the primary display when the saved display is gone', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700 };
    expect(restoreBounds(saved, [primary], primary)).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('cuts a window larger than its display and pulls it fully inside', () => {
    const saved = { x: 1900, y: -20, width: 3000, height: 2000 };
    const r = restoreBounds(saved, [primary, second], primary);
    expect(r).toEqual({ x: 1920, y: 0, width: 1280, height: 1000 });
  });

  it('enforces the minimum size and rejects garbage', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 50, height: 50 }, [primary], primary)).toMatchObject({
      width: DASHBOARD_MIN.width,
      height: DASHBOARD_MIN.height,
    });
    const nan = { x: Number.NaN, y: 0, width: 800, height: 600 };
    expect(restoreBounds(nan, [primary], primary)).toEqual(restoreBounds(null, [primary], primary));
  });

  it('ignores a window whose title bar is off every display', () => {
    const saved = { x: 100, y: -600, width: 800, height: 620 };
    const r = restoreBounds(saved, [primary], primary);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r).toEqual({ x: 560, y: 210, width: 800, height: 620 });
  });
});
