/**
 * Recording what goes over the wire: a fetch wrapper that keeps every request and response as
 * plain data, and matching a request to the spec operation it calls.
 */
import type { OperationInfo } from '@identitycall/openapi';

/** One request and its response, read in full. */
export interface Exchange {
  request: { method: string; url: string; path: string; headers: Headers; body: string | undefined };
  response: { status: number; headers: Headers; text: string; body: unknown };
}

/** Parses a response text as JSON when it is JSON; keeps the text otherwise. */
export function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType && /json/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A fetch that records every exchange; `basePath` is stripped from recorded paths. */
export function recordingFetch(basePath: string, inner: (request: Request) => Promise<Response> = (r) => fetch(r)) {
  const exchanges: Exchange[] = [];
  const base = basePath.replace(/\/+$/, '');
  const wrapped = async (request: Request): Promise<Response> => {
    const body = request.body ? await request.clone().text() : undefined;
    const response = await inner(request);
    const text = await response.clone().text();
    const pathname = new URL(request.url).pathname;
    exchanges.push({
      request: {
        method: request.method.toUpperCase(),
        url: request.url,
        path: base && pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname,
        headers: new Headers(request.headers),
        body,
      },
      response: {
        status: response.status,
        headers: new Headers(response.headers),
        text,
        body: parseBody(text, response.headers.get('content-type')),
      },
    });
    return response;
  };
  return {
    fetch: wrapped,
    exchanges,
    /** The most recent exchange. @throws Error when nothing was sent. */
    last(): Exchange {
      const e = exchanges.at(-1);
      if (!e) throw new Error('No request was sent');
      return e;
    },
  };
}

function templateToRegExp(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`));
  return new RegExp(`^${escaped.replace(/\{[^}]+\}/g, '[^/]+')}$`);
}

/**
 * The operation a request calls: same method, and a path that matches the template. Literal
 * segments win over parameters (`/virtual_numbers/available` over `/virtual_numbers/{id}`).
 */
export function matchOperation(operations: readonly OperationInfo[], method: string, path: string): OperationInfo | undefined {
  const candidates = operations.filter((op) => op.method === method.toLowerCase() && templateToRegExp(op.path).test(path));
  return candidates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}
