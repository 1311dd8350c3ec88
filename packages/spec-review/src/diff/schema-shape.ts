/**
 * Reduces a JSON Schema (2020-12, as OpenAPI 3.1 embeds it; 3.0 `nullable` too) to the shape the
 * schema rules compare: its types, whether `null` is allowed, its properties and required names,
 * its items, its enum and its oneOf/anyOf variants. `allOf` members are merged; a `null` variant
 * or `'null'` type becomes the `nullable` flag.
 * @see https://json-schema.org/draft/2020-12/json-schema-core
 */
import { asNode, type Node } from './types.js';

/** The comparable shape of one schema. */
export interface SchemaShape {
  /** Declared JSON types other than `null`; undefined when the schema does not restrict the type. */
  types: Set<string> | undefined;
  nullable: boolean;
  properties: Map<string, unknown>;
  required: Set<string>;
  /** `false` (closed), `true`/undefined (open) or a schema for extra properties. */
  additionalProperties: unknown;
  items: unknown;
  /** Allowed values other than `null` (from `enum` or `const`); undefined when unrestricted. */
  enum: unknown[] | undefined;
  /**
   * Values listed in `x-extensible-enum`: the known values of an open list (clients must expect
   * others), so unlike `enum` they restrict nothing in responses.
   */
  extensibleEnum: unknown[] | undefined;
  variants: { kind: 'oneOf' | 'anyOf'; members: unknown[] } | undefined;
  /** The schema after merging `allOf`, for keyword-level rules. */
  node: Node;
}

/** Computes the shape of `schema`; `names` maps resolved component objects to their names. */
export function shapeOf(schema: unknown, names: WeakMap<object, string>): SchemaShape {
  const node = mergeAllOf(schema === false ? { not: {} } : (asNode(schema) ?? {}), names);
  let nullable = node.nullable === true;

  let types: Set<string> | undefined;
  if (node.type !== undefined) {
    const list = (Array.isArray(node.type) ? node.type : [node.type]).map(String);
    if (list.includes('null')) nullable = true;
    types = new Set(list.filter((t) => t !== 'null'));
  }

  let enumValues: unknown[] | undefined = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
  if (enumValues?.includes(null)) {
    nullable = true;
    enumValues = enumValues.filter((v) => v !== null);
  }

  let variants: SchemaShape['variants'];
  let base = node;
  for (const kind of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(node[kind])) continue;
    const all = node[kind] as unknown[];
    const members = all.filter((m) => !isNullSchema(m));
    if (members.length < all.length) nullable = true;
    const structural = ['type', 'properties', 'items', 'enum', 'const'].some((k) => k in node);
    if (members.length === 1 && members.length < all.length && !structural) {
      // `anyOf: [X, {type: 'null'}]` is "X or null": compare it as X, nullable.
      const { [kind]: _dropped, ...rest } = node;
      const inner = shapeOf(members[0], names);
      return { ...inner, nullable: nullable || inner.nullable, node: { ...inner.node, ...withoutAnnotations(rest) } };
    }
    variants = { kind, members };
    const { [kind]: _dropped, ...rest } = node;
    base = { ...rest, [kind]: members };
  }

  if (types === undefined && asNode(base.properties)) types = new Set(['object']);
  if (types === undefined && base.items !== undefined) types = new Set(['array']);
  if (types === undefined && enumValues?.length) types = new Set(enumValues.map(jsonType));

  return {
    types,
    nullable,
    properties: new Map(Object.entries(asNode(base.properties) ?? {})),
    required: new Set(Array.isArray(base.required) ? base.required.map(String) : []),
    additionalProperties: base.additionalProperties,
    items: base.items,
    enum: enumValues,
    extensibleEnum: Array.isArray(base['x-extensible-enum']) ? (base['x-extensible-enum'] as unknown[]) : undefined,
    variants,
    node: base,
  };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** True when `schema` allows only `null`. */
export function isNullSchema(schema: unknown): boolean {
  const node = asNode(schema);
  if (!node) return false;
  if (node.type === 'null' || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'null')) return true;
  if ('const' in node && node.const === null) return true;
  return Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null;
}

/** The display name of a schema: its component name, or its title. */
export function schemaName(schema: unknown, names: WeakMap<object, string>): string | undefined {
  const node = asNode(schema);
  if (!node) return undefined;
  return names.get(node) ?? (typeof node.title === 'string' ? node.title : undefined);
}

const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', '$comment', 'externalDocs']);

function withoutAnnotations(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !ANNOTATIONS.has(k)));
}

/** Merges `allOf` members into one schema (properties and required lists united, types intersected). */
function mergeAllOf(node: Node, names: WeakMap<object, string>, depth = 0): Node {
  if (!Array.isArray(node.allOf) || depth > 32) return node;
  const { allOf, ...rest } = node;
  let acc: Node = { ...rest };
  for (const member of allOf as unknown[]) {
    const m = mergeAllOf(asNode(member) ?? {}, names, depth + 1);
    acc = mergeTwo(acc, m);
  }
  return acc;
}

function mergeTwo(a: Node, b: Node): Node {
  const out: Node = { ...b, ...a };
  const pa = asNode(a.properties);
  const pb = asNode(b.properties);
  if (pa || pb) out.properties = { ...pb, ...pa };
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    out.required = [...new Set([...((b.required as unknown[]) ?? []), ...((a.required as unknown[]) ?? [])])];
  }
  if (a.type !== undefined && b.type !== undefined) {
    const ta = new Set((Array.isArray(a.type) ? a.type : [a.type]).map(String));
    const tb = (Array.isArray(b.type) ? b.type : [b.type]).map(String);
    const both = tb.filter((t) => ta.has(t) || (t === 'integer' && ta.has('number')));
    for (const t of ta) if (t === 'integer' && tb.includes('number') && !both.includes('integer')) both.push('integer');
    out.type = both.length === 1 ? both[0] : both;
  }
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const eb = b.enum.map((v) => JSON.stringify(v));
    out.enum = a.enum.filter((v) => eb.includes(JSON.stringify(v)));
  }
  return out;
}
