/**
 * What goes over the wire, as plain data: one request and its response (or why none came), a fetch
 * wrapper that records every exchange, and matching a request to the spec operation it calls.
 */
import type { OperationInfo } from '@identitycall/openapi';

/** One request and its response, read in full. */
export interface Exchange {
  request: { method: string; url: string; path: string; headers: Headers; body: string | undefined };
  response: { status: number; headers: Headers; text: string; body: unknown };
  /** Why no response arrived (timeout, connection refused or reset); the response is then empty. */
  error?: string;
  /** How long the exchange took, in ms. */
  durationMs?: number;
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

/** The path of `url` below `basePath` (the spec's paths are relative to the base URL). */
export function pathBelow(url: string, basePath: string): string {
  const base = basePath.replace(/\/+$/, '');
  const pathname = new URL(url).pathname;
  return base && pathname.startsWith(base) ? pathname.slice(base.length) || '/' : pathname;
}

/** The text of a request body, without consuming the request. */
export async function requestText(request: Request): Promise<string | undefined> {
  if (!request.body) return undefined;
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  // Multipart bodies carry audio bytes; keep their text readable and bounded for reports.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.length > 65_536 ? bytes.slice(0, 65_536) : bytes);
}

/** Records `request` and `response` as an exchange (reads the response body). */
export async function readExchange(request: Request, response: Response, basePath: string, body?: string): Promise<Exchange> {
  const text = await response.text();
  return {
    request: {
      method: request.method.toUpperCase(),
      url: request.url,
      path: pathBelow(request.url, basePath),
      headers: new Headers(request.headers),
      body: body ?? (await requestText(request)),
    },
    response: {
      status: response.status,
      headers: new Headers(response.headers),
      text,
      body: parseBody(text, response.headers.get('content-type')),
    },
  };
}

/** A fetch that records every exchange; `basePath` is stripped from recorded paths. */
export function recordingFetch(basePath: string, inner: (request: Request) => Promise<Response> = (r) => fetch(r)) {
  const exchanges: Exchange[] = [];
  const wrapped = async (request: Request): Promise<Response> => {
    const body = await requestText(request);
    const response = await inner(request);
    exchanges.push(await readExchange(request, response.clone(), basePath, body));
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

/** The methods the spec documents for the path template that `path` matches, upper case. */
export function documentedMethods(operations: readonly OperationInfo[], path: string): string[] {
  const templates = operations.filter((op) => templateToRegExp(op.path).test(path));
  const fewestParams = Math.min(...templates.map((op) => op.path.match(/\{/g)?.length ?? 0));
  return [...new Set(templates.filter((op) => (op.path.match(/\{/g)?.length ?? 0) === fewestParams).map((op) => op.method.toUpperCase()))];
}
