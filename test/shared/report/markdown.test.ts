import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n/index.js';
import { escapeMarkdown } from '../../../shared/report/escape.js';
import { MARKDOWN_FOLD_AT, renderMarkdown } from '../../../shared/report/markdown.js';
import type { ServiceUnit } from '../../../shared/snapshot/metrics/services.js';
import { sampleSnapshot } from '../../helpers/snapshot.js';
import { XSS_NAME, richSnapshot } from './rich-snapshot.js';

const en = createTranslator('en');
const ko = createTranslator('ko');

/** Cells of a Markdown table line: splits on pipes that are not backslash-escaped. */
function cells(line: string): string[] {
  return line.slice(1, -1).split(/(?<!\\)\|/);
}

function units(n: number): ServiceUnit[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `u${i}.service`,
    description: null,
    state: 'running' as const,
    native_state: 'active/running',
    enabled: true,
    pid: i + 10,
  }));
}

describe('renderMarkdown', () => {
  it('opens with the title (host and time), then the health line', () => {
    const lines = renderMarkdown(richSnapshot(), { t: en }).split('\n');
    expect(lines[0]).toBe('## Snapshot of web-1 · Nov 26, 2026, 12:00:00 PM UTC');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^🔴 \*\*CRITICAL\*\* · service app-worker\.service failed · disk \/var at 93%/);
    const ok = renderMarkdown(sampleSnapshot(), { t: ko }).split('\n');
    expect(ok[2]).toBe('🟢 **정상** · 주의가 필요한 항목 없음');
  });

  it('keeps hostile text inert: no raw tag, pipes and backticks escaped, every row as wide as its header', () => {
    const out = renderMarkdown(richSnapshot(), { t: en });
    expect(out).not.toContain(XSS_NAME);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('//nas/share\\|x');
    expect(out).toContain('Nightly \\`rsync\\` &lt;backup&gt;');
    expect(escapeMarkdown('x86_64 _init_ *.md')).toBe('x86_64 \\_init\\_ \\*.md');
    let width = 0;
    for (const line of out.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line).length;
      expect(cells(line), line).toHaveLength(width);
    }
  });

  it('escapes any string so it stays one cell with no markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const e = escapeMarkdown(s);
        expect(e).not.toMatch(/(?<!\\)[|`*[\]~]|(?<![\\\p{L}\p{N}])_|(?<!\\)_(?![\p{L}\p{N}])/u);
        expect(e).not.toMatch(/[<>\n\r]/);
      }),
    );
  });

  it(`folds a table after ${MARKDOWN_FOLD_AT} rows into a <details> block`, () => {
    const at = (n: number): string =>
      renderMarkdown(
        sampleSnapshot({
          services: {
            manager: 'systemd',
            available: true,
            reason: null,
            total: n,
            running: n,
            failed: 0,
            units: units(n),
          },
        }),
        { t: en },
      );
    expect(at(MARKDOWN_FOLD_AT)).not.toContain('<details>');
    const folded = at(MARKDOWN_FOLD_AT + 3);
    expect(folded).toContain('<details><summary>3 more rows</summary>\n\n| Unit |');
    expect(folded).toContain('| u9.service |');
    expect(folded.indexOf('| u10.service')).toBeGreaterThan(folded.indexOf('<details>'));
    expect(folded).toContain('</details>');
    expect(renderMarkdown(richSnapshot(), { t: en, foldAt: 100 })).not.toContain('<details>');
  });

  it('lists failed services first', () => {
    const out = renderMarkdown(richSnapshot(), { t: en });
    const services = out.slice(out.indexOf('### 🔴 Services'));
    expect(
      services
        .split('\n')
        .find((l) => l.startsWith('| ') && !l.startsWith('| Unit') && !l.startsWith('| ---')),
    ).toMatch(/^\| 🔴 app-worker\.service \| FAILED \|/);
  });

  it('ends with the redaction summary and the snapshot id, and warns loudly when redaction was off', () => {
    const out = renderMarkdown(richSnapshot(), { t: en }).trimEnd().split('\n');
    expect(out.at(-1)).toMatch(/^_Snapshot 0196b7c4-8f3a-7cde-9abc-0123456789ab · autoinfrasnap 0\.1\.0 ·/);
    expect(out.join('\n')).toMatch(/### Redaction\n\n4 values were redacted\.\n\n\| Rule \| Count \|/);
    const off = renderMarkdown(richSnapshot({ redactions: { enabled: false, total: 0, by_rule: {} } }), {
      t: en,
    });
    const lines = off.split('\n');
    expect(lines[4]).toBe(
      '> ⚠️ **Redaction was OFF: this snapshot may contain passwords, tokens and keys. Check it before sharing.**',
    );
    expect(off).toContain('### 🔴 Redaction\n\n🔴 **Redaction was OFF');
  });
});
