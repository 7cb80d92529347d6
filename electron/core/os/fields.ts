/**
 * Whitespace-separated fields of kernel text, read in place. `line.trim().split(/\s+/).map(Number)`
 * makes a string per field and an array per line; on the sampler's hot path (every process's stat,
 * meminfo, diskstats, net/dev, each tick) that was most of what it allocated, and so most of the
 * garbage the GC had to collect. A cursor walks the text instead: numbers are parsed from the
 * character codes, and a string is made only for a field the caller asks for as text.
 */

const SPACE = 32;
const TAB = 9;
const ZERO = 48;
const NINE = 57;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** A cursor over the fields of one line (`text` from `from` up to `to`, exclusive). */
export class Fields {
  private text = '';
  private pos = 0;
  private to = 0;
  /** Where the current field starts and ends (exclusive). */
  start = 0;
  end = 0;

  /** Starts reading `text[from, to)`; returns this for chaining. */
  reset(text: string, from = 0, to = text.length): this {
    this.text = text;
    this.pos = from;
    this.to = to;
    this.start = this.end = from;
    return this;
  }

  /** Moves to the next field; false when the line has no more. */
  next(): boolean {
    const t = this.text;
    let i = this.pos;
    while (i < this.to && isBlank(t.charCodeAt(i))) i++;
    if (i >= this.to) {
      this.pos = this.start = this.end = this.to;
      return false;
    }
    const start = i;
    while (i < this.to && !isBlank(t.charCodeAt(i))) i++;
    this.start = start;
    this.end = this.pos = i;
    return true;
  }

  /** Skips `n` fields; false when the line ran out first. */
  skip(n: number): boolean {
    for (let k = 0; k < n; k++) if (!this.next()) return false;
    return true;
  }

  /** The current field as a number, exactly as `Number(field)` would read it (NaN when it is not one). */
  number(): number {
    const t = this.text;
    let v = 0;
    for (let i = this.start; i < this.end; i++) {
      const c = t.charCodeAt(i);
      // Anything but plain digits (a sign, a dot, hex): let Number decide, rarely taken.
      if (c < ZERO || c > NINE) return Number(t.slice(this.start, this.end));
      v = v * 10 + (c - ZERO);
    }
    // An integer past 2^53 is no longer exact when summed digit by digit: Number rounds it correctly.
    return this.end > this.start && v <= Number.MAX_SAFE_INTEGER ? v : Number(t.slice(this.start, this.end));
  }

  /** The next field as a number; NaN when there is none. */
  nextNumber(): number {
    return this.next() ? this.number() : NaN;
  }

  /** The current field as a string. */
  str(): string {
    return this.text.slice(this.start, this.end);
  }
}

/**
 * Calls `each(from, to)` for every line of `text` (without its newline), with no array of lines.
 * Line ends are `\n`; a final line without one counts too.
 */
export function forEachLine(text: string, each: (from: number, to: number) => void): void {
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    each(from, to);
    from = to + 1;
  }
}
