/**
 * The fetch that openapi-fetch calls. Per request it runs the attempts: each with its own timeout
 * combined with the caller's signal (also covering the response body), a fresh copy of the request
 * for every retry (so bodies are sent again), typed errors for failures, the retry decision and
 * wait, and the request hook. It also remembers which request produced each response, for error
 * context.
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
import { redactCause } from './redact.js';
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

/** A fetch for openapi-fetch plus the request context of each response it returned. */
export interface Transport {
  /** Sends with the client's options; the caller's signal is the request's (`client.raw`). */
  fetch(request: Request): Promise<Response>;
  /** Starts a call with the caller's options: spread the result into openapi-fetch's init. */
  call(options: RequestOptions | undefined, policy?: CallPolicy): CallInit;
  contextOf(response: Response): ErrorContext | undefined;
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

/** The request's method and path below the base URL. */
export function contextOfRequest(request: Request, basePath: string): ErrorContext {
  let path = new URL(request.url).pathname;
  if (basePath !== '/' && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
  return { method: request.method.toUpperCase(), path };
}

interface CallState {
  caller: AbortSignal | null | undefined;
  timeout: number;
  maxRetries: number;
  policy: CallPolicy;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);
/** The body readers openapi-fetch uses (`parseAs`), guarded by the attempt's timeout and signal. */
const BODY_READERS = ['json', 'text', 'arrayBuffer', 'blob'] as const;

/** Creates the transport over `options.fetch`. */
export function createTransport(options: TransportOptions): Transport {
  const contexts = new WeakMap<Response, ErrorContext>();
  const basePath = options.basePath.replace(/\/+$/, '') || '/';
  const { apiKey, onRequest, random } = options;

  /** The typed error for a failed attempt (or body read). */
  function failure(cause: unknown, attempt: Attempt, state: CallState, context: ErrorContext): IdentityCallError {
    if (state.caller?.aborted) return new APIUserAbortError(context, redactCause(state.caller.reason, apiKey));
    if (attempt.timedOut) return new APITimeoutError(context, state.timeout);
    return new APIConnectionError(context, redactCause(cause, apiKey));
  }

  /** Keeps the attempt's timeout and signal on the body: reading it ends the attempt, or fails typed. */
  function guardBody(response: Response, attempt: Attempt, state: CallState, context: ErrorContext): void {
    // Bodies openapi-fetch will not read (it skips 204 and `Content-Length: 0`) end the attempt now.
    if (response.body === null || NULL_BODY_STATUS.has(response.status) || response.headers.get('content-length') === '0') {
      return attempt.done();
    }
    const readers = response as unknown as Record<string, () => Promise<unknown>>;
    for (const name of BODY_READERS) {
      const read = readers[name]!;
      readers[name] = () =>
        attempt
          .guard(read.call(response))
          .catch((cause: unknown) => {
            throw failure(cause, attempt, state, context);
          })
          .finally(attempt.done);
    }
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
    const context = contextOfRequest(original, basePath);
    const { caller, maxRetries } = state;
    const idempotent = state.policy.idempotent ?? isIdempotentMethod(context.method);
    for (let n = 1; ; n++) {
      if (caller?.aborted) throw new APIUserAbortError(context, redactCause(caller.reason, apiKey));
      const attempt = startAttempt(caller, state.timeout);
      const started = Date.now();
      let response: Response | undefined;
      let error: IdentityCallError | undefined;
      try {
        response = await attempt.guard(sendAttempt(original, n, attempt, state, idempotent && n <= maxRetries));
      } catch (cause) {
        error = failure(cause, attempt, state, context);
      }
      const retryable =
        idempotent && n <= maxRetries && (response ? isRetryableStatus(response.status) : !(error instanceof APIUserAbortError));
      const delay = retryable
        ? retryDelay(n, response && parseRetryAfter(response.headers.get('retry-after')), random)
        : undefined;
      emit(onRequest, () => ({
        ...context,
        url: original.url,
        attempt: n,
        status: response?.status,
        durationMs: Date.now() - started,
        headers: redactHeaders(original.headers, apiKey),
        error,
        retryDelayMs: delay,
      }));
      if (response && delay === undefined) {
        guardBody(response, attempt, state, context);
        contexts.set(response, context);
        return response;
      }
      attempt.done();
      response?.body?.cancel().catch(() => undefined); // free the connection of a discarded answer
      if (delay === undefined) throw error;
      if (!(await sleep(delay, caller))) throw new APIUserAbortError(context, redactCause(caller?.reason, apiKey));
    }
  }

  return {
    fetch: (request) =>
      send(request, { caller: request.signal, timeout: options.timeout, maxRetries: options.maxRetries, policy: {} }),
    call(call, policy = {}) {
      const state: CallState = {
        caller: call?.signal,
        timeout: call?.timeout ?? options.timeout,
        maxRetries: call?.maxRetries ?? options.maxRetries,
        policy,
      };
      return { fetch: (request) => send(request, state) };
    },
    contextOf: (response) => contexts.get(response),
  };
}
