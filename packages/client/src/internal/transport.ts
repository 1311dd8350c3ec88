/**
 * The fetch that openapi-fetch calls. Per request it runs the attempts: each with its own timeout
 * combined with the caller's signal, a fresh copy of the request for every retry (so bodies are
 * sent again), typed errors for failures, the retry decision and wait, and the request hook.
 *
 * An attempt ends when its response body has been read in full: the body is read here, under the
 * attempt's timeout, so a body that stalls fails the attempt like headers that never come — and is
 * retried by the same rule. openapi-fetch then parses the buffered copy, whose `json()` throws an
 * `APIResponseError` (not a `SyntaxError`) for a body that is not JSON. The transport remembers the
 * request and the body of each response it returned, for error context and excerpts.
 *
 * With the platform's fetch the attempt's signal goes in `fetch(request, { signal })`, so undici
 * builds one Request that follows one signal; an injected one-argument fetch gets a `Request`
 * carrying the signal instead. (Every signal-following Request costs about as much as the rest of
 * openapi-fetch in Node.js.)
 */
import { APIConnectionError, APITimeoutError, APIUserAbortError } from '../connection-errors.js';
import { parseRetryAfter, type ErrorContext, type IdentityCallError } from '../errors.js';
import type { RequestLogger } from '../logger.js';
import type { RequestOptions } from '../options.js';
import { LeanRequest } from './lean-request.js';
import { emit, redactHeaders } from './logger.js';
import { redact, redactText } from './redact.js';
import { isJsonType, unexpectedBody, type BodyRead } from './response.js';
import { isIdempotentMethod, isRetryableStatus, retryDelay } from './retry.js';
import { sleep, startAttempt, type Attempt } from './timeout.js';

/** How one call is sent, beyond the caller's options. */
export interface CallPolicy {
  /** Overrides the method's idempotency: true makes a POST retryable (upload with `external_id`). */
  idempotent?: boolean | undefined;
  /**
   * A body that can be sent again as is (a FormData of Blobs): retries are rebuilt from it
   * instead of cloning the request, which would buffer a large upload in memory.
   */
  body?: BodyInit | undefined;
}

/** The openapi-fetch init of one call: the fetch that runs it. */
export type CallInit = {
  fetch: (request: Request) => Promise<Response>;
};

/** A fetch for openapi-fetch plus what it knows of each response it returned. */
export interface Transport {
  /** Sends with the client's options; the caller's signal is the request's (`client.raw`). */
  fetch(request: Request): Promise<Response>;
  /** Starts a call with the caller's options: spread the result into openapi-fetch's init. */
  call(options: RequestOptions | undefined, policy?: CallPolicy): CallInit;
  /** The request and body of a response this transport returned. */
  readOf(response: Response): BodyRead | undefined;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /**
   * The fetch; with `signalInInit` it is called as `fetch(request, { signal })`, or as
   * `fetch(url, init)` for a {@link LeanRequest}.
   */
  fetch: (request: Request | string, init?: RequestInit) => Promise<Response>;
  /** True for the platform's fetch, which takes the signal in its init. */
  signalInInit?: boolean;
  /** Path of the base URL, stripped from request paths in error context (e.g. `/api/v1/public`). */
  basePath: string;
  /** The key to keep out of logs and error causes. */
  apiKey: string;
  maxRetries: number;
  timeout: number;
  onRequest?: RequestLogger | undefined;
  /** Source of jitter, in [0, 1). @default Math.random */
  random?: () => number;
}

/** The request's method and path below the base URL, with `secret` masked (an id may be anything). */
export function contextOfRequest(request: Request, basePath: string, secret = ''): ErrorContext {
  let path = new URL(request.url).pathname;
  if (basePath !== '/' && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
  return { method: request.method.toUpperCase(), path: secret ? redactText(path, secret) : path };
}

interface CallState {
  caller: AbortSignal | null | undefined;
  timeout: number;
  maxRetries: number;
  policy: CallPolicy;
}

/** Creates the transport over `options.fetch`. */
export function createTransport(options: TransportOptions): Transport {
  const reads = new WeakMap<Response, BodyRead>();
  const basePath = options.basePath.replace(/\/+$/, '') || '/';
  const { apiKey, onRequest, random } = options;

  /** The typed error for a failed attempt (headers or body). */
  function failure(cause: unknown, attempt: Attempt, state: CallState, context: ErrorContext): IdentityCallError {
    if (state.caller?.aborted) return new APIUserAbortError(context, redact(state.caller.reason, apiKey));
    if (attempt.timedOut) return new APITimeoutError(context, state.timeout);
    return new APIConnectionError(context, redact(cause, apiKey));
  }

  /**
   * Reads the body of `response` in full under the attempt's timeout and signal, then lets
   * openapi-fetch parse it from memory: the body readers (and `body`, for `parseAs: 'stream'`)
   * serve the text read, `json()` turns a body that is not JSON into an APIResponseError, and a
   * missing `Content-Length` is set so openapi-fetch always parses through `json()`. (The response
   * is patched rather than copied: building a Response costs more than the rest of the call.)
   */
  async function readBody(response: Response, attempt: Attempt, context: ErrorContext): Promise<Response> {
    // fetch gives no body to 204, 304 and HEAD answers. Every body this API documents is text.
    const text = response.body ? await attempt.guard(response.text()) : '';
    let bytes: Uint8Array | undefined;
    const read: BodyRead = { context, text, bytes: () => (bytes ??= new TextEncoder().encode(text)) };
    if (response.body) {
      const type = response.headers.get('content-type');
      const blob = () => new Blob([text], { type: type ?? '' });
      if (response.headers.get('content-length') === null) {
        const headers = new Headers(response.headers);
        headers.set('content-length', String(read.bytes().byteLength));
        headers.delete('transfer-encoding');
        Object.defineProperty(response, 'headers', { value: headers });
      }
      Object.defineProperty(response, 'body', { get: () => blob().stream() });
      response.blob = async () => blob();
      response.arrayBuffer = async () => read.bytes().slice().buffer;
      response.text = async () => text;
      response.json = async () => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw unexpectedBody(read, response, apiKey, isJsonType(type) ? 'parse' : 'type');
        }
      };
    }
    reads.set(response, read);
    return response;
  }

  /** Sends attempt `n` of `original` (which is kept unsent, so retries can copy it). */
  function sendAttempt(original: Request, n: number, attempt: Attempt, state: CallState, mayRetry: boolean): Promise<Response> {
    const { body } = state.policy;
    if (original instanceof LeanRequest) {
      // Platform fetch only: the URL and init go straight in, and every body it holds can be re-sent.
      if (body !== undefined && n > 1) {
        const headers = new Headers(original.headers);
        headers.delete('content-type'); // the fresh body brings its own (a new multipart boundary)
        return options.fetch(original.url, original.init(attempt.signal, body, headers));
      }
      return options.fetch(original.url, original.init(attempt.signal));
    }
    let request = original;
    if (body !== undefined && n > 1) {
      const headers = new Headers(original.headers);
      headers.delete('content-type'); // the fresh body brings its own (a new multipart boundary)
      request = new Request(original.url, { method: original.method, headers, body, signal: attempt.signal });
    } else if (original.body && mayRetry && body === undefined) {
      request = original.clone();
    }
    if (options.signalInInit) return options.fetch(request, { signal: attempt.signal });
    return options.fetch(request.signal === attempt.signal ? request : new Request(request, { signal: attempt.signal }));
  }

  async function send(original: Request, state: CallState): Promise<Response> {
    const context = contextOfRequest(original, basePath, apiKey);
    const { caller, maxRetries } = state;
    const idempotent = state.policy.idempotent ?? isIdempotentMethod(context.method);
    for (let n = 1; ; n++) {
      if (caller?.aborted) throw new APIUserAbortError(context, redact(caller.reason, apiKey));
      const attempt = startAttempt(caller, state.timeout);
      const started = Date.now();
      const mayRetry = idempotent && n <= maxRetries;
      let response: Response | undefined;
      let error: IdentityCallError | undefined;
      let durationMs: number | undefined;
      let delay: number | undefined;
      try {
        response = await attempt.guard(sendAttempt(original, n, attempt, state, mayRetry));
        durationMs = Date.now() - started;
        if (mayRetry && isRetryableStatus(response.status)) {
          delay = retryDelay(n, parseRetryAfter(response.headers.get('retry-after')), random);
        }
        // The answer, unless it is discarded for a retry: its body is part of the attempt.
        if (delay === undefined) response = await readBody(response, attempt, context);
      } catch (cause) {
        error = failure(cause, attempt, state, context);
        if (mayRetry && !(error instanceof APIUserAbortError)) delay = retryDelay(n, undefined, random);
      }
      attempt.done();
      emit(onRequest, () => ({
        ...context,
        url: redactText(original.url, apiKey),
        attempt: n,
        status: response?.status,
        durationMs: durationMs ?? Date.now() - started,
        headers: redactHeaders(original.headers, apiKey),
        error,
        retryDelayMs: delay,
      }));
      if (response && !error && delay === undefined) return response;
      if (response && !reads.has(response)) response.body?.cancel().catch(() => undefined); // free the connection of a discarded answer
      if (delay === undefined) throw error;
      if (!(await sleep(delay, caller))) throw new APIUserAbortError(context, redact(caller?.reason, apiKey));
    }
  }

  return {
    fetch: (request) => send(request, { caller: request.signal, timeout: options.timeout, maxRetries: options.maxRetries, policy: {} }),
    call(call, policy = {}) {
      const state: CallState = {
        caller: call?.signal,
        timeout: call?.timeout ?? options.timeout,
        maxRetries: call?.maxRetries ?? options.maxRetries,
        policy,
      };
      return { fetch: (request) => send(request, state) };
    },
    readOf: (response) => reads.get(response),
  };
}
