import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../shared/report/summary.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';
import { createTranslator } from '../../../shared/i18n/index.js';

const en = createTranslator('en');

describe('renderSummary', () => {
  it('opens with the health line and names what is wrong', () => {
    const s = sampleSnapshot();
    s.disks!.filesystems[0]!.used_percent = 93;
    const out = renderSummary(s, { color: false, t: en }).split('\n');
    expect(out[0]).toBe('WARNING  disk / at 93%');
    expect(out.some((l) => l.startsWith('host') && l.includes('web-1') && l.includes('up 6d 4h'))).toBe(true);
  });

  it('says OK when nothing needs attention, and has no escape codes without colour', () => {
    const out = renderSummary(sampleSnapshot(), { color: false, t: en });
    expect(out.split('\n')[0]).toBe('OK  nothing needs attention');
    expect(out).not.toContain('\u001b[');
    expect(renderSummary(sampleSnapshot(), { color: true, t: en })).toContain('\u001b[32m');
  });

  it('warns when redaction was off and lists counts per rule when on', () => {
    const off = renderSummary(sampleSnapshot({ redactions: { enabled: false, total: 0, by_rule: {} } }), {
      color: false,
      t: en,
    });
    expect(off).toContain('OFF: this snapshot may contain secrets');
    const on = renderSummary(
      sampleSnapshot({
        redactions: { enabled: true, total: 3, by_rule: { 'flag-value': 2, 'url-credentials': 1 } },
      }),
      { color: false, t: en },
    );
    expect(on).toContain('3 values (flag-value 2, url-credentials 1)');
  });
});

describe('renderSummary in Korean', () => {
  it('translates the health line and labels', () => {
    const s = sampleSnapshot();
    s.disks!.filesystems[0]!.used_percent = 93;
    const out = renderSummary(s, { color: false, t: createTranslator('ko') }).split('\n');
    expect(out[0]).toBe('경고  디스크 / 사용률 93%');
    expect(out.some((l) => l.startsWith('메모리'))).toBe(true);
  });
});
