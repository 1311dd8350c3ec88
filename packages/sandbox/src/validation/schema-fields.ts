/**
 * The fields of an object schema of the spec, following `$ref`, `allOf` and the branches of
 * `anyOf`/`oneOf`: what the sandbox reads
 * to know which fields a request may set, or which a record mirrors, instead of listing them.
 * @see https://json-schema.org/understanding-json-schema/reference/combining#allOf
 */
import { getOperation, resolveRef, type JsonSchema, type OpenAPIDocument } from '@identitycall/openapi';

/** The properties of an object schema and the names it requires. */
export interface SchemaFields {
  properties: Record<string, JsonSchema>;
  required: Set<string>;
}

/**
 * The fields of `schema` (a schema of `doc`, or a reference into it). The branches of `anyOf` and
 * `oneOf` add their properties (a body may take either shape) but not their required names.
 */
export function schemaFields(doc: OpenAPIDocument, schema: unknown): SchemaFields {
  const s = resolveRef<Record<string, unknown>>(doc, schema);
  const out: SchemaFields = { properties: {}, required: new Set() };
  if (!s || typeof s !== 'object') return out;
  for (const part of (s.allOf as unknown[] | undefined) ?? []) {
    const inner = schemaFields(doc, part);
    Object.assign(out.properties, inner.properties);
    for (const r of inner.required) out.required.add(r);
  }
  for (const branch of [...((s.anyOf as unknown[] | undefined) ?? []), ...((s.oneOf as unknown[] | undefined) ?? [])]) {
    Object.assign(out.properties, schemaFields(doc, branch).properties);
  }
  Object.assign(out.properties, (s.properties as Record<string, JsonSchema> | undefined) ?? {});
  for (const r of (s.required as string[] | undefined) ?? []) out.required.add(r);
  return out;
}

/** The JSON request body fields of an operation, or none when it takes no JSON body. */
export function requestFields(
  doc: OpenAPIDocument,
  op: { requestBody?: { content: Array<{ contentType: string; schema: unknown }> } | undefined },
  contentType = 'application/json',
): SchemaFields {
  const media = op.requestBody?.content.find((m) => m.contentType === contentType);
  return media ? schemaFields(doc, media.schema) : { properties: {}, required: new Set() };
}

/**
 * The `default` the spec gives a field of an operation's request body (what the server uses when
 * the field is not sent).
 * @throws Error when the spec gives none: the sandbox would otherwise invent one.
 */
export function requestDefault(doc: OpenAPIDocument, operationId: string, field: string, contentType = 'application/json'): unknown {
  const schema = requestFields(doc, getOperation(doc, operationId), contentType).properties[field];
  const value = schema === undefined ? undefined : resolveRef<Record<string, unknown>>(doc, schema).default;
  if (value === undefined)
    throw new Error(`The spec gives ${operationId}'s ${contentType} field "${field}" no default, which the sandbox needs`);
  return value;
}
