/**
 * Turns an openapi-fetch result into its data or a typed error: the status class for an error
 * status (whatever its body), an APIResponseError for a success whose body is not what the spec
 * documents for the operation.
 */
import { errorForStatus, parseRetryAfter, type APIError } from '../errors.js';
import { redact } from './redact.js';
import { checkSuccess, excerpt } from './response.js';
import type { Transport } from './transport.js';

/** The longest text body an HTTP error keeps (a whole HTML error page is of no use in a log). */
const ERROR_TEXT = 500;

/** Builds the typed error for a non-2xx response. */
export function toAPIError(transport: Transport, response: Response, body: unknown, apiKey: string): APIError {
  return errorForStatus({
    ...(transport.readOf(response)?.context ?? { method: 'UNKNOWN', path: new URL(response.url || 'http://x/').pathname }),
    status: response.status,
    body: typeof body === 'string' ? excerpt(body, apiKey, ERROR_TEXT) : redact(body, apiKey),
    headers: response.headers,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/** The data of a successful openapi-fetch result; throws the typed error otherwise. */
export function unwrap<D>(transport: Transport, apiKey: string, result: { data?: D; error?: unknown; response: Response }): D {
  const { response } = result;
  if (!response.ok) throw toAPIError(transport, response, result.error, apiKey);
  const read = transport.readOf(response);
  const error = read && checkSuccess(read, response, result.data, apiKey);
  if (error) throw error;
  return result.data as D;
}
