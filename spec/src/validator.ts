/**
 * The validator factory: every schema of the document compiled once with Ajv (JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1), looked up by operation and status.
 * @see https://ajv.js.org/json-schema.html#draft-2020-12
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, OpenAPIDocument } from './document.js';
import { listOperations, type MediaInfo, type OperationInfo, type ResponseInfo } from './operations.js';

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

const ROOT_ID = 'https://schemas.identitycall.ai/openapi.json';

/** The outcome of one validation: `errors` are readable one-line messages. */
export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/** Validators compiled from one document. */
export interface SpecValidator {
  /** Every operation of the document. */
  readonly operations: readonly OperationInfo[];
  /** The operation with `operationId`; throws for an unknown id. */
  operation(operationId: string): OperationInfo;
  /**
   * The documented response for `status` (an exact code first, then `4XX`-style ranges, then
   * `default`), or undefined when the status is not documented for the operation.
   */
  response(operationId: string, status: number): ResponseInfo | undefined;
  /** Validates a response body against the schema documented for the operation, status and type. */
  validateResponse(operationId: string, status: number, body: unknown, contentType?: string): ValidationResult;
  /** Validates a request body against the operation's request schema for the content type. */
  validateRequestBody(operationId: string, body: unknown, contentType?: string): ValidationResult;
  /** Validates any value against a schema taken from the document (references resolved). */
  validate(schema: JsonSchema, value: unknown): ValidationResult;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out[key] = `${ROOT_ID}#/$defs/${value.slice('#/components/schemas/'.length)}`;
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties'
        ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
        : e.keyword === 'enum'
          ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
          : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
}

function pickMedia(content: MediaInfo[], contentType: string | undefined): MediaInfo | undefined {
  const wanted = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  return content.find((m) => m.contentType.toLowerCase() === wanted);
}

/** Compiles every schema of `doc` and returns the lookups over it. */
export function createValidator(doc: OpenAPIDocument): SpecValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addKeyword({ keyword: 'example' });
  // Annotation only: a property that can change with no write to its resource (volatile.ts, B28).
  ajv.addKeyword({ keyword: 'x-volatile' });
  ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(doc.components?.schemas ?? {}) } as object);

  const operations = listOperations(doc);
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const compiled = new WeakMap<object, ValidateFunction>();

  const compile = (schema: JsonSchema): ValidateFunction => {
    if (typeof schema === 'boolean') return ajv.compile(schema);
    let fn = compiled.get(schema);
    if (!fn) {
      fn = ajv.compile(rewriteRefs(schema) as object);
      compiled.set(schema, fn);
    }
    return fn;
  };
  const run = (schema: JsonSchema, value: unknown): ValidationResult => {
    const fn = compile(schema);
    const valid = fn(value) as boolean;
    return { valid, errors: valid ? [] : describe(fn.errors) };
  };

  const operation = (operationId: string): OperationInfo => {
    const op = byId.get(operationId);
    if (!op) throw new Error(`No operation with operationId "${operationId}" in the spec`);
    return op;
  };

  const response = (operationId: string, status: number): ResponseInfo | undefined => {
    const { responses } = operation(operationId);
    return (
      responses.find((r) => r.status === String(status)) ??
      responses.find((r) => r.status.toUpperCase() === `${String(status)[0]}XX`) ??
      responses.find((r) => r.status === 'default')
    );
  };

  // Compile everything up front, so a broken schema fails at construction, not mid-run.
  for (const op of operations) {
    for (const m of [...(op.requestBody?.content ?? []), ...op.responses.flatMap((r) => r.content)]) {
      if (m.schema !== undefined) compile(m.schema);
    }
  }

  return {
    operations,
    operation,
    response,
    validateResponse(operationId, status, body, contentType) {
      const documented = response(operationId, status);
      if (!documented) {
        return { valid: false, errors: [`status ${status} is not documented for ${operationId}`] };
      }
      if (documented.content.length === 0) {
        const empty = body === undefined || body === null || body === '';
        return empty
          ? { valid: true, errors: [] }
          : { valid: false, errors: [`status ${status} of ${operationId} is documented without a body`] };
      }
      const media = pickMedia(documented.content, contentType);
      if (!media) {
        return {
          valid: false,
          errors: [`content type ${contentType ?? '(none)'} is not documented for ${operationId} ${status}`],
        };
      }
      return media.schema === undefined ? { valid: true, errors: [] } : run(media.schema, body);
    },
    validateRequestBody(operationId, body, contentType) {
      const op = operation(operationId);
      if (!op.requestBody) return { valid: false, errors: [`${operationId} takes no request body`] };
      const media = pickMedia(op.requestBody.content, contentType);
      if (!media) {
        return { valid: false, errors: [`content type ${contentType ?? '(none)'} is not accepted by ${operationId}`] };
      }
      return media.schema === undefined ? { valid: true, errors: [] } : run(media.schema, body);
    },
    validate: run,
  };
}
