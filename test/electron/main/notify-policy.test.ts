// Notification policy under plain Node, with an injected clock: which alert events notify, the rate
// limit and digest, repeats, the text in both languages within each OS's limits, and the alert route.
import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/contract/alerts.js';
import { createTranslator } from '../../../shared/i18n/index.js';
import {
  alertRoute,
  digestText,
  NotificationThrottle,
  notificationText,
  textLimits,
} from '../../../electron/main/notify-policy.js';

function event(over: Partial<AlertEvent['alert']> = {}, rest: Partial<AlertEvent> = {}): AlertEvent {
  return {
    alert: {
      rule_id: 'cpu',
      subject: 'cpu',
      state: 'firing',
      severity: 'warning',
      value: 95,
      since: 0,
      fired_at: 0,
      resolved_at: null,
      message_key: 'alerts.metric.cpu.minutes',
      message_params: { value: 95, minutes: 2 },
      ...over,
    },
    previous: 'pending',
    notify: true,
    ...rest,
  };
}

describe('NotificationThrottle', () => {
  it('notifies firing and resolved-after-firing, never pending or quiet-hour events', () => {
    const th = new NotificationThrottle(undefined, () => 0);
    expect(th.decide(event())).toBe('show');
    expect(th.decide(event({ state: 'pending' }, { previous: null }))).toBe('skip');
    expect(th.decide(event({ state: 'resolved' }, { previous: 'firing' }))).toBe('show');
    expect(th.decide(event({ state: 'resolved', rule_id: 'mem' }, { previous: 'pending' }))).toBe('skip');
    // The engine sets notify: false in quiet hours and cooldowns.
    expect(th.decide(event({ rule_id: 'disk' }, { notify: false }))).toBe('skip');
  });

  it('shows the same alert state once per repeat window', () => {
    let now = 0;
    const th = new NotificationThrottle({ maxPerWindow: 10, windowMs: 60_000, repeatMs: 600_000 }, () => now);
    expect(th.decide(event())).toBe('show');
    now = 599_999;
    expect(th.decide(event())).toBe('skip');
    expect(th.decide(event({ subject: 'other' }))).toBe('show');
    now = 600_000;
    expect(th.decide(event())).toBe('show');
  });

  it('holds back what is over the rate and hands back a digest count once', () => {
    let now = 0;
    const th = new NotificationThrottle({ maxPerWindow: 3, windowMs: 60_000, repeatMs: 0 }, () => now);
    const decisions = ['a', 'b', 'c', 'd', 'e'].map((id) => th.decide(event({ rule_id: id })));
    expect(decisions).toEqual(['show', 'show', 'show', 'digest', 'digest']);
    expect(th.digest()).toBe(2);
    expect(th.digest()).toBe(0);
    now = 60_000;
    expect(th.decide(event({ rule_id: 'f' }))).toBe('show');
  });
});

describe('notificationText', () => {
  const en = createTranslator('en');
  const ko = createTranslator('ko');

  it('says severity, host and the alert message', () => {
    expect(notificationText(event(), 'web-1', en, 'linux')).toEqual({
      title: 'warning on web-1',
      body: 'CPU at 95% for 2 min',
    });
    expect(notificationText(event({ state: 'resolved' }), 'web-1', en, 'linux').title).toBe(
      'Resolved on web-1',
    );
  });

  it('speaks Korean', () => {
    const text = notificationText(event({ severity: 'critical' }), 'web-1', ko, 'win32');
    expect(text.title).toBe('web-1: 심각');
    expect(text.body).not.toBe('CPU at 95% for 2 min');
    expect(text.body).toContain('95');
  });

  it('keeps title and body within the macOS limits, cutting whole characters', () => {
    const longHost = '서버'.repeat(40);
    const e = event({
      message_key: 'alerts.container.exited',
      message_params: { name: 'a-very-long-container-name-'.repeat(10) },
    });
    const { title, body } = notificationText(e, longHost, ko, 'darwin');
    const lim = textLimits('darwin');
    expect(Array.from(title).length).toBeLessThanOrEqual(lim.title);
    expect(Array.from(body).length).toBeLessThanOrEqual(lim.body);
    expect(title.endsWith('…')).toBe(true);
    expect(body.endsWith('…')).toBe(true);
  });

  it('falls back to rule and subject for an unknown message key', () => {
    const e = event({ message_key: 'alerts.nope', rule_id: 'custom', subject: '/data' });
    expect(notificationText(e, 'h', en, 'linux').body).toBe('custom: /data');
  });

  it('sums up held-back events', () => {
    expect(digestText(4, 'h', en, 'linux')).toEqual({
      title: 'AutoInfraSnap on h',
      body: '4 more alert changes',
    });
    expect(digestText(1, 'h', en, 'linux').body).toBe('1 more alert change');
  });
});

describe('alertRoute', () => {
  it('routes to the alert in the dashboard, encoded', () => {
    expect(alertRoute(event({ rule_id: 'disk-full', subject: '/var/lib' }))).toBe(
      '#/alerts/disk-full?subject=%2Fvar%2Flib',
    );
  });
});
