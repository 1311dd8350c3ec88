/**
 * What a success response of each operation must hold (from the spec, through the generated
 * `SUCCESS_BODIES`), and the {@link APIResponseError} for one that does not: its message says what
 * was expected and what arrived, with a short excerpt of the body, the API key masked.
 * @see https://docs.identitycall.ai/api-reference
 */
import { APIResponseError, type ErrorContext } from '../errors.js';
import { SUCCESS_BODIES } from '../generated/spec.gen.js';
import { redactText } from './redact.js';

/** The longest excerpt of a body an error carries in `body`; the message quotes less. */
const BODY_EXCERPT = 500;
const MESSAGE_EXCERPT = 120;

type Bodies = Readonly<Record<string, readonly string[] | null>>;
let routes: [RegExp, Bodies][] | undefined;

/**
 * The fields the success body of `context`'s operation must have at `status`: null when the
 * operation documents no body there, undefined for a request the spec does not describe.
 * An undocumented 2xx status is held to the operation's documented JSON body.
 */
export function expectedFields(context: ErrorContext, status: number): readonly string[] | null | undefined {
  // "GET /operators/{id}" matches "GET /operators/42"; the generated order puts literal paths first.
  routes ??= Object.entries(SUCCESS_BODIES).map(([route, bodies]) => [new RegExp(`^${route.replace(/\{[^}]+\}/g, '[^/]+')}$`), bodies]);
  const request = `${context.method} ${context.path}`;
  const bodies = routes.find(([pattern]) => pattern.test(request))?.[1];
  if (!bodies) return undefined;
  return bodies[status] !== undefined ? bodies[status] : (Object.values(bodies).find((fields) => fields !== null) ?? null);
}

/** Whether a `Content-Type` names JSON (`application/json`, `application/problem+json`, …) or is absent. */
export const isJsonType = (type: string | null): boolean => !type || /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type);

/** A response body the transport read in full, with the request it answers. */
export interface BodyRead {
  context: ErrorContext;
  /** The body as text; empty for a response without a body. */
  text: string;
  /** The body's bytes (UTF-8), encoded once when first needed. */
  bytes(): Uint8Array;
}

/** The start of `text`, the key masked first (so a cut never leaves part of it), at most `max` characters. */
export function excerpt(text: string, secret: string, max: number): string {
  const clean = redactText(text.slice(0, max + secret.length), secret);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Why a body was refused. */
export type BodyProblem = 'empty' | 'type' | 'parse' | 'fields';

/** The error for a response whose body is not the one the spec documents for its operation. */
export function unexpectedBody(read: BodyRead, response: Response, secret: string, problem: BodyProblem): APIResponseError {
  const names = expectedFields(read.context, response.status)?.map((f) => `\`${f}\``) ?? [];
  const expected =
    names.length === 0 ? 'JSON' : `JSON with ${names.length === 1 ? `a ${names[0]} field` : `${names.join(' and ')} fields`}`;
  const contentType = response.headers.get('content-type') ?? undefined;
  const { text } = read;
  const got =
    problem === 'empty'
      ? 'an empty body'
      : `${contentType ?? 'no Content-Type'} (${read.bytes().byteLength.toLocaleString('en-US')} bytes)${problem === 'parse' ? ' that does not parse' : problem === 'fields' ? ` without ${names.length > 1 ? 'them' : 'it'}` : ''}: ${excerpt(text.replace(/\s+/g, ' ').trim(), secret, MESSAGE_EXCERPT)}`;
  return new APIResponseError({
    ...read.context,
    status: response.status,
    contentType,
    problem: `expected ${expected}, got ${got}`,
    body: excerpt(text, secret, BODY_EXCERPT),
  });
}

/**
 * The APIResponseError for a success whose parsed body `data` is not what its operation documents
 * (empty, not JSON, or without a documented top-level field); undefined when it is, or when the
 * spec documents no body for it or does not describe the request.
 */
export function checkSuccess(read: BodyRead, response: Response, data: unknown, secret: string): APIResponseError | undefined {
  const fields = expectedFields(read.context, response.status);
  if (!fields) return undefined;
  const problem: BodyProblem | undefined =
    data === undefined
      ? 'empty'
      : !isJsonType(response.headers.get('content-type'))
        ? 'type'
        : !data || typeof data !== 'object' || Array.isArray(data) || fields.some((f) => !(f in data))
          ? 'fields'
          : undefined;
  return problem && unexpectedBody(read, response, secret, problem);
}
