/**
 * Client options: one interface, every field documented with its default; the environment is
 * read once, when the client is created. Per-call options override the retry and timeout ones.
 */
import { DEFAULT_BASE_URL } from './generated/spec.gen.js';
import type { RequestLogger } from './logger.js';

/** Options of {@link createIdentityCallClient}. */
export interface ClientOptions {
  /**
   * API key (`idc_…`), sent as `Authorization: Bearer <key>`.
   * @default process.env.IDENTITYCALL_API_KEY
   */
  apiKey?: string;
  /**
   * Base URL of the API, including the `/api/v1/public` path.
   * @default process.env.IDENTITYCALL_BASE_URL, else "https://api.identitycall.ai/api/v1/public" (the spec's server)
   */
  baseUrl?: string;
  /**
   * The fetch to send requests with (a test double, an instrumented or proxied fetch). It gets one
   * `Request` per attempt, carrying the attempt's `AbortSignal`.
   * @default globalThis.fetch
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Extra headers sent with every request. `Authorization` cannot be set here; use `apiKey`.
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * How many times a failed request is retried (so at most `maxRetries + 1` attempts). Retried:
   * 408, 429, 5xx, connection errors and timeouts, for GET, PUT, PATCH and DELETE, and for the
   * recording upload when it has an `external_id`; never other POSTs, other 4xx or an abort.
   * @default 2
   */
  maxRetries?: number;
  /**
   * Milliseconds one attempt may take, from sending the request to the end of the response body.
   * A timed-out attempt is retried like a connection error; the last one throws `APITimeoutError`.
   * @default 60000
   */
  timeout?: number;
  /**
   * Called once per attempt, when it ended (its body read) or failed, with method, path, status,
   * attempt, duration and the request headers (`Authorization` redacted; the key masked
   * everywhere). Errors it throws are ignored.
   * @default undefined (no logging)
   */
  onRequest?: RequestLogger;
}

/** Options of one call: the last, optional argument of every resource method. */
export interface RequestOptions {
  /**
   * Aborts the call (the current attempt and any wait before a retry) with `APIUserAbortError`.
   * @default undefined
   */
  signal?: AbortSignal;
  /**
   * Per-attempt timeout in ms for this call.
   * @default the client's `timeout` (60000)
   */
  timeout?: number;
  /**
   * Retries for this call.
   * @default the client's `maxRetries` (2)
   */
  maxRetries?: number;
}

/** Options after defaults and the environment were applied. */
export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  /**
   * The injected fetch, or the platform's (which also takes an init, and a URL string for a
   * LeanRequest: see `signalInInit`). An injected fetch is only ever given a Request.
   */
  fetch: (request: Request | string, init?: RequestInit) => Promise<Response>;
  /** True when `fetch` is the platform's: the attempt's signal can go in its init. */
  signalInInit: boolean;
  headers: Record<string, string>;
  maxRetries: number;
  timeout: number;
  onRequest: RequestLogger | undefined;
}

/** Default of {@link ClientOptions.maxRetries}. */
export const DEFAULT_MAX_RETRIES = 2;
/** Default of {@link ClientOptions.timeout}, in ms. */
export const DEFAULT_TIMEOUT = 60_000;

function env(name: string): string | undefined {
  const p = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  const value = p?.env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Checks the retry and timeout options of a client or a call.
 * @throws TypeError for a negative or fractional `maxRetries`, or a `timeout` that is not a positive number of ms that setTimeout accepts.
 */
export function checkRequestOptions(options: { maxRetries?: number; timeout?: number }): void {
  const { maxRetries, timeout } = options;
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new TypeError(`maxRetries must be a whole number ≥ 0, got ${String(maxRetries)}.`);
  }
  if (timeout !== undefined && !(timeout > 0 && timeout <= 2_147_483_647)) {
    throw new TypeError(`timeout must be a number of ms between 1 and 2147483647, got ${String(timeout)}.`);
  }
}

/**
 * Applies defaults and the environment to `options`.
 * @throws TypeError when no API key is available or an option is malformed.
 */
export function resolveOptions(options: ClientOptions = {}): ResolvedOptions {
  const apiKey = options.apiKey ?? env('IDENTITYCALL_API_KEY');
  if (!apiKey) {
    throw new TypeError('No IdentityCall API key: pass `apiKey` to createIdentityCallClient or set IDENTITYCALL_API_KEY.');
  }
  if (/\s/.test(apiKey)) {
    throw new TypeError('The IdentityCall API key contains whitespace; check how it was copied.');
  }
  const baseUrl = (options.baseUrl ?? env('IDENTITYCALL_BASE_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
  } catch {
    throw new TypeError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(options.baseUrl)}.`);
  }
  const headers = { ...options.headers };
  if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
    throw new TypeError('Set the API key with the `apiKey` option, not an Authorization header.');
  }
  checkRequestOptions(options);
  if (options.onRequest !== undefined && typeof options.onRequest !== 'function') {
    throw new TypeError('onRequest must be a function.');
  }
  const injected = options.fetch;
  return {
    apiKey,
    baseUrl,
    // Looked up per call, so a fetch installed on globalThis after the client was made is used.
    fetch: injected ? (request) => injected(request as Request) : (request, init) => globalThis.fetch(request, init),
    signalInInit: !injected,
    headers,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    onRequest: options.onRequest,
  };
}
