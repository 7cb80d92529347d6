// Tray state under plain Node: icon per status and OS, title/tooltip text in both languages, and the
// renderer that redraws only what changed (a fake tray sink records the calls).
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/contract/sample.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import {
  clip,
  TOOLTIP_MAX,
  trayIconFile,
  TrayRenderer,
  trayView,
  type TrayView,
} from '../../../electron/main/tray-state.js';

const en = createTranslator('en');
const ko = createTranslator('ko');

function sample(cpu: number | null, mem: number): Sample {
  return {
    t: 1_700_000_000_000,
    interval_ms: 2000,
    host: 'box',
    cpu: { usage_percent: cpu, per_core_percent: [], load_1: null, load_5: null, load_15: null },
    memory: { used_percent: mem, used_bytes: 1, total_bytes: 2 },
    swap: { used_percent: 0, used_bytes: 0, total_bytes: 0 },
    disks: [],
    disk_io: [],
    network: [],
    processes: { total: 1, zombies: 0, top: [] },
  } as unknown as Sample;
}

describe('trayIconFile', () => {
  it('uses template PNGs on macOS, ICO on Windows, PNG on Linux', () => {
    expect(trayIconFile('warning', 'darwin')).toBe('tray-warningTemplate.png');
    expect(trayIconFile('critical', 'win32')).toBe('tray-critical.ico');
    expect(trayIconFile('ok', 'linux')).toBe('tray-ok.png');
    expect(trayIconFile('paused', 'freebsd')).toBe('tray-paused.png');
  });
});

describe('trayView', () => {
  const ok = { status: 'ok' as const, firing: 0, host: 'box' };

  it('puts whole-number CPU and memory in the macOS title only', () => {
    const mac = trayView(ok, sample(12.4, 40.6), 'darwin', en);
    expect(mac.title).toBe('12% 41%');
    expect(trayView(ok, sample(12.4, 40.6), 'linux', en).title).toBe('');
    expect(trayView(ok, sample(12.4, 40.6), 'win32', en).title).toBe('');
  });

  it('says status, firing alerts and live numbers in the tooltip', () => {
    const v = trayView({ status: 'warning', firing: 2, host: 'box' }, sample(5, 50), 'linux', en);
    expect(v.tooltip).toBe('AutoInfraSnap — Warning\n2 alerts firing\nCPU 5% · Memory 50%');
    expect(v.icon).toBe('tray-warning.png');
  });

  it('speaks Korean', () => {
    const v = trayView({ status: 'critical', firing: 1, host: 'box' }, sample(99, 10), 'win32', ko);
    expect(v.tooltip).toContain('심각');
    expect(v.tooltip).toContain('알림 1개 발생 중');
    expect(v.tooltip).toContain('메모리');
  });

  it('shows no live numbers while paused or before the first sample', () => {
    const paused = trayView({ status: 'paused', firing: 0, host: 'b' }, sample(5, 5), 'darwin', en);
    expect(paused.title).toBe('');
    expect(paused.tooltip).toBe('AutoInfraSnap — Monitoring paused');
    expect(paused.icon).toBe('tray-pausedTemplate.png');
    expect(trayView(ok, null, 'darwin', en).title).toBe('');
  });

  it('keeps the tooltip within the Windows limit', () => {
    const long = { status: 'ok' as const, firing: 123456789, host: 'x'.repeat(500) };
    const v = trayView(long, sample(1, 1), 'win32', createTranslator('en'));
    expect(Array.from(v.tooltip).length).toBeLessThanOrEqual(TOOLTIP_MAX);
  });
});

describe('clip', () => {
  it('cuts at grapheme boundaries with an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 2)).toBe('👩‍👩‍👧‍👦…');
    expect(clip('디스크가 가득 찼습니다', 5)).toBe('디스크가…');
  });
});

/** A fake of the three Tray setters: records each call. */
function fakeTraySink() {
  const calls: string[] = [];
  return {
    calls,
    sink: {
      setImage: (f: string) => void calls.push(`image:${f}`),
      setTitle: (s: string) => void calls.push(`title:${s}`),
      setToolTip: (s: string) => void calls.push(`tooltip:${s}`),
    },
  };
}

describe('TrayRenderer', () => {
  const view = (icon: string, title: string, tooltip: string): TrayView => ({ icon, title, tooltip });

  it('draws everything once, then only what changed', () => {
    const { calls, sink } = fakeTraySink();
    const r = new TrayRenderer(sink, 'darwin');
    expect(r.apply(view('a.png', '1% 2%', 'tip'))).toEqual(['icon', 'title', 'tooltip']);
    expect(r.apply(view('a.png', '1% 2%', 'tip'))).toEqual([]);
    expect(r.apply(view('a.png', '3% 2%', 'tip'))).toEqual(['title']);
    expect(r.apply(view('b.png', '3% 2%', 'tip2'))).toEqual(['icon', 'tooltip']);
    expect(calls).toEqual([
      'image:a.png',
      'title:1% 2%',
      'tooltip:tip',
      'title:3% 2%',
      'image:b.png',
      'tooltip:tip2',
    ]);
  });

  it('never calls setTitle outside macOS', () => {
    const { calls, sink } = fakeTraySink();
    const r = new TrayRenderer(sink, 'linux');
    r.apply(view('a.png', '', 't'));
    r.apply(view('a.png', 'x', 't'));
    expect(calls.filter((c) => c.startsWith('title:'))).toEqual([]);
  });
});
