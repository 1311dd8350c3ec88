/**
 * Errors for requests that got no HTTP response: the connection failed, the attempt timed out, or
 * the caller aborted it.
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

/** No response arrived: DNS, refused connection, reset, TLS failure… */
export class APIConnectionError extends IdentityCallError {
  override readonly name: string = 'APIConnectionError';
  declare readonly status: undefined;
  constructor(context: ErrorContext, cause?: unknown, message?: string) {
    super(message ?? `Connection error: ${reason(cause)} (${context.method} ${context.path})`, context, { cause });
  }
}
