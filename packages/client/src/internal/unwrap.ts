/**
 * Turns an openapi-fetch result into its data or a typed error.
 */
import { errorForStatus, parseRetryAfter, type APIError } from '../errors.js';
import { redact } from './redact.js';
import type { Transport } from './transport.js';

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
