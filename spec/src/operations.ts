/**
 * An index of the document's operations: method, path, permission, parameters, request body and
 * documented responses, looked up by `operationId`.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */
import { resolveRef, type JsonSchema, type OpenAPIDocument } from './document.js';
import { isPermission, type Permission } from './permissions.js';

/** The HTTP methods OpenAPI allows on a path item. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A documented example: its name and value. */
export interface NamedExample {
  name: string;
  value: unknown;
}

/** One media type of a request body or response. */
export interface MediaInfo {
  contentType: string;
  schema: JsonSchema | undefined;
  examples: NamedExample[];
  /** The largest body accepted, in bytes (`x-max-bytes`), when the spec sets one. */
  maxBytes?: number;
}

/** One documented response of an operation. */
export interface ResponseInfo {
  status: string;
  description: string;
  headers: Record<string, { required: boolean; schema: JsonSchema | undefined }>;
  content: MediaInfo[];
}

/** One parameter of an operation (path-item parameters included). */
export interface ParameterInfo {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema | undefined;
  examples: NamedExample[];
  /**
   * The server also reads this query parameter from a JSON body of the request (`x-also-in-body`,
   * DECISIONS.md B15, B27); such an operation answers the JSON body's 400 and 413 too.
   */
  alsoInBody: boolean;
}

/** Provenance of an operation: the docs page and what the spec infers rather than reads there. */
export interface DocsProvenance {
  url: string;
  inferred: string[];
}

/** Everything the toolkit needs to know about one operation. */
export interface OperationInfo {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  /** The permission `x-permission` names (undefined when the operation has none or an unknown one). */
  permission: Permission | undefined;
  secured: boolean;
  parameters: ParameterInfo[];
  requestBody: { required: boolean; content: MediaInfo[] } | undefined;
  responses: ResponseInfo[];
  docs: DocsProvenance | undefined;
}

function examplesOf(doc: OpenAPIDocument, holder: Record<string, unknown>): NamedExample[] {
  const out: NamedExample[] = [];
  const named = holder.examples as Record<string, unknown> | undefined;
  if (named && typeof named === 'object') {
    for (const [name, ex] of Object.entries(named)) {
      const resolved = resolveRef<{ value?: unknown }>(doc, ex);
      if (resolved && 'value' in resolved) out.push({ name, value: resolved.value });
    }
  }
  if ('example' in holder) out.push({ name: 'example', value: holder.example });
  return out;
}

function mediaOf(doc: OpenAPIDocument, content: unknown): MediaInfo[] {
  if (!content || typeof content !== 'object') return [];
  return Object.entries(content as Record<string, Record<string, unknown>>).map(([contentType, media]) => ({
    contentType,
    schema: media.schema as JsonSchema | undefined,
    examples: examplesOf(doc, media),
    ...(Number.isInteger(media['x-max-bytes']) ? { maxBytes: media['x-max-bytes'] as number } : {}),
  }));
}

function parameterOf(doc: OpenAPIDocument, raw: unknown): ParameterInfo {
  const p = resolveRef<Record<string, unknown>>(doc, raw);
  return {
    name: String(p.name),
    in: p.in as ParameterInfo['in'],
    required: p.required === true,
    schema: p.schema as JsonSchema | undefined,
    examples: examplesOf(doc, p),
    alsoInBody: p['x-also-in-body'] === true,
  };
}

/** Lists every operation of `doc` in document order. */
export function listOperations(doc: OpenAPIDocument): OperationInfo[] {
  const globalSecurity = (doc.security as unknown[] | undefined) ?? [];
  const ops: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolveRef<Record<string, unknown>>(doc, rawItem);
    const shared = ((item.parameters as unknown[]) ?? []).map((p) => parameterOf(doc, p));
    for (const method of HTTP_METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const own = ((op.parameters as unknown[]) ?? []).map((p) => parameterOf(doc, p));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const body = op.requestBody ? resolveRef<Record<string, unknown>>(doc, op.requestBody) : undefined;
      const responses = Object.entries((op.responses as Record<string, unknown>) ?? {}).map(([status, raw]) => {
        const r = resolveRef<Record<string, unknown>>(doc, raw);
        const headers: ResponseInfo['headers'] = {};
        for (const [name, h] of Object.entries((r.headers as Record<string, unknown>) ?? {})) {
          const header = resolveRef<Record<string, unknown>>(doc, h);
          headers[name.toLowerCase()] = { required: header.required === true, schema: header.schema as JsonSchema };
        }
        return { status, description: String(r.description ?? ''), headers, content: mediaOf(doc, r.content) };
      });
      const security = (op.security as unknown[] | undefined) ?? globalSecurity;
      ops.push({
        operationId: String(op.operationId),
        method,
        path,
        summary: String(op.summary ?? ''),
        tags: (op.tags as string[]) ?? [],
        permission: isPermission(op['x-permission']) ? op['x-permission'] : undefined,
        secured: security.some((req) => req && Object.keys(req as object).length > 0),
        parameters,
        requestBody: body ? { required: body.required === true, content: mediaOf(doc, body.content) } : undefined,
        responses,
        docs: op['x-docs'] as DocsProvenance | undefined,
      });
    }
  }
  return ops;
}

/**
 * Finds the operation with `operationId`.
 * @throws Error naming the unknown id.
 */
export function getOperation(doc: OpenAPIDocument, operationId: string): OperationInfo {
  const op = listOperations(doc).find((o) => o.operationId === operationId);
  if (!op) throw new Error(`No operation with operationId "${operationId}" in the spec`);
  return op;
}
