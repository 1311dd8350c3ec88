/**
 * Request validation with the schemas compiled from the spec: path parameters (a value outside the
 * schema is a 404, as for any id that names nothing), query parameters (coerced from text by the
 * schema's type; a scalar one given twice is refused) and bodies. Schema messages become readable
 * messages that name the field, in the envelope the operation documents for its 422.
 * @see https://ajv.js.org/api.html#validation-errors
 */
import { resolveRef, type OpenAPIDocument, type OperationInfo, type SpecValidator } from '@identitycall/openapi';
import { ApiError, notFound } from '../errors/api-error.js';
import { SANDBOX_MESSAGES } from '../errors/messages.js';
import { requestFields } from './schema-fields.js';

/** How an operation reports invalid input: `errors` (model validation) or `error` (parameter check). */
export type EnvelopeStyle = 'errors' | 'error';

/** Validation bound to one compiled spec. */
export interface RequestValidation {
  /** Path parameters as their schema types; throws 404 when one fits no schema. */
  pathParams(op: OperationInfo, raw: Record<string, string>): Record<string, number | string>;
  /** Documented query parameters, coerced, with the schema's default for an absent one; throws the operation's invalid-input error. */
  query(op: OperationInfo, search: URLSearchParams): Record<string, unknown>;
  /** Readable messages for a body that fails the operation's request schema (empty when valid). */
  bodyErrors(op: OperationInfo, body: unknown, contentType?: string): string[];
  /** The error for invalid input, in the envelope and status the operation documents. */
  invalidInput(op: OperationInfo, messages: string[]): ApiError;
  /** The envelope style of the operation's documented invalid-input response. */
  styleOf(op: OperationInfo): EnvelopeStyle;
  /** The message for a blank `field`, in the operation's style (`Name can't be blank`). */
  blankMessages(op: OperationInfo, field: string): string[];
  /** The fields the operation's JSON request schema names (what a body may set). */
  bodyFields(op: OperationInfo): readonly string[];
}

const TYPE_WORDS: Record<string, string> = {
  boolean: 'a boolean',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const humanise = (field: string): string => {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Field path of an instance path: `/virtual_numbers/0/id` → `virtual_numbers[0].id`. */
const fieldOf = (where: string, property?: string): string => {
  const parts = where === '(root)' ? [] : where.split('/').slice(1);
  if (property !== undefined) parts.push(property);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
};

const NOISE = [/ must match exactly one schema in oneOf$/, / must match a schema in anyOf$/, / must match "(then|else)" schema$/];

/**
 * Turns the spec validator's messages (`/active must be boolean`) into messages that name the
 * field: `Active must be a boolean` (model style, like the documented `Name can't be blank`) or
 * `active must be a boolean` (parameter style, like the documented `phone_number is required`).
 */
export function translateMessages(raw: readonly string[], style: EnvelopeStyle): string[] {
  const specific = raw.filter((m) => !NOISE.some((n) => n.test(m)));
  const out = new Set<string>();
  for (const message of specific.length > 0 ? specific : raw) {
    const m = /^(\(root\)|\/\S*) (.*)$/.exec(message);
    if (!m) {
      out.add(message);
      continue;
    }
    const [, where, rest] = m as unknown as [string, string, string];
    const required = /^must have required property '(.+)'$/.exec(rest);
    const field = fieldOf(where, required?.[1]);
    if (field === '' && /^must be /.test(rest)) {
      out.add(SANDBOX_MESSAGES.bodyNotObject);
      continue;
    }
    const name = style === 'errors' ? humanise(field) : field;
    const blank = required || rest === 'must match pattern "\\S"';
    if (blank) {
      out.add(style === 'errors' ? `${name} can't be blank` : `${name} is required`);
      continue;
    }
    const allowed = /^must be equal to one of the allowed values (\[.*\])$/.exec(rest);
    if (allowed) {
      let values: unknown[] = [];
      try {
        values = JSON.parse(allowed[1]!) as unknown[];
      } catch {
        values = [];
      }
      out.add(`${name} is not one of: ${values.map(String).join(', ')}`);
      continue;
    }
    const type = /^must be ([a-z]+(?:,[a-z]+)*)$/.exec(rest);
    if (type) {
      const words = type[1]!.split(',').map((t) => TYPE_WORDS[t] ?? t);
      out.add(`${name} must be ${words.join(' or ')}`);
      continue;
    }
    if (/^must match format "/.test(rest)) {
      out.add(`${name} is invalid`);
      continue;
    }
    out.add(field === '' ? rest : `${name} ${rest}`);
  }
  return [...out];
}

/** Candidate typed values for a text parameter, most specific first. */
function candidates(raw: string): unknown[] {
  const out: unknown[] = [];
  if (/^-?\d+(\.\d+)?$/.test(raw) && raw.length <= 20) out.push(Number(raw));
  if (raw === 'true' || raw === 'false') out.push(raw === 'true');
  out.push(raw);
  return out;
}

/** Creates the request validation for `doc`, using `validator`'s compiled schemas. */
export function createRequestValidation(doc: OpenAPIDocument, validator: SpecValidator): RequestValidation {
  const styles = new Map<string, { status: number; style: EnvelopeStyle }>();
  const bodyFields = new Map<string, readonly string[]>();

  const envelopeOf = (op: OperationInfo): { status: number; style: EnvelopeStyle } => {
    let found = styles.get(op.operationId);
    if (found) return found;
    // Neither 422 nor 400 documented (List Recordings, Search Available Numbers): the Errors
    // page's "400 Bad Request (invalid request parameters)" in the generic envelope.
    found = { status: 400, style: 'error' };
    for (const status of [422, 400]) {
      if (!op.responses.some((r) => r.status === String(status))) continue;
      if (validator.validateResponse(op.operationId, status, { errors: ['x'] }).valid) {
        found = { status, style: 'errors' };
        break;
      }
      if (validator.validateResponse(op.operationId, status, { error: 'x' }).valid) {
        found = { status, style: 'error' };
        break;
      }
    }
    styles.set(op.operationId, found);
    return found;
  };

  const invalidInput = (op: OperationInfo, messages: string[]): ApiError => {
    const { status, style } = envelopeOf(op);
    return new ApiError(status, style === 'errors' ? { errors: messages } : { error: messages.join('; ') });
  };

  /** The first candidate that fits `schema`, or the messages of the most specific one. */
  const coerce = (raw: string, schema: unknown): { value: unknown } | { errors: string[] } => {
    const resolved = resolveRef<Record<string, unknown> | boolean>(doc, schema);
    let first: string[] | undefined;
    for (const value of candidates(raw)) {
      const result = validator.validate(resolved, value);
      if (result.valid) return { value };
      first ??= result.errors;
    }
    return { errors: first ?? [] };
  };

  return {
    pathParams(op, raw) {
      const out: Record<string, number | string> = {};
      for (const p of op.parameters) {
        if (p.in !== 'path') continue;
        const text = raw[p.name];
        if (text === undefined) throw notFound();
        if (p.schema === undefined) {
          out[p.name] = text;
          continue;
        }
        const result = coerce(text, p.schema);
        if (!('value' in result)) throw notFound();
        out[p.name] = result.value as number | string;
      }
      return out;
    },
    query(op, search) {
      const out: Record<string, unknown> = {};
      const errors: string[] = [];
      const { style } = envelopeOf(op);
      for (const p of op.parameters) {
        if (p.in !== 'query') continue;
        const given = search.getAll(p.name);
        const resolved = p.schema === undefined ? undefined : resolveRef<Record<string, unknown> | boolean>(doc, p.schema);
        // A scalar parameter repeated is a list (OpenAPI's form style), which its schema refuses;
        // reading one of the values would hide the client's bug (B20).
        if (given.length > 1 && !(typeof resolved === 'object' && resolved.type === 'array')) {
          errors.push(...translateMessages([`/${p.name} must be given once, not ${given.length} times`], style));
          continue;
        }
        const text = given[0] ?? null;
        if (text === null) {
          if (p.required) errors.push(...translateMessages([`(root) must have required property '${p.name}'`], style));
          // An absent parameter takes its schema's default (page 1, per_page 20, …), as the spec says.
          if (typeof resolved === 'object' && resolved.default !== undefined) out[p.name] = resolved.default;
          continue;
        }
        if (p.schema === undefined) {
          out[p.name] = text;
          continue;
        }
        const result = coerce(text, p.schema);
        if ('value' in result) out[p.name] = result.value;
        else
          errors.push(
            ...translateMessages(
              result.errors.map((e) => e.replace(/^\(root\)/, `/${p.name}`)),
              style,
            ),
          );
      }
      if (errors.length > 0) throw invalidInput(op, errors);
      return out;
    },
    bodyErrors(op, body, contentType) {
      const result = validator.validateRequestBody(op.operationId, body, contentType);
      return result.valid ? [] : translateMessages(result.errors, envelopeOf(op).style);
    },
    invalidInput,
    styleOf: (op) => envelopeOf(op).style,
    blankMessages: (op, field) => translateMessages([`(root) must have required property '${field}'`], envelopeOf(op).style),
    bodyFields(op) {
      let fields = bodyFields.get(op.operationId);
      if (!fields) {
        fields = Object.freeze(Object.keys(requestFields(doc, op).properties));
        bodyFields.set(op.operationId, fields);
      }
      return fields;
    },
  };
}
