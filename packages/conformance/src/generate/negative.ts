/**
 * Invalid inputs derived from the schemas: for every property a value of the wrong type, outside
 * its bounds, outside its enum, against its pattern or format; every required field left out; a
 * body that is not an object; and for parameters the same, plus path ids that cannot be ids. Each
 * candidate is kept only when the spec's validator rejects it, so every negative case is negative.
 */
import { resolveRef, type JsonSchema, type OpenAPIDocument, type ParameterInfo, type SpecValidator } from '@identitycall/openapi';

type Schema = Record<string, unknown>;

/** One invalid variant of a valid input. */
export interface Mutation {
  /** Stable id, e.g. `body.active:wrong-type`. */
  id: string;
  /** What is wrong, in words. */
  title: string;
  value: unknown;
}

const typesOf = (s: Schema): string[] => (Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : []);

/** A value of another type than every type of `s`. */
function wrongType(s: Schema): unknown {
  const types = typesOf(s);
  if (!types.includes('string')) return 'not-a-valid-value';
  if (!types.includes('integer') && !types.includes('number')) return 12345;
  return { unexpected: true };
}

/** Invalid values for a property schema, each with a name. */
function badValues(doc: OpenAPIDocument, raw: JsonSchema): Array<[string, string, unknown]> {
  const s = resolveRef<Schema>(doc, raw);
  if (typeof s !== 'object') return [];
  const out: Array<[string, string, unknown]> = [];
  if (typesOf(s).length > 0) out.push(['wrong-type', 'a value of the wrong type', wrongType(s)]);
  if (Array.isArray(s.enum)) out.push(['unknown-enum', 'a value outside its enum', 'not-a-documented-value']);
  if (typeof s.minimum === 'number')
    out.push(['below-minimum', `a value below its minimum ${s.minimum}`, typesOf(s).includes('integer') ? s.minimum - 1 : s.minimum - 0.5]);
  if (typeof s.maximum === 'number' && s.maximum < Number.MAX_SAFE_INTEGER)
    out.push(['above-maximum', `a value above its maximum ${s.maximum}`, typesOf(s).includes('integer') ? s.maximum + 1 : s.maximum + 0.5]);
  if (typeof s.pattern === 'string')
    out.push(['pattern', `a value against its pattern ${s.pattern}`, s.pattern === '\\S' ? '   ' : '!not matching!']);
  if (typeof s.minLength === 'number' && s.minLength > 0)
    out.push(['too-short', 'a value shorter than its minLength', ''.padEnd(s.minLength - 1, 'x')]);
  if (typeof s.format === 'string' && ['email', 'uuid', 'date-time'].includes(s.format))
    out.push(['format', `a value that is not a valid ${s.format}`, `not-a-${s.format}`]);
  return out;
}

/** Every property of an object schema, through `allOf`, `anyOf` and `oneOf`; and its top-level required list. */
function propertiesOf(doc: OpenAPIDocument, raw: JsonSchema): { properties: Map<string, JsonSchema>; required: string[] } {
  const properties = new Map<string, JsonSchema>();
  const required: string[] = [];
  const visit = (node: JsonSchema, top: boolean) => {
    const s = resolveRef<Schema>(doc, node);
    if (typeof s !== 'object') return;
    for (const [k, v] of Object.entries((s.properties as Record<string, JsonSchema>) ?? {})) if (!properties.has(k)) properties.set(k, v);
    if (top) required.push(...((s.required as string[]) ?? []));
    for (const part of (s.allOf as JsonSchema[]) ?? []) visit(part, top);
    for (const branch of [...((s.anyOf as JsonSchema[]) ?? []), ...((s.oneOf as JsonSchema[]) ?? [])]) visit(branch, false);
  };
  visit(raw, true);
  return { properties, required };
}

/**
 * Invalid variants of the valid JSON body `base` for `schema`, each one rejected by `isValid`.
 * Binary properties (an uploaded file) are left alone.
 */
export function bodyMutations(
  doc: OpenAPIDocument,
  schema: JsonSchema,
  base: Record<string, unknown>,
  isValid: (body: unknown) => boolean,
): Mutation[] {
  const { properties, required } = propertiesOf(doc, schema);
  const out: Mutation[] = [];
  for (const [name, prop] of properties) {
    if (typeof prop === 'object' && 'contentMediaType' in resolveRef<Schema>(doc, prop)) continue;
    for (const [id, title, value] of badValues(doc, prop))
      out.push({ id: `body.${name}:${id}`, title: `${name}: ${title}`, value: { ...base, [name]: value } });
  }
  for (const name of new Set(required)) {
    const { [name]: _left, ...rest } = base;
    out.push({ id: `body.${name}:missing`, title: `required ${name} left out`, value: rest });
  }
  out.push({ id: 'body:array', title: 'a JSON array instead of an object', value: [base] });
  out.push({ id: 'body:string', title: 'a JSON string instead of an object', value: 'not an object' });
  return out.filter((m) => !isValid(m.value));
}

/** A parameter's text value as its schema reads it (numbers and booleans are typed). */
export function typedParam(doc: OpenAPIDocument, p: ParameterInfo, text: string): unknown {
  const s = p.schema === undefined ? {} : resolveRef<Schema>(doc, p.schema);
  const types = typeof s === 'object' ? typesOf(s) : [];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Invalid text values for a query or path parameter, each rejected by its schema. */
export function parameterMutations(doc: OpenAPIDocument, validator: SpecValidator, p: ParameterInfo): Mutation[] {
  if (p.schema === undefined) return [];
  const s = resolveRef<Schema>(doc, p.schema);
  const candidates: Array<[string, string, string]> = [];
  const types = typeof s === 'object' ? typesOf(s) : [];
  if (types.includes('integer') || types.includes('number')) {
    candidates.push(['wrong-type', 'not a number', 'abc']);
    if (types.includes('integer')) candidates.push(['fraction', 'not a whole number', '1.5']);
  }
  for (const [id, title, value] of badValues(doc, p.schema)) {
    if (id === 'wrong-type' || typeof value === 'object') continue;
    candidates.push([id, title, String(value)]);
  }
  if (p.in === 'path' && types.includes('string')) candidates.push(['not-an-id', 'neither a UUID nor a numeric id', 'not-an-id']);
  const seen = new Set<string>();
  return candidates
    .filter(([, , text]) => !seen.has(text) && (seen.add(text), !validator.validate(p.schema!, typedParam(doc, p, text)).valid))
    .map(([id, title, text]) => ({ id: `${p.in}.${p.name}:${id}`, title: `${p.name}: ${title} (${JSON.stringify(text)})`, value: text }));
}
