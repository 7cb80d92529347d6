import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.js';
import { escapeHtml } from '../../../shared/report/escape.js';
import { renderHtml } from '../../../shared/report/html/document.js';
import { HTML_FOLD_AT } from '../../../shared/report/html/sections.js';
import { base64, sha256 } from '../../../shared/report/sha256.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';
import { ODD_MOUNT, XSS_NAME, richProcesses, richSnapshot } from './rich-snapshot.js';

const en = createTranslator('en');
const ko = createTranslator('ko');
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

/** A snapshot whose process names, command lines and mountpoint are all `s`. */
function hostile(s: string) {
  const snap = richSnapshot();
  for (const p of [...snap.processes!.top_cpu, ...snap.processes!.top_memory]) {
    p.name = s;
    p.command = s;
  }
  snap.disks!.filesystems[0]!.mountpoint = s;
  snap.services!.units[0]!.description = s;
  return snap;
}

describe('renderHtml', () => {
  it('shows markup from the machine as inert text, in tables, charts and attributes alike', () => {
    const html = renderHtml(richSnapshot(), { t: en });
    expect(html).not.toContain(XSS_NAME);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).toContain('<td>//nas/share|x</td>');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; (666): 5%</title>');
    expect(html).not.toContain(ODD_MOUNT);
    expect(html).toContain('/mnt/&quot;backup&quot; &amp; co');
  });

  it('escapes any string wherever it lands: one script element, the string never raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), (s) => {
        const probe = `<"'&x-probe${s}`;
        const html = renderHtml(hostile(probe), { t: en });
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html.match(/<\/script>/g)).toHaveLength(1);
        expect(html).not.toMatch(/<[^a-z/!]|[<"'&]x-probe/);
        expect(html).toContain(escapeHtml(probe));
      }),
      { numRuns: 60 },
    );
  });

  it('allows only its own inline style and script, by hash, and names nothing outside the file', () => {
    const html = renderHtml(richSnapshot(), { t: en });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(csp).toBe(
      `default-src 'none'; style-src 'sha256-${sha(style)}'; script-src 'sha256-${sha(script)}'; ` +
        "img-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(html).not.toMatch(
      /\b(src|srcset|action|formaction)=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
    );
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/ style=| on[a-z]+=/);
  });

  it('opens with the health line in its colour, sets the language and warns when redaction was off', () => {
    const html = renderHtml(richSnapshot(), { t: ko });
    expect(html).toMatch(/^<!doctype html>\n<html lang="ko">/);
    const health = html.indexOf('<section class="health tone-crit"');
    expect(health).toBeGreaterThan(0);
    expect(health).toBeLessThan(html.indexOf('<details'));
    expect(html).toContain('<span class="pill">심각</span><ul><li>서비스 app-worker.service 실패</li>');
    expect(renderHtml(sampleSnapshot(), { t: en })).toContain(
      '<section class="health tone-ok" role="status" aria-live="off"><span class="pill">OK</span>',
    );
    const off = renderHtml(richSnapshot({ redactions: { enabled: false, total: 0, by_rule: {} } }), {
      t: en,
    });
    expect(off.indexOf('<p class="banner tone-crit" role="alert">Redaction was OFF')).toBeLessThan(
      off.indexOf('<details'),
    );
  });

  it(`folds table rows past ${HTML_FOLD_AT} behind a toggle, keeping one table`, () => {
    const withUnits = (n: number) => {
      const s = richSnapshot();
      s.services!.units = s.services!.units.slice(0, n);
      return renderHtml(s, { t: en });
    };
    expect(withUnits(HTML_FOLD_AT)).not.toContain('class="fold"');
    const folded = withUnits(HTML_FOLD_AT + 2);
    expect(folded.match(/<tr class="folded[ "]/g)).toHaveLength(2);
    expect(folded).toContain('<span class="when-closed">2 more rows</span>');
  });

  it('draws per-core bars and a searchable, sortable process table of both top lists', () => {
    const html = renderHtml(richSnapshot(), { t: en });
    const cpu = html.slice(html.indexOf('id="sec-cpu"'), html.indexOf('id="sec-disks"'));
    expect(cpu.match(/<rect class="bar/g)).toHaveLength(8);
    expect(cpu).toContain('<title>core 0: 98%</title>');
    const table = html.slice(html.indexOf('<table class="data" id="proc-table">'));
    expect(table.slice(0, table.indexOf('</table>')).match(/<tr/g)).toHaveLength(richProcesses().length + 1);
    expect(html).toContain('<div class="controls" id="proc-controls" hidden>');
    expect(html).toContain('aria-sort="descending">CPU</th>');
    expect(html).toContain('<td class="num" data-v="4242">4242</td>');
    const noWindow = richSnapshot();
    noWindow.cpu!.per_core_percent = [];
    expect(renderHtml(noWindow, { t: en })).toContain('Per-core usage needs a sampling window');
  });
});

describe('sha256', () => {
  it('matches node:crypto at block boundaries and on random input', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 255);
      expect(base64(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('base64'));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('base64'));
      }),
    );
  });
});
