import { describe, expect, it } from 'vitest';
import { monitorPatch, splitQuietHours } from '../../renderer/dashboard/views/settings-view';
import { Settings } from '../../shared/settings/schema';

const form = (o: Partial<Record<'interval' | 'idle' | 'from' | 'to', string>> = {}) => ({
  interval: '2',
  idle: '10',
  from: '',
  to: '',
  ...o,
});

describe('settings view: the monitor form', () => {
  it('turns a valid form into a monitor patch the settings schema accepts', () => {
    for (const f of [form(), form({ interval: '1', idle: '60', from: '22:00', to: '07:00' })]) {
      const r = monitorPatch(f);
      expect(r.ok).toBe(true);
      if (r.ok) expect(Settings.safeParse({ monitor: r.monitor }).success).toBe(true);
    }
    expect(monitorPatch(form({ from: '22:00', to: '07:00' }))).toEqual({
      ok: true,
      monitor: { intervalSeconds: 2, idleIntervalSeconds: 10, quietHours: '22:00-07:00' },
    });
  });

  it('refuses intervals outside 1–60 s and half a quiet-hours range', () => {
    for (const f of [
      form({ interval: '0' }),
      form({ idle: '61' }),
      form({ interval: 'x' }),
      form({ idle: '' }),
    ])
      expect(monitorPatch(f)).toEqual({ ok: false, error: 'interval' });
    expect(monitorPatch(form({ from: '22:00' }))).toEqual({ ok: false, error: 'quiet' });
    expect(monitorPatch(form({ to: '07:00' }))).toEqual({ ok: false, error: 'quiet' });
  });

  it('splits the stored quiet hours for the two time inputs', () => {
    expect(splitQuietHours('22:00-07:00')).toEqual(['22:00', '07:00']);
    expect(splitQuietHours('')).toEqual(['', '']);
    expect(splitQuietHours('garbage')).toEqual(['', '']);
  });

  it('the schema refuses a malformed quiet-hours setting', () => {
    for (const quietHours of ['22:00', '25:00-07:00', '22:00-7:00', '22:00 - 07:00'])
      expect(Settings.safeParse({ monitor: { quietHours } }).success, quietHours).toBe(false);
  });
});
