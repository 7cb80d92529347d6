/** Escaping for the report formats: every value from a snapshot is untrusted text (process names, paths). */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML and SVG element content and in double- or single-quoted attributes. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const WORD = /^[\p{L}\p{N}]$/u;

/**
 * Text safe inside a GitHub-flavoured Markdown table cell or paragraph: backslash-escapes the characters
 * that start code, emphasis, links or end a cell (an underscore only at a word's edge), turns `<` into an
 * entity so nothing becomes HTML, and an `&` that would start an entity too (a bare `&` stays readable
 * when pasted into a chat).
 */
export function escapeMarkdown(value: string | number): string {
  return (
    String(value)
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/[\\`*[\]|~]/g, (c) => `\\${c}`)
      // An underscore inside a word (x86_64, temp2_input) never starts emphasis in GFM: leave it readable.
      .replace(/_/g, (c, i: number, all: string) =>
        WORD.test(all[i - 1] ?? '') && WORD.test(all[i + 1] ?? '') ? c : '\\_',
      )
      .replace(/&(?=#?\w+;)/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/** Cuts `s` to at most `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Rounds for display in charts and sort keys, so goldens do not carry float noise. */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A value for a `data-*` sort key: numbers as is, text lower-cased for case-insensitive ordering. */
export function sortKey(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(round(v, 3)) : v.toLowerCase();
}

/** A CSS-class-safe token from free text (tone names, section ids). */
export function token(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}
