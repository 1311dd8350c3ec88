/**
 * The fetch that openapi-fetch calls: remembers which request produced each response (for error
 * context) and turns network failures into typed errors.
 */
import { APIConnectionError } from '../connection-errors.js';
import type { ErrorContext } from '../errors.js';

/** A fetch for openapi-fetch plus the request context of each response it returned. */
export interface Transport {
  fetch(request: Request): Promise<Response>;
  contextOf(response: Response): ErrorContext | undefined;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  fetch: (request: Request) => Promise<Response>;
  /** Path of the base URL, stripped from request paths in error context (e.g. `/api/v1/public`). */
  basePath: string;
}

/** The request's method and path below the base URL. */
export function contextOfRequest(request: Request, basePath: string): ErrorContext {
  let path = new URL(request.url).pathname;
  if (basePath !== '/' && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
  return { method: request.method.toUpperCase(), path };
}

/** Creates the transport over `options.fetch`. */
export function createTransport(options: TransportOptions): Transport {
  const contexts = new WeakMap<Response, ErrorContext>();
  const basePath = options.basePath.replace(/\/+$/, '') || '/';
  return {
    async fetch(request) {
      const context = contextOfRequest(request, basePath);
      let response: Response;
      try {
        response = await options.fetch(request);
      } catch (cause) {
        throw new APIConnectionError(context, cause);
      }
      contexts.set(response, context);
      return response;
    },
    contextOf: (response) => contexts.get(response),
  };
}
