/**
 * Properties whose value can change between two reads of a resource while nobody writes to it
 * (`x-volatile`): they reflect the rest of the account or call activity. A tool that compares one
 * resource across reads — the conformance engine's `partial_update` and
 * `ensure_resource_availability`, a client's cache check — leaves them out, or a second client of
 * the same account (a parallel CI job, a shard, live calls on staging) makes it fail on nothing.
 * @see ../DECISIONS.md (B28)
 */
import { resolveRef, type OpenAPIDocument } from './document.js';
import { getOperation } from './operations.js';

type Schema = { properties?: Record<string, unknown>; allOf?: unknown[]; 'x-volatile'?: unknown };

/** The properties of a schema and of its `allOf` parts, by name, as written (not resolved). */
function propertiesOf(doc: OpenAPIDocument, raw: unknown, seen = new Set<unknown>()): Map<string, unknown> {
  const schema = resolveRef<Schema>(doc, raw);
  const out = new Map<string, unknown>();
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return out;
  seen.add(schema);
  for (const part of schema.allOf ?? []) for (const [k, v] of propertiesOf(doc, part, seen)) out.set(k, v);
  for (const [k, v] of Object.entries(schema.properties ?? {})) out.set(k, v);
  return out;
}

/** Whether a property, on itself or on the schema it references, is marked `x-volatile: true`. */
function isVolatile(doc: OpenAPIDocument, raw: unknown): boolean {
  if ((raw as Schema | undefined)?.['x-volatile'] === true) return true;
  return resolveRef<Schema | undefined>(doc, raw)?.['x-volatile'] === true;
}

/**
 * The `x-volatile` properties of the resource an operation answers with: the `data` object of its
 * success (2xx) JSON response, or the response body itself when it has no `data`.
 * @throws Error naming the operation when it has no success JSON response.
 */
export function volatileFields(doc: OpenAPIDocument, operationId: string): string[] {
  let byOperation = cache.get(doc);
  if (!byOperation) cache.set(doc, (byOperation = new Map()));
  let fields = byOperation.get(operationId);
  if (!fields) byOperation.set(operationId, (fields = readVolatileFields(doc, operationId)));
  return [...fields];
}

/** Per document and operation: a run compares numbers many times, and the spec does not change. */
const cache = new WeakMap<OpenAPIDocument, Map<string, string[]>>();

function readVolatileFields(doc: OpenAPIDocument, operationId: string): string[] {
  const op = getOperation(doc, operationId);
  const success = op.responses.find((r) => /^2\d\d$/.test(r.status) && r.content.some((m) => m.contentType === 'application/json'));
  const schema = success?.content.find((m) => m.contentType === 'application/json')?.schema;
  if (!schema) throw new Error(`${operationId} has no success response with a JSON body in the spec`);
  const top = propertiesOf(doc, schema);
  const resource = top.has('data') ? propertiesOf(doc, top.get('data')) : top;
  return [...resource].filter(([, raw]) => isVolatile(doc, raw)).map(([name]) => name);
}

/**
 * `resource` (what `operationId` answers with, or its `data`) without its `x-volatile` properties,
 * for comparing one resource across reads. Anything that is not an object comes back as it is.
 */
export function withoutVolatile<T>(doc: OpenAPIDocument, operationId: string, resource: T): T {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) return resource;
  const drop = new Set(volatileFields(doc, operationId));
  return Object.fromEntries(Object.entries(resource).filter(([k]) => !drop.has(k))) as T;
}
