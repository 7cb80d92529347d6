import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fields, forEachLine } from '../../../../electron/core/os/fields.js';

/** Every field of a line through the cursor, as numbers and as text. */
function walk(line: string): { texts: string[]; numbers: number[] } {
  const f = new Fields().reset(line);
  const texts: string[] = [];
  const numbers: number[] = [];
  while (f.next()) {
    texts.push(f.str());
    numbers.push(f.number());
  }
  return { texts, numbers };
}

describe('Fields', () => {
  it('splits on runs of spaces and tabs, as trim().split(/[ \\t]+/) does', () => {
    expect(walk('  8       0 sda 1234\t 56  ').texts).toEqual(['8', '0', 'sda', '1234', '56']);
    expect(walk('').texts).toEqual([]);
    expect(walk(' \t ').texts).toEqual([]);
  });

  it('reads a field as Number(field) would, digits or not', () => {
    const cases = [
      '0',
      '007',
      '123456789',
      '18446744073709551615',
      '9007199254740993',
      '-1',
      '1.5',
      '0x1f',
      'kB',
      '1e3',
    ];
    expect(walk(cases.join(' ')).numbers).toEqual(cases.map(Number));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.string({ minLength: 1 }))),
        (xs) => {
          const tokens = xs.map(String).map((t) => t.replace(/[ \t\n]/g, '') || 'x');
          const r = walk(tokens.join(' '));
          expect(r.texts).toEqual(tokens);
          expect(r.numbers).toEqual(tokens.map(Number));
        },
      ),
    );
  });

  it('reads only the given range, skips fields and says when a line runs out', () => {
    const text = 'Key:  12 kB\nnext line';
    const f = new Fields().reset(text, 4, text.indexOf('\n'));
    expect(f.nextNumber()).toBe(12);
    expect(f.next() && f.str()).toBe('kB');
    expect(f.next()).toBe(false);
    expect(Number.isNaN(f.nextNumber())).toBe(true);
    const g = new Fields().reset('a b c d');
    expect(g.skip(3)).toBe(true);
    expect(g.str()).toBe('c');
    expect(g.skip(2)).toBe(false);
  });
});

describe('forEachLine', () => {
  it('gives every line without its newline, a last line without one too, and no line for a final newline', () => {
    const lines = (text: string): string[] => {
      const out: string[] = [];
      forEachLine(text, (from, to) => out.push(text.slice(from, to)));
      return out;
    };
    expect(lines('a\nbb\n\nccc')).toEqual(['a', 'bb', '', 'ccc']);
    expect(lines('a\n')).toEqual(['a']);
    expect(lines('')).toEqual([]);
  });
});
