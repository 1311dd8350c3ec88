/**
 * Requests built from the spec alone: path parameters from their examples, bodies from the
 * documented request examples, and bodies made invalid on purpose from the request schema.
 */
import type { JsonSchema, OperationInfo, ParameterInfo } from '@identitycall/openapi';

/** Options of {@link buildRequest}. */
export interface BuildOptions {
  baseUrl: string;
  /** Bearer key, or undefined to send no Authorization header. */
  apiKey: string | undefined;
  /** JSON body to send instead of the first documented example. */
  body?: unknown;
  /** Raw body text, sent as is with the JSON content type. */
  rawBody?: string;
  /** Value for every path parameter instead of its example (e.g. an id that cannot exist). */
  pathValue?: string | number;
  headers?: Record<string, string>;
}

function exampleOf(p: ParameterInfo): unknown {
  if (p.examples.length > 0) return p.examples[0]!.value;
  const schema = (typeof p.schema === 'object' ? p.schema : {}) as { examples?: unknown[]; default?: unknown; type?: unknown };
  return schema.examples?.[0] ?? schema.default ?? (schema.type === 'integer' ? 1 : 'x');
}

/** The documented example body of the operation (first example of its first media type). */
export function exampleBody(op: OperationInfo): { contentType: string; value: unknown } | undefined {
  const media = op.requestBody?.content[0];
  if (!media) return undefined;
  return { contentType: media.contentType, value: media.examples[0]?.value ?? {} };
}

/** A tiny audio file for multipart bodies: the MP3 frame header is enough for format sniffing. */
export function sampleAudio(): Blob {
  return new Blob([new Uint8Array([0xff, 0xfb, 0x90, 0x64, ...new Array<number>(412).fill(0)])], { type: 'audio/mpeg' });
}

function multipart(value: unknown): FormData {
  const form = new FormData();
  for (const [key, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    if (v !== undefined && v !== null && key !== 'file') form.append(key, String(v));
  }
  form.append('file', sampleAudio(), 'call-recording.mp3');
  return form;
}

/** Builds a `Request` for `op` from the spec. */
export function buildRequest(op: OperationInfo, options: BuildOptions): Request {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    if (p.in === 'path') {
      path = path.replace(`{${p.name}}`, encodeURIComponent(String(options.pathValue ?? exampleOf(p))));
    } else if (p.in === 'query' && p.required) {
      query.set(p.name, String(exampleOf(p)));
    }
  }
  const headers = new Headers(options.headers);
  if (options.apiKey !== undefined) headers.set('authorization', `Bearer ${options.apiKey}`);
  let body: BodyInit | undefined;
  const example = exampleBody(op);
  if (options.rawBody !== undefined) {
    body = options.rawBody;
    headers.set('content-type', 'application/json');
  } else if (example) {
    const value = 'body' in options ? options.body : example.value;
    if (example.contentType === 'multipart/form-data') {
      body = multipart(value);
    } else {
      body = JSON.stringify(value);
      headers.set('content-type', example.contentType);
    }
  }
  const qs = query.toString();
  return new Request(`${options.baseUrl}${path}${qs ? `?${qs}` : ''}`, { method: op.method.toUpperCase(), headers, body });
}

function typeOf(schema: JsonSchema | undefined): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const t = (schema as { type?: unknown }).type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string) : (t as string | undefined);
}

/**
 * A JSON body the operation's schema rejects: the first property with a declared type gets a
 * value of another type. Undefined when the schema declares no typed property.
 */
export function invalidBody(op: OperationInfo, resolve: (schema: JsonSchema) => JsonSchema): { body: unknown; field: string } | undefined {
  const media = op.requestBody?.content.find((m) => m.contentType === 'application/json');
  if (!media?.schema) return undefined;
  const example = (exampleBody(op)?.value ?? {}) as Record<string, unknown>;
  // Properties of the schema itself, then of its allOf/oneOf/anyOf branches.
  const queue = [resolve(media.schema)];
  while (queue.length > 0) {
    const schema = queue.shift() as { properties?: Record<string, JsonSchema>; allOf?: JsonSchema[]; oneOf?: JsonSchema[]; anyOf?: JsonSchema[] };
    for (const [field, raw] of Object.entries(schema?.properties ?? {})) {
      const type = typeOf(resolve(raw));
      if (!type) continue;
      const wrong = type === 'boolean' ? 'not-a-boolean' : type === 'string' ? 12345 : type === 'integer' || type === 'number' ? 'not-a-number' : 42;
      return { body: { ...example, [field]: wrong }, field };
    }
    for (const branch of [...(schema?.allOf ?? []), ...(schema?.oneOf ?? []), ...(schema?.anyOf ?? [])]) queue.push(resolve(branch));
  }
  return undefined;
}
