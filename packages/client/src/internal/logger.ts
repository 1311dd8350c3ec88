/**
 * Builds the hook's event with credentials redacted, and calls the hook without letting it break
 * the request.
 */
import type { RequestLogEvent, RequestLogger } from '../logger.js';
import { redactText } from './redact.js';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

/** The headers as a plain object, with credentials and any value containing `apiKey` redacted (names too). */
export function redactHeaders(headers: Headers, apiKey: string): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[redactText(name, apiKey)] = SECRET_HEADERS.has(name) || value.includes(apiKey) ? '[REDACTED]' : value;
  });
  return out;
}

/** Calls `logger` with `event`; a throwing logger must not fail or retry the request. */
export function emit(logger: RequestLogger | undefined, event: () => RequestLogEvent): void {
  if (!logger) return;
  try {
    logger(event());
  } catch {
    // A logging failure is the logger's problem, not the API call's.
  }
}
