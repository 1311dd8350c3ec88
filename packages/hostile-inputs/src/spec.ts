/**
 * What the corpus reads from the spec: operations, example paths and bodies, limits, upload
 * formats and the documented messages a case expects. Nothing here is typed in by hand.
 * @see ../../../spec/DECISIONS.md (B18, B21, B23)
 */
import {
  errorMessages,
  jsonBodyLimit,
  listOperations,
  messageTemplate,
  resolveRef,
  responseMessage,
  uploadFormats,
  type JsonSchema,
  type OpenAPIDocument,
  type OperationInfo,
  type ParameterInfo,
  type UploadFormat,
} from '@identitycall/openapi';

/** The spec as the case families use it. */
export interface SpecView {
  doc: OpenAPIDocument;
  operations: OperationInfo[];
  jsonLimit: number;
  payloadTooLarge: string;
  /** A pattern for `MalformedJson`'s template (any text in place of each placeholder). */
  malformedJsonPattern: string;
  notFound: string;
  formats: UploadFormat[];
  upload: OperationInfo;
  /** The path of `servers[0].url`, e.g. `/api/v1/public`. */
  basePath: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads the view of `doc`. */
export function viewOf(doc: OpenAPIDocument): SpecView {
  const server = doc.servers?.[0]?.url;
  const operations = listOperations(doc);
  const upload = operations.find(takesMultipart);
  if (!upload) throw new Error('No operation of the spec takes a multipart/form-data body');
  return {
    doc,
    operations,
    jsonLimit: jsonBodyLimit(doc),
    payloadTooLarge: responseMessage(doc, 'PayloadTooLarge'),
    malformedJsonPattern: `^${messageTemplate(doc, 'MalformedJson')
      .template.split(/\{\w+\}/)
      .map(escapeRegExp)
      .join('[\\s\\S]+')}$`,
    notFound: responseMessage(doc, 'NotFound'),
    formats: uploadFormats(doc),
    upload,
    basePath: server ? new URL(server, 'http://placeholder.invalid').pathname.replace(/\/+$/, '') : '',
  };
}

/** Whether `op` takes a JSON body. */
export const takesJson = (op: OperationInfo) => op.requestBody?.content.some((m) => m.contentType === 'application/json') === true;

/** Whether `op` takes a multipart body. */
export const takesMultipart = (op: OperationInfo) => op.requestBody?.content.some((m) => m.contentType === 'multipart/form-data') === true;

/** The documented example value of a parameter (its first example, else its schema's). */
export function exampleValue(view: SpecView, p: ParameterInfo): string | undefined {
  const value =
    p.examples[0]?.value ??
    resolveRef<{ example?: unknown; examples?: unknown[]; default?: unknown } | undefined>(view.doc, p.schema)?.examples?.[0];
  return value === undefined ? undefined : String(value);
}

/** The values of `id` and `…_id` properties anywhere in `value`, as text. */
function idsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'id' || key.endsWith('_id')) && (typeof v === 'string' || typeof v === 'number')) out.add(String(v));
      else idsIn(v, out);
    }
  }
  return out;
}

/**
 * The value of path parameter `p` in a request to `op`: of its documented examples, the first
 * that `op`'s documented success answers carry as an id (the record the docs show the operation
 * acting on), else its first example. A server seeded from the docs' examples holds that record,
 * so a case broken in one place (its body, a header) is judged on that place, not on a 404 for
 * the id: Update Recording's first id example is a `public_id` no answer of it names, while its
 * answer shows recording 123, its other example.
 */
export function pathExample(view: SpecView, op: OperationInfo, p: ParameterInfo): string | undefined {
  const schema = resolveRef<{ examples?: unknown[] } | undefined>(view.doc, p.schema);
  const candidates = [...p.examples.map((e) => e.value), ...(schema?.examples ?? [])].filter((v) => v !== undefined).map(String);
  const answered = new Set<string>();
  for (const r of op.responses) {
    if (!/^2\d\d$/.test(r.status)) continue;
    for (const media of r.content) for (const example of media.examples) idsIn(example.value, answered);
  }
  return candidates.find((v) => answered.has(v)) ?? candidates[0];
}

/** `op`'s path with each parameter set to `values[name]` (raw, not encoded) or its example ({@link pathExample}). */
export function pathWith(view: SpecView, op: OperationInfo, values: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (values[name] !== undefined) return values[name]!;
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    return encodeURIComponent((p && pathExample(view, op, p)) ?? '1');
  });
}

/** The query of `op`'s required parameters, with their examples (`''` or `?…`). */
export function requiredQuery(view: SpecView, op: OperationInfo, except?: string): string {
  const pairs = op.parameters
    .filter((p) => p.in === 'query' && p.required && p.name !== except)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(exampleValue(view, p) ?? '1')}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** `op`'s first documented JSON request example, as text (`{}` when it has none). */
export function exampleJson(op: OperationInfo): string {
  const media = op.requestBody?.content.find((m) => m.contentType === 'application/json');
  return JSON.stringify(media?.examples[0]?.value ?? {});
}

/** `op`'s first documented multipart request example, as form fields (the file field left out). */
export function exampleFields(op: OperationInfo, fileField: string): Record<string, string> {
  const media = op.requestBody?.content.find((m) => m.contentType === 'multipart/form-data');
  const value = (media?.examples[0]?.value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== fileField)
      .map(([k, v]) => [k, String(v)]),
  );
}

/** The form field that carries the file: the required property whose schema is binary content. */
export function fileFieldOf(view: SpecView): string {
  const media = view.upload.requestBody?.content.find((m) => m.contentType === 'multipart/form-data');
  const schema = resolveRef<{ properties?: Record<string, JsonSchema> }>(view.doc, media?.schema);
  for (const [name, raw] of Object.entries(schema?.properties ?? {})) {
    const prop = resolveRef<Record<string, unknown>>(view.doc, raw);
    if (prop && (prop.contentMediaType !== undefined || prop.format === 'binary')) return name;
  }
  throw new Error(`${view.upload.operationId}: no form property carries a file (contentMediaType or format: binary)`);
}

/** The documented messages of `op`'s `status`, optionally only the examples `names` lists. */
export function messagesOf(op: OperationInfo, status: number, names?: string[]): string[] {
  return errorMessages(op, status, names ? (name) => names.includes(name) : undefined);
}

/** The statuses of `op`'s documented successes. */
export function successStatuses(op: OperationInfo): number[] {
  return op.responses.filter((r) => /^2\d\d$/.test(r.status)).map((r) => Number(r.status));
}

/** The operations on each path template, in document order. */
export function byPath(view: SpecView): Map<string, OperationInfo[]> {
  const out = new Map<string, OperationInfo[]>();
  for (const op of view.operations) out.set(op.path, [...(out.get(op.path) ?? []), op]);
  return out;
}
