/**
 * When to retry and how long to wait: exponential backoff with jitter (0.5 s doubling, 8 s cap),
 * or the server's `Retry-After` when it sent one.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */

/** Backoff before the first retry, in ms. */
export const INITIAL_RETRY_DELAY = 500;
/** Longest backoff, in ms. */
export const MAX_RETRY_DELAY = 8_000;
/** Longest `Retry-After` the client waits for, in ms; a longer one is handed to the caller as the error. */
export const MAX_RETRY_AFTER = 60_000;

/**
 * Methods that are safe to send again. PATCH is included: every PATCH of this API sets fields to
 * the values sent (no increments or appends), so repeating one leaves the same state.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH']);

/** Whether a request with `method` may be retried (POST only when the caller says it is idempotent). */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT.has(method);
}

/** Whether a response status is worth another attempt: 408, 429 and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * The wait before retry number `retry` (1 for the first retry), in ms: `Retry-After` when given
 * (undefined when it is over {@link MAX_RETRY_AFTER}: do not retry), else the backoff
 * `min(500 · 2^(retry−1), 8000)` reduced by up to 25% at random.
 */
export function retryDelay(retry: number, retryAfterSeconds: number | undefined, random: () => number = Math.random): number | undefined {
  if (retryAfterSeconds !== undefined) {
    const ms = retryAfterSeconds * 1000;
    return ms <= MAX_RETRY_AFTER ? ms : undefined;
  }
  const base = Math.min(INITIAL_RETRY_DELAY * 2 ** (retry - 1), MAX_RETRY_DELAY);
  return base * (1 - 0.25 * random());
}
