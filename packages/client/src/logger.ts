/**
 * The request hook's event: one per attempt, once it ended (its response body read) or failed. It
 * never holds the API key: the `Authorization` header (and any header whose value contains the
 * key) reads `[REDACTED]`, and the key is masked in the URL, the path and the error.
 */
import type { IdentityCallError } from './errors.js';

/** What {@link RequestLogger} sees about one attempt. */
export interface RequestLogEvent {
  /** HTTP method, upper case. */
  method: string;
  /** Path below the base URL, e.g. `/operators/42`. */
  path: string;
  /** The full URL, with the query string. */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** HTTP status, or undefined when no response arrived. */
  status: number | undefined;
  /** Milliseconds from sending the request to its response headers (or to the failure). */
  durationMs: number;
  /** The request headers, lower-case names, credentials redacted. */
  headers: Record<string, string>;
  /**
   * The failure when no usable response arrived: a connection error, a timeout or an abort — also
   * while reading the body, when `status` is set.
   */
  error: IdentityCallError | undefined;
  /** When another attempt follows: the wait before it, in ms. */
  retryDelayMs: number | undefined;
}

/** The `onRequest` hook of {@link ClientOptions}. */
export type RequestLogger = (event: RequestLogEvent) => void;
