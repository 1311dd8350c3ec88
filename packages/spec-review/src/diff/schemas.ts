/**
 * Schema rules: properties added, removed, made required or optional; types changed, widened or
 * narrowed; `null` allowed or no longer allowed; items, extra properties and oneOf/anyOf variants.
 * Each rule is classified by position: a request schema must keep accepting what clients send, a
 * response schema must not start sending what clients cannot read. Enums and validation keywords
 * have their own modules; annotations (description, examples) are reported as documentation.
 * @see https://spec.openapis.org/oas/v3.1.0#schema-object
 */
import { compareConstraints, CONSTRAINT_KEYWORDS } from './constraints.js';
import { compareEnums, compareExtensibleEnums } from './enums.js';
import { schemaName, shapeOf, type SchemaShape } from './schema-shape.js';
import { asNode, change, levelOf, type Level, type Node, sameJson, show, type Change, type Position, type Site } from './types.js';

/** Names of resolved component objects, per side. */
export interface NameMaps {
  base: WeakMap<object, string>;
  head: WeakMap<object, string>;
}

/** Where one schema comparison starts. */
export interface SchemaSite extends Site {
  position: Position;
  /** What the schema root is called in messages, e.g. "The request body" or "Parameter `status`". */
  rootName: string;
  /**
   * The media type of the body the schema describes (`application/xml`…); absent for parameters and
   * headers. XML bodies also compare the `xml` keyword, which names elements and attributes on the wire.
   */
  mediaType?: string;
  /** True when the schema root is always sent (a required parameter): its default never applies. */
  alwaysSent?: boolean;
}

/** True for `application/xml`, `text/xml` and `…+xml` media types. */
export function isXmlMediaType(mediaType: string | undefined): boolean {
  const essence = mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^(application|text)\/xml$/.test(essence) || /^[^/]+\/[^;]+\+xml$/.test(essence);
}

const HANDLED = new Set([
  'type',
  'nullable',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  'description',
  'title',
  'examples',
  'example',
  '$comment',
  'externalDocs',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  'xml',
  'x-extensible-enum',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  ...CONSTRAINT_KEYWORDS,
]);
const DOC_KEYWORDS = ['description', 'title', 'examples', 'example', 'externalDocs'] as const;

/** Compares two schemas at `site` and returns every change, classified for its position. */
export function compareSchemas(base: unknown, head: unknown, site: SchemaSite, names: NameMaps, path = ''): Change[] {
  const out: Change[] = [];
  walk(base, head, path, { site, names, out, stack: [] }, site.alwaysSent === true);
  return out;
}

interface Walk {
  site: SchemaSite;
  names: NameMaps;
  out: Change[];
  stack: Array<[unknown, unknown]>;
}

function walk(base: unknown, head: unknown, path: string, w: Walk, alwaysSent = false): void {
  if (w.stack.some(([b, h]) => b === base && h === head)) return;
  w.stack.push([base, head]);
  try {
    compareShapes(shapeOf(base, w.names.base), shapeOf(head, w.names.head), path, w, alwaysSent);
  } finally {
    w.stack.pop();
  }
}

function compareShapes(b: SchemaShape, h: SchemaShape, path: string, w: Walk, alwaysSent: boolean): void {
  const { site, out } = w;
  const request = site.position === 'request';
  const subject = path ? `\`${path}\`` : site.rootName;
  const at = (rule: string, breaking: Level, message: string, family: Change['family'] = 'schemas') =>
    out.push(change(site, family, rule, levelOf(breaking), message, path));

  if (b.nullable !== h.nullable) {
    if (request) {
      if (b.nullable) at('request-null-no-longer-accepted', true, `${subject} no longer accepts \`null\`.`);
      else at('request-null-accepted', false, `${subject} now accepts \`null\`.`);
    } else if (h.nullable)
      at('response-may-be-null', true, `${subject} may now be \`null\`; clients that read it as a value must handle \`null\`.`);
    else at('response-no-longer-null', false, `${subject} is no longer \`null\`.`);
  }

  if (!compareTypes(b, h, subject, request, at)) return;

  out.push(...compareEnums(b.enum, h.enum, site.position, site, subject, path));
  out.push(...compareExtensibleEnums(b.extensibleEnum, h.extensibleEnum, site.position, site, subject, path));
  out.push(...compareConstraints(b.node, h.node, site.position, site, subject, path, alwaysSent));
  if (!b.node.deprecated && h.node.deprecated) at('deprecated', false, `${subject} is now deprecated.`);
  for (const keyword of DOC_KEYWORDS) {
    if (!sameJson(b.node[keyword], h.node[keyword])) {
      at(
        `schema-${keyword}-changed`,
        false,
        `${keyword === 'examples' || keyword === 'example' ? 'Examples' : `The ${keyword}`} of ${subject} changed.`,
        'documentation',
      );
    }
  }
  compareDiscriminators(asNode(b.node.discriminator), asNode(h.node.discriminator), subject, request, at);
  if (isXmlMediaType(site.mediaType)) compareXml(asNode(b.node.xml), asNode(h.node.xml), subject, at);

  compareProperties(b, h, path, w);
  compareExtraProperties(b, h, path, subject, w);
  if (b.items !== undefined || h.items !== undefined) walk(b.items, h.items, `${path}[]`, w);
  compareVariants(b, h, path, subject, w);

  for (const key of new Set([...Object.keys(b.node), ...Object.keys(h.node)])) {
    if (HANDLED.has(key) || sameJson(b.node[key], h.node[key])) continue;
    if (key.startsWith('x-')) at('schema-extension-changed', false, `Extension \`${key}\` of ${subject} changed.`, 'documentation');
    else
      at(
        'schema-keyword-changed',
        'possibly-breaking',
        `\`${key}\` of ${subject} changed; this tool does not analyse it, so review it by hand.`,
      );
  }
}

/** Reports type changes; returns false when the types share nothing (no point comparing deeper). */
function compareTypes(
  b: SchemaShape,
  h: SchemaShape,
  subject: string,
  request: boolean,
  at: (rule: string, breaking: Level, message: string) => void,
): boolean {
  const list = (s: Set<string> | undefined) => (s ? [...s].map((t) => `\`${t}\``).join(' or ') : 'any type');
  if (!b.types && !h.types) return true;
  if (!b.types || !h.types) {
    const narrowed = !b.types;
    if (request === narrowed) at('type-changed', true, `${subject} changed from ${list(b.types)} to ${list(h.types)}.`);
    else
      at(
        request ? 'request-type-widened' : 'response-type-narrowed',
        false,
        `${subject} changed from ${list(b.types)} to ${list(h.types)}.`,
      );
    return true;
  }
  const covers = (set: Set<string>, t: string) => set.has(t) || (t === 'integer' && set.has('number'));
  const widened = [...b.types].every((t) => covers(h.types!, t));
  const narrowed = [...h.types].every((t) => covers(b.types!, t));
  if (widened && narrowed) return true;
  const overlap = (x: string, y: string) => covers(new Set([x]), y) || covers(new Set([y]), x);
  const shared = [...h.types].some((t) => [...b.types!].some((u) => overlap(t, u)));
  const message = `${subject} changed type from ${list(b.types)} to ${list(h.types)}.`;
  if (request && widened) at('request-type-widened', false, message);
  else if (!request && narrowed) at('response-type-narrowed', false, message);
  else at('type-changed', true, message);
  return shared;
}

function compareProperties(b: SchemaShape, h: SchemaShape, path: string, w: Walk): void {
  const request = w.site.position === 'request';
  // readOnly fields are never sent, writeOnly fields never returned.
  const hidden = request ? 'readOnly' : 'writeOnly';
  const visible = (s: unknown) => asNode(s)?.[hidden] !== true;
  const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
  for (const name of names) {
    const bp = b.properties.get(name);
    const hp = h.properties.get(name);
    const inBase = bp !== undefined && visible(bp);
    const inHead = hp !== undefined && visible(hp);
    const child = path ? `${path}.${name}` : name;
    const field = `\`${child}\``;
    const at = (rule: string, breaking: Level, message: string) =>
      w.out.push(change(w.site, 'schemas', rule, levelOf(breaking), message, child));
    if (inBase && !inHead) {
      if (request)
        at(
          'request-property-removed',
          true,
          `Field ${field} removed from the request; clients that send it may be rejected or have it ignored.`,
        );
      else
        at(
          'response-property-removed',
          true,
          `Field ${field} removed from the response (it was ${b.required.has(name) ? 'required' : 'optional'}); clients reading it get nothing.`,
        );
      continue;
    }
    if (!inBase && inHead) {
      if (!request) at('response-property-added', false, `Field ${field} added to the response.`);
      else if (h.required.has(name))
        at('request-required-property-added', true, `Required field ${field} added to the request; existing calls do not send it.`);
      else at('request-optional-property-added', false, `Optional field ${field} added to the request.`);
      continue;
    }
    if (!inBase || !inHead) continue;
    const wasRequired = b.required.has(name);
    const isRequired = h.required.has(name);
    if (wasRequired !== isRequired) {
      if (request) {
        if (isRequired) at('request-property-now-required', true, `Field ${field} is now required in the request.`);
        else at('request-property-now-optional', false, `Field ${field} is now optional in the request.`);
      } else if (isRequired) at('response-property-now-required', false, `Field ${field} is now always present in the response.`);
      else at('response-property-now-optional', true, `Field ${field} is no longer always present in the response.`);
    }
    walk(bp, hp, child, w, request && wasRequired && isRequired);
  }
}

function compareExtraProperties(b: SchemaShape, h: SchemaShape, path: string, subject: string, w: Walk): void {
  const closed = (s: SchemaShape) => s.additionalProperties === false;
  const request = w.site.position === 'request';
  const at = (rule: string, breaking: Level, message: string) =>
    w.out.push(change(w.site, 'schemas', rule, levelOf(breaking), message, path));
  if (closed(b) !== closed(h)) {
    if (closed(h)) at(`${w.site.position}-closed`, request, `${subject} no longer allows properties that are not listed.`);
    else at(`${w.site.position}-opened`, !request, `${subject} now allows properties that are not listed.`);
    return;
  }
  const ba = asNode(b.additionalProperties);
  const ha = asNode(h.additionalProperties);
  if (ba || ha) walk(ba ?? {}, ha ?? {}, `${path}.*`, w);
}

function compareVariants(b: SchemaShape, h: SchemaShape, path: string, subject: string, w: Walk): void {
  const request = w.site.position === 'request';
  const at = (rule: string, breaking: Level, message: string) =>
    w.out.push(change(w.site, 'schemas', rule, levelOf(breaking), message, path));
  if (!b.variants && !h.variants) return;
  if (!b.variants || !h.variants) {
    const describe = (s: SchemaShape) => (s.variants ? `${s.variants.kind} of ${s.variants.members.length} schemas` : 'a single schema');
    at('composition-changed', 'possibly-breaking', `${subject} changed from ${describe(b)} to ${describe(h)}; review it by hand.`);
    return;
  }
  if (b.variants.kind !== h.variants.kind) {
    // anyOf accepts everything oneOf does (and values matching several variants).
    const widened = h.variants.kind === 'anyOf';
    at('composition-kind-changed', request !== widened, `${subject} changed from ${b.variants.kind} to ${h.variants.kind}.`);
  }
  const label = (m: unknown, i: number, names: WeakMap<object, string>) => schemaName(m, names) ?? `variant ${i + 1}`;
  const baseLeft = b.variants.members.map((m, i) => ({
    m,
    name: label(m, i, w.names.base),
    named: schemaName(m, w.names.base) !== undefined,
  }));
  const headLeft = h.variants.members.map((m, i) => ({
    m,
    name: label(m, i, w.names.head),
    named: schemaName(m, w.names.head) !== undefined,
  }));
  const pairs: Array<[(typeof baseLeft)[number], (typeof headLeft)[number]]> = [];
  for (const bv of [...baseLeft]) {
    const hv = headLeft.find((x) => x.named && bv.named && x.name === bv.name);
    if (hv) {
      pairs.push([bv, hv]);
      baseLeft.splice(baseLeft.indexOf(bv), 1);
      headLeft.splice(headLeft.indexOf(hv), 1);
    }
  }
  while (baseLeft.length && headLeft.length && !baseLeft[0]!.named && !headLeft[0]!.named)
    pairs.push([baseLeft.shift()!, headLeft.shift()!]);
  for (const bv of baseLeft) {
    if (request) at('request-variant-removed', true, `${subject} no longer accepts the ${bv.name} shape.`);
    else at('response-variant-removed', false, `${subject} no longer comes in the ${bv.name} shape.`);
  }
  for (const hv of headLeft) {
    if (request) at('request-variant-added', false, `${subject} now also accepts the ${hv.name} shape.`);
    else at('response-variant-added', true, `${subject} may now come in the ${hv.name} shape; clients must handle it.`);
  }
  for (const [bv, hv] of pairs) walk(bv.m, hv.m, `${path}(${hv.name})`, w);
}

/**
 * Discriminator rules. The discriminator only tells which variant a value is (the variants' own
 * schemas still decide what is valid), so adding one is safe. Renaming its property or changing
 * its mapping is possibly breaking: servers or generated code that pick the variant by it see
 * other values. Dropping it from a response is possibly breaking for clients that switch on it;
 * dropping it from a request is safe (the server no longer relies on it).
 */
function compareDiscriminators(
  b: Node | undefined,
  h: Node | undefined,
  subject: string,
  request: boolean,
  at: (rule: string, level: Level, message: string) => void,
): void {
  if (!b && !h) return;
  const name = (d: Node | undefined) => (typeof d?.propertyName === 'string' ? d.propertyName : undefined);
  if (!b) {
    at('discriminator-added', false, `${subject} now names \`${name(h) ?? '?'}\` as the property telling its variants apart.`);
    return;
  }
  if (!h) {
    at(
      'discriminator-removed',
      request ? 'non-breaking' : 'possibly-breaking',
      `${subject} no longer names \`${name(b) ?? '?'}\` as the property telling its variants apart` +
        (request ? '.' : '; clients that pick the variant by it must check the variants themselves.'),
    );
    return;
  }
  if (name(b) !== name(h)) {
    at(
      'discriminator-property-changed',
      'possibly-breaking',
      `${subject} is told apart by \`${name(h) ?? '?'}\` instead of \`${name(b) ?? '?'}\`; code that picks the variant by the old property must follow.`,
    );
  } else if (!sameJson(b.mapping, h.mapping)) {
    at(
      'discriminator-mapping-changed',
      'possibly-breaking',
      `The values of \`${name(h) ?? '?'}\` that select each variant of ${subject} changed; review the mapping.`,
    );
  }
}

const XML_FIELDS = ['name', 'namespace', 'prefix', 'attribute', 'wrapped'] as const;

/**
 * XML rules (XML bodies only): the `xml` keyword decides element and attribute names, namespaces
 * and array wrapping on the wire, so any change to it makes old documents and new ones differ, in
 * either direction.
 * @see https://spec.openapis.org/oas/v3.1.0#xml-object
 */
function compareXml(
  b: Node | undefined,
  h: Node | undefined,
  subject: string,
  at: (rule: string, level: Level, message: string) => void,
): void {
  for (const field of XML_FIELDS) {
    const from = b?.[field];
    const to = h?.[field];
    // `attribute` and `wrapped` default to false: spelling the default out changes nothing.
    const flag = field === 'attribute' || field === 'wrapped';
    if (sameJson(from ?? (flag ? false : undefined), to ?? (flag ? false : undefined))) continue;
    at(
      `xml-${field}-changed`,
      true,
      `The XML ${field} of ${subject} changed from ${from === undefined ? '(default)' : show(from)} to ${to === undefined ? '(default)' : show(to)}; ` +
        'XML documents written for one no longer match the other.',
    );
  }
}
