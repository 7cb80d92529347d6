/**
 * A checker for the subset of JSON Schema (draft 2020-12) that zod's toJSONSchema emits for the
 * snapshot sections, with zod's semantics where the two differ: unknown keys of a closed object are
 * stripped rather than rejected (zod's default), numbers must be finite, and patterns are JavaScript
 * regular expressions as zod wrote them. It exists so the CLI's `snap` can validate sections against
 * the committed schema without loading zod (~200 KB of code and its schema set-up on every start);
 * ajv's standalone code for the same schema measured slower to load and first run than zod itself.
 * Any keyword outside the subset throws when the checker is built, so a schema change cannot be
 * silently ignored; a test proves the checker and the zod schemas accept and reject the same data.
 */

/** One node of a JSON Schema, as parsed from JSON. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Result of one check: the first problem found, with a dotted path, or none. */
export type SchemaCheck = { ok: true } | { ok: false; path: string; message: string };

/** Keywords that only annotate: never change the outcome. `format` is checked through its pattern. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'format']);
const KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'anyOf',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
]);

type TypeName = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';
const IS: Record<TypeName, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/** A schema node with its keywords resolved once, so checking does no look-ups by name. */
interface Node {
  types: TypeName[] | null;
  properties: Map<string, Node> | null;
  required: string[];
  /** false: closed (unknown keys stripped); a node: every other value must match it; null: open. */
  additional: Node | false | null;
  propertyNames: Node | null;
  items: Node | null;
  anyOf: Node[] | null;
  enum: unknown[] | null;
  min: number | null;
  max: number | null;
  exclusiveMin: number | null;
  exclusiveMax: number | null;
  pattern: RegExp | null;
}

function compile(s: JsonSchema, at: string): Node {
  for (const k of Object.keys(s))
    if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k))
      throw new Error(`unsupported JSON Schema keyword "${k}" at ${at || '(root)'}`);
  if (s.format !== undefined && s.pattern === undefined)
    throw new Error(`format "${String(s.format)}" without a pattern at ${at || '(root)'}`);
  const child = (v: unknown, p: string): Node => compile(v as JsonSchema, p);
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const props = s.properties as Record<string, unknown> | undefined;
  return {
    types: s.type === undefined ? null : ((Array.isArray(s.type) ? s.type : [s.type]) as TypeName[]),
    properties: props ? new Map(Object.entries(props).map(([k, v]) => [k, child(v, `${at}/${k}`)])) : null,
    required: (s.required as string[] | undefined) ?? [],
    additional:
      s.additionalProperties === undefined || s.additionalProperties === true
        ? null
        : s.additionalProperties === false
          ? false
          : child(s.additionalProperties, `${at}/*`),
    propertyNames: s.propertyNames === undefined ? null : child(s.propertyNames, `${at}/(key)`),
    items: s.items === undefined ? null : child(s.items, `${at}/[]`),
    anyOf: Array.isArray(s.anyOf) ? s.anyOf.map((b, i) => child(b, `${at}/anyOf/${i}`)) : null,
    enum: s.const !== undefined ? [s.const] : Array.isArray(s.enum) ? s.enum : null,
    min: num(s.minimum),
    max: num(s.maximum),
    exclusiveMin: num(s.exclusiveMinimum),
    exclusiveMax: num(s.exclusiveMaximum),
    pattern: typeof s.pattern === 'string' ? new RegExp(s.pattern) : null,
  };
}

type Fail = { path: (string | number)[]; message: string };
/** Keys to strip once the whole value is known to be valid: [object, key]. */
type Strip = [Record<string, unknown>, string][];

function check(n: Node, v: unknown, path: (string | number)[], strip: Strip): Fail | null {
  if (n.anyOf) {
    let first: Fail | null = null;
    for (const branch of n.anyOf) {
      const mark = strip.length;
      const f = check(branch, v, path, strip);
      if (!f) {
        first = null;
        break;
      }
      strip.length = mark; // a failed branch strips nothing
      first ??= f;
    }
    if (first) return first;
  }
  if (n.types && !n.types.some((t) => IS[t](v))) return { path, message: `expected ${n.types.join(' or ')}` };
  if (n.enum && !n.enum.includes(v))
    return { path, message: `expected ${n.enum.map((e) => JSON.stringify(e)).join(' or ')}` };
  if (typeof v === 'number') {
    if (n.min !== null && !(v >= n.min)) return { path, message: `expected >= ${n.min}` };
    if (n.max !== null && !(v <= n.max)) return { path, message: `expected <= ${n.max}` };
    if (n.exclusiveMin !== null && !(v > n.exclusiveMin))
      return { path, message: `expected > ${n.exclusiveMin}` };
    if (n.exclusiveMax !== null && !(v < n.exclusiveMax))
      return { path, message: `expected < ${n.exclusiveMax}` };
  } else if (typeof v === 'string') {
    if (n.pattern && !n.pattern.test(v)) return { path, message: `does not match ${n.pattern.source}` };
  } else if (Array.isArray(v)) {
    if (n.items)
      for (let i = 0; i < v.length; i++) {
        const f = check(n.items, v[i], [...path, i], strip);
        if (f) return f;
      }
  } else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    for (const k of n.required) if (o[k] === undefined) return { path: [...path, k], message: 'required' };
    for (const k of Object.keys(o)) {
      const p = n.properties?.get(k);
      if (p) {
        // An optional key holding undefined is absent to zod and to JSON.
        const f = o[k] === undefined && !n.required.includes(k) ? null : check(p, o[k], [...path, k], strip);
        if (f) return f;
        continue;
      }
      if (n.propertyNames) {
        const f = check(n.propertyNames, k, [...path, k], strip);
        if (f) return { path: f.path, message: `key ${f.message}` };
      }
      if (n.additional === false) strip.push([o, k]);
      else if (n.additional) {
        const f = check(n.additional, o[k], [...path, k], strip);
        if (f) return f;
      }
    }
  }
  return null;
}

/**
 * Builds a checker for one schema. The checker strips unknown keys of closed objects in place (as
 * zod's parse drops them from its copy) only when the whole value is valid.
 */
export function createSchemaChecker(schema: JsonSchema): (value: unknown) => SchemaCheck {
  const root = compile(schema, '');
  return (value) => {
    const strip: Strip = [];
    const f = check(root, value, [], strip);
    if (f) return { ok: false, path: f.path.join('.'), message: f.message };
    for (const [o, k] of strip) delete o[k];
    return { ok: true };
  };
}
