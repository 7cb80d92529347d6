// The notification glue (electron/main/notifier.ts) with a FAKE of Electron's Notification (no Electron
// binary here): what shows, in which language, what a click opens, the digest, and the off switch.
import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/contract/alerts.js';
import { createTranslator, type Translator } from '../../../shared/i18n/index.js';
import { AlertNotifier, type NotificationLike } from '../../../electron/main/notifier.js';
import { NotificationThrottle } from '../../../electron/main/notify-policy.js';

function event(rule: string, state: 'firing' | 'resolved' = 'firing', severity = 'warning'): AlertEvent {
  return {
    alert: {
      rule_id: rule,
      subject: 'memory',
      state,
      severity: severity as 'warning',
      value: 93,
      since: 0,
      fired_at: 0,
      resolved_at: null,
      message_key: 'alerts.metric.memory.now',
      message_params: { value: 93 },
    },
    previous: state === 'firing' ? 'pending' : 'firing',
    notify: true,
  };
}

/** FAKE Electron Notification: records options, show/close, and lets the test click it. */
function fakeNotifications() {
  const made: {
    options: NotificationConstructorOptions;
    shown: boolean;
    closed: boolean;
    click: () => void;
  }[] = [];
  const create = (options: NotificationConstructorOptions): NotificationLike => {
    const handlers = new Map<string, () => void>();
    const rec = { options, shown: false, closed: false, click: () => handlers.get('click')?.() };
    made.push(rec);
    return {
      show: () => void (rec.shown = true),
      close: () => {
        rec.closed = true;
        handlers.get('close')?.();
      },
      on: (e, l) => handlers.set(e, l),
    };
  };
  return { made, create };
}

function setup(opts: { lang?: 'en' | 'ko'; enabled?: boolean; platform?: NodeJS.Platform } = {}) {
  const fake = fakeNotifications();
  const opened: string[] = [];
  const timers: (() => void)[] = [];
  let t: Translator = createTranslator(opts.lang ?? 'en');
  const notifier = new AlertNotifier(
    {
      platform: opts.platform ?? 'win32',
      isSupported: () => true,
      create: fake.create,
      t: () => t,
      host: () => 'web-1',
      enabled: () => opts.enabled ?? true,
      open: (r) => opened.push(r),
      setTimer: (cb) => timers.push(cb),
      clearTimer: () => undefined,
    },
    new NotificationThrottle({ maxPerWindow: 2, windowMs: 60_000, repeatMs: 0 }, () => 0),
  );
  return { fake, opened, timers, notifier, setLang: (l: 'en' | 'ko') => (t = createTranslator(l)) };
}

describe('AlertNotifier (fake Electron Notification)', () => {
  it('shows a firing alert; a click opens the dashboard on that alert', () => {
    const { fake, opened, notifier } = setup();
    expect(notifier.handle(event('mem'))).toBe('show');
    expect(fake.made).toHaveLength(1);
    expect(fake.made[0]).toMatchObject({
      shown: true,
      options: { title: 'warning on web-1', body: 'Memory at 93%' },
    });
    expect(notifier.pending).toBe(1);
    fake.made[0]!.click();
    expect(opened).toEqual(['#/alerts/mem?subject=memory']);
    expect(notifier.pending).toBe(0);
  });

  it('keeps critical alerts on screen on Windows and Linux', () => {
    const { fake, notifier } = setup();
    notifier.handle(event('disk', 'firing', 'critical'));
    expect(fake.made[0]!.options).toMatchObject({ urgency: 'critical', timeoutType: 'never' });
  });

  it('speaks Korean when the language is Korean', () => {
    const { fake, notifier } = setup({ lang: 'ko' });
    notifier.handle(event('mem', 'resolved'));
    expect(fake.made[0]!.options.title).toBe('web-1: 해결됨');
    expect(fake.made[0]!.options.body).toContain('93');
    expect(fake.made[0]!.options.body).not.toContain('Memory');
  });

  it('sums up the events over the rate in one digest', () => {
    const { fake, timers, notifier, opened } = setup();
    expect(['a', 'b', 'c', 'd'].map((r) => notifier.handle(event(r)))).toEqual([
      'show',
      'show',
      'digest',
      'digest',
    ]);
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(fake.made).toHaveLength(3);
    expect(fake.made[2]!.options).toMatchObject({
      title: 'AutoInfraSnap on web-1',
      body: '2 more alert changes',
    });
    fake.made[2]!.click();
    expect(opened).toEqual(['#/alerts']);
  });

  it('shows nothing when notifications are off', () => {
    const { fake, notifier } = setup({ enabled: false });
    expect(notifier.handle(event('mem'))).toBe('skip');
    expect(fake.made).toHaveLength(0);
  });

  it('closes what is still shown on dispose', () => {
    const { fake, notifier } = setup();
    notifier.handle(event('a'));
    notifier.dispose();
    expect(fake.made[0]!.closed).toBe(true);
    expect(notifier.pending).toBe(0);
  });
});
