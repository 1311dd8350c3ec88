/**
 * Turns an openapi-fetch result into its data or a typed error.
 */
import { errorForStatus, parseRetryAfter, type APIError } from '../errors.js';
import type { Transport } from './transport.js';

/** Replaces every occurrence of `secret` inside strings of `value` (deeply) with `[REDACTED]`. */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === 'string') return value.split(secret).join('[REDACTED]') as T;
  if (Array.isArray(value)) return value.map((v) => redact(v, secret)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, secret)])) as T;
  }
  return value;
}

/** Builds the typed error for a non-2xx response. */
export function toAPIError(transport: Transport, response: Response, body: unknown, apiKey: string | undefined): APIError {
  const context = transport.contextOf(response) ?? { method: 'UNKNOWN', path: new URL(response.url || 'http://x/').pathname };
  return errorForStatus({
    ...context,
    status: response.status,
    body: redact(body, apiKey),
    headers: response.headers,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/** The data of a successful openapi-fetch result; throws the typed error otherwise. */
export function unwrap<D>(
  transport: Transport,
  apiKey: string | undefined,
  result: { data?: D; error?: unknown; response: Response },
): D {
  if (result.response.ok) return result.data as D;
  throw toAPIError(transport, result.response, result.error, apiKey);
}
