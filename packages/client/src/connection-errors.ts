/**
 * Errors for requests that got no HTTP response: the connection failed, the attempt timed out, or
 * the caller aborted it.
 * @see https://developer.mozilla.org/docs/Web/API/AbortSignal
 */
import { IdentityCallError, type ErrorContext } from './errors.js';

function reason(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    const code = inner && typeof inner === 'object' ? (inner as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}

/** No response arrived: DNS, refused connection, reset, TLS failure… Retried for safe requests. */
export class APIConnectionError extends IdentityCallError {
  override readonly name: string = 'APIConnectionError';
  declare readonly status: undefined;
  constructor(context: ErrorContext, cause?: unknown, message?: string) {
    super(message ?? `Connection error: ${reason(cause)} (${context.method} ${context.path})`, context, { cause });
  }
}

/**
 * An attempt got no complete response within `timeout` ms. A kind of {@link APIConnectionError},
 * and retried like one; thrown when the last attempt timed out.
 */
export class APITimeoutError extends APIConnectionError {
  override readonly name = 'APITimeoutError';
  /** The per-attempt timeout that ran out, in ms. */
  readonly timeout: number;
  constructor(context: ErrorContext, timeout: number) {
    super(context, undefined, `Request timed out after ${timeout} ms (${context.method} ${context.path})`);
    this.timeout = timeout;
  }
}

/** The caller's `AbortSignal` aborted the request (or the wait before a retry). Never retried. */
export class APIUserAbortError extends IdentityCallError {
  override readonly name = 'APIUserAbortError';
  declare readonly status: undefined;
  constructor(context: ErrorContext, cause?: unknown) {
    super(`Request aborted by the caller (${context.method} ${context.path})`, context, { cause });
  }
}
