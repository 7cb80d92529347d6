/**
 * A small, strict XML well-formedness checker for the JUnit tests: no dependency to add, and strict
 * where it matters (one root, matching tags, quoted attributes, only the five named entities and
 * character references, no raw `<` or `&`, only XML 1.0 characters).
 */

/** One element of a parsed document. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  if (/[<]/.test(raw)) throw new Error(`raw "<" near offset ${at}`);
  return raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" near offset ${at}`);
    if (ENTITIES[ref] !== undefined) return ENTITIES[ref];
    const num = /^#(\d+)$/.exec(ref)?.[1] ?? /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1];
    if (num === undefined) throw new Error(`unknown entity ${m} near offset ${at}`);
    return String.fromCodePoint(ref.startsWith('#x') ? parseInt(num, 16) : Number(num));
  });
}

function checkChars(s: string): void {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok =
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (!ok) throw new Error(`character U+${c.toString(16)} is not allowed in XML 1.0`);
  }
}

/** Parses `xml` or throws naming the first problem; returns the root element. */
export function parseXml(xml: string): XmlElement {
  checkChars(xml);
  let i = 0;
  const rest = () => xml.slice(i);
  const skip = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  if (rest().startsWith('<?xml')) {
    const end = xml.indexOf('?>', i);
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? rest() : xml.slice(i, lt);
    if (stack.length) stack[stack.length - 1]!.text += decode(text, i);
    else if (text.trim()) throw new Error(`text outside the root near offset ${i}`);
    if (lt < 0) break;
    i = lt + 1;
    if (xml[i] === '/') {
      i++;
      const name = NAME.exec(rest())?.[0];
      const open = stack.pop();
      if (!name || !open || open.name !== name) throw new Error(`mismatched </${name}> near offset ${i}`);
      i += name.length;
      skip();
      if (xml[i++] !== '>') throw new Error(`expected ">" near offset ${i}`);
      continue;
    }
    const name = NAME.exec(rest())?.[0];
    if (!name) throw new Error(`expected a tag name near offset ${i}`);
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skip();
      if (xml[i] === '/' || xml[i] === '>') break;
      if (i === before) throw new Error(`expected whitespace before an attribute near offset ${i}`);
      const attr = NAME.exec(rest())?.[0];
      if (!attr) throw new Error(`expected an attribute near offset ${i}`);
      i += attr.length;
      if (xml[i++] !== '=' || xml[i++] !== '"') throw new Error(`expected ="…" after ${attr}`);
      const end = xml.indexOf('"', i);
      if (end < 0) throw new Error(`unterminated attribute ${attr}`);
      if (attr in el.attrs) throw new Error(`duplicate attribute ${attr}`);
      el.attrs[attr] = decode(xml.slice(i, end), i);
      i = end + 1;
    }
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (xml[i] === '/') {
      if (xml[i + 1] !== '>') throw new Error(`expected "/>" near offset ${i}`);
      i += 2;
    } else {
      i++;
      stack.push(el);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every descendant element named `name`, depth first. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
