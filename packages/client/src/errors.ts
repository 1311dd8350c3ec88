/**
 * The client's error classes: one tree, picked by HTTP status, carrying the parsed body and the
 * request that failed — and never the API key.
 * @see https://docs.identitycall.ai/api-reference/errors
 */

/** What every error knows about the request that failed. */
export interface ErrorContext {
  /** HTTP method, upper case. */
  method: string;
  /** Request path below the base URL, e.g. `/operators/42` (no query string). */
  path: string;
}

/** Properties of an HTTP error response. */
export interface APIErrorInit extends ErrorContext {
  status: number;
  body: unknown;
  headers?: Headers;
  /** Seconds to wait, parsed from `Retry-After`. */
  retryAfter?: number;
  /** The messages to report, when they do not come from `body`'s envelope. */
  messages?: string[];
}

/** The messages an error body carries: `{"error": "…"}` or `{"errors": ["…"]}`. */
export function messagesOf(body: unknown): string[] {
  if (body && typeof body === 'object') {
    const { error, errors } = body as { error?: unknown; errors?: unknown };
    if (Array.isArray(errors)) return errors.filter((e): e is string => typeof e === 'string');
    if (typeof error === 'string') return [error];
  }
  if (typeof body === 'string' && body.trim() !== '') return [body.trim().slice(0, 500)];
  return [];
}

/**
 * Base class of every error the client throws. HTTP errors have a numeric `status`; connection
 * problems, timeouts and aborts have `status: undefined`.
 */
export class IdentityCallError extends Error {
  override readonly name: string = 'IdentityCallError';
  /** HTTP status, or undefined when no response arrived. */
  readonly status: number | undefined;
  /** The parsed response body (JSON when it was JSON, otherwise text). */
  readonly body: unknown;
  /** The error messages from the body (`error`, or every entry of `errors`). */
  readonly messages: string[];
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Path of the failed request below the base URL. */
  readonly path: string;
  /** Seconds the server asked to wait (`Retry-After`), when it said so. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: Partial<APIErrorInit> & ErrorContext, options?: { cause?: unknown }) {
    super(message, options);
    this.status = init.status;
    this.body = init.body;
    this.messages = init.messages ?? messagesOf(init.body);
    this.method = init.method;
    this.path = init.path;
    this.retryAfter = init.retryAfter;
  }

  /** A plain object for logs: status, messages, request and body — never credentials. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      messages: this.messages,
      method: this.method,
      path: this.path,
      retryAfter: this.retryAfter,
      body: this.body,
    };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

function describeHttp(init: APIErrorInit): string {
  const messages = messagesOf(init.body);
  const detail = messages.length > 0 ? messages.join('; ') : 'no error message in the response';
  return `${init.status} ${detail} (${init.method} ${init.path})`;
}

/** The server answered with an error status not covered by a more specific class. */
export class APIError extends IdentityCallError {
  override readonly name: string = 'APIError';
  declare readonly status: number;
  constructor(init: APIErrorInit) {
    super(describeHttp(init), init);
  }
}

/** 400: the request was malformed. */
export class BadRequestError extends APIError {
  override readonly name = 'BadRequestError';
}
/** 401: the API key is missing, unknown, revoked or expired. */
export class AuthenticationError extends APIError {
  override readonly name = 'AuthenticationError';
}
/** 403: the key lacks the permission, or its project scope forbids the action. */
export class PermissionError extends APIError {
  override readonly name = 'PermissionError';
}
/** 404: the resource does not exist or is outside the key's project. */
export class NotFoundError extends APIError {
  override readonly name = 'NotFoundError';
}
/** 422: the input failed validation; `errors` lists each message. */
export class ValidationError extends APIError {
  override readonly name = 'ValidationError';
  /** Every validation message (same as `messages`). */
  get errors(): string[] {
    return this.messages;
  }
}
/** 429: the rate limit was exceeded; `retryAfter` says how long to wait, in seconds. */
export class RateLimitError extends APIError {
  override readonly name = 'RateLimitError';
}
/** 5xx: the server failed. */
export class InternalServerError extends APIError {
  override readonly name = 'InternalServerError';
}

/** Picks the error class for an HTTP status. */
export function errorForStatus(init: APIErrorInit): APIError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new AuthenticationError(init);
    case 403:
      return new PermissionError(init);
    case 404:
      return new NotFoundError(init);
    case 422:
      return new ValidationError(init);
    case 429:
      return new RateLimitError(init);
    default:
      return init.status >= 500 ? new InternalServerError(init) : new APIError(init);
  }
}

/** Properties of a response the client could not read as documented. */
export interface APIResponseErrorInit extends ErrorContext {
  status: number;
  /** The response's `Content-Type`, when it had one. */
  contentType: string | undefined;
  /** What was wrong, e.g. "expected JSON with a `data` field, got text/html (1,234 bytes): <!doctype html>…". */
  problem: string;
  /** The start of the body (at most 500 characters, the API key masked). */
  body: string;
  retryAfter?: number;
}

/**
 * The server answered, but not in a shape the spec documents for the operation: a success that is
 * not JSON, JSON that does not parse, an empty body where one is documented, or a JSON body without
 * its documented `data` (or `success`) field. `body` holds the start of what arrived. Not retried.
 * (An error status keeps its own class, e.g. {@link NotFoundError}, whatever its body.)
 */
export class APIResponseError extends IdentityCallError {
  override readonly name = 'APIResponseError';
  declare readonly status: number;
  declare readonly body: string;
  /** The response's `Content-Type`, when it had one. */
  readonly contentType: string | undefined;
  constructor(init: APIResponseErrorInit) {
    super(`Unexpected response to ${init.method} ${init.path} (${init.status}): ${init.problem}`, { ...init, messages: [init.problem] });
    this.contentType = init.contentType;
  }
}

/** Why {@link UploadValidationError} refused a file. */
export type UploadProblem = 'input' | 'format' | 'size' | 'empty' | 'unreadable';

/**
 * The recording upload was refused before anything was sent: the input kind is not supported,
 * the format is not one the API documents, the file is empty or over its format's size limit, or
 * a file path could not be read. `problem` says which.
 */
export class UploadValidationError extends IdentityCallError {
  override readonly name = 'UploadValidationError';
  declare readonly status: undefined;
  /** What was wrong with the file. */
  readonly problem: UploadProblem;
  constructor(problem: UploadProblem, message: string, cause?: unknown) {
    super(message, { method: 'POST', path: '/recordings' }, { cause });
    this.problem = problem;
  }
}

/**
 * Parses `Retry-After`: delay-seconds or an HTTP date, as seconds from `now` (never negative).
 * @returns undefined for a missing or unreadable header.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
