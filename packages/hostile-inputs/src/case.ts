/**
 * The shape of a hostile case: a request described as data (sent byte for byte by the runner) and
 * what a conforming server must do at least. Every case also implies three rules that need no
 * field: never a 5xx, an answer before the runner's deadline (no hang), and a server that still
 * answers a good request afterwards.
 */

/** A request body: literal bytes, or a large body generated while it is sent (never held in memory). */
export type Body =
  | { kind: 'bytes'; bytes: Uint8Array }
  | {
      kind: 'generated';
      /** Text sent first (UTF-8). */
      head: string;
      /** One ASCII character, repeated to make up `totalBytes`. */
      fill: string;
      /** Text sent last (UTF-8). */
      tail: string;
      /** The body's exact size in bytes. */
      totalBytes: number;
    };

/** An HTTP/1.1 request, written by the runner exactly as described. */
export interface HttpSend {
  kind: 'http';
  /** Sent verbatim (it may be garbage). */
  method: string;
  /** The request target below the API's base path (`/operators/42?x=1`), sent verbatim. */
  path: string;
  /** Send `path` as the whole target, without the base path in front (for wrong base paths). */
  absolute?: boolean;
  /** Header lines in order, sent verbatim; the runner adds `Host`, `Connection: close` and the framing unless given here. */
  headers: Array<[string, string]>;
  /** Add the runner's valid `Authorization` header. */
  auth: boolean;
  body?: Body;
  /**
   * How the body is framed: `length` adds `Content-Length` (unless given), `chunked` sends it with
   * chunked transfer coding, `as-given` sends the bytes and whatever headers the case gives.
   * @default 'length'
   */
  framing?: 'length' | 'chunked' | 'as-given';
  /** Write the body in pieces of this many bytes, each its own write (parsers must not care). @default 65536 */
  chunkBytes?: number;
}

/** Bytes written to the socket as they are: garbage, broken framing, forbidden characters. */
export interface RawSend {
  kind: 'raw';
  /** The bytes; `{host}` in a string is replaced with the target's `host:port`. Strings are sent as latin1 (one byte per char). */
  bytes: string | Uint8Array;
}

/** What a conforming server must do with a case, at least. */
export interface Expectation {
  /** Statuses allowed; undefined allows any status below 500. */
  statuses?: number[];
  /** Statuses not allowed (with `statuses` undefined), e.g. 413 for a body exactly at the limit. */
  forbidden?: number[];
  /** An answer of 400 or more must be the envelope `{"error": "…"}` or `{"errors": ["…"]}`. */
  envelope: boolean;
  /** The message must be one of these (documented messages, read from the spec). */
  messages?: string[];
  /** The message must match this regular expression (source, flags `i`). */
  messagePattern?: string;
  /** The server must close the connection after answering. */
  closes?: boolean;
}

/** What a server needs to be able to meet a case; runners skip cases their server cannot meet. */
export type Need =
  /** The server knows which API keys exist (a stateless mock accepts any well-formed key). */
  'key-registry';

/** The families of cases. */
export type Family = 'json' | 'path' | 'method' | 'auth' | 'content-type' | 'query' | 'headers' | 'protocol' | 'multipart' | 'fuzz';

/** One hostile case. */
export interface HostileCase {
  /** Unique and stable, e.g. `json.malformed/updateOperator/truncated`. */
  id: string;
  family: Family;
  title: string;
  /** The operation the request targets, when it targets one. */
  operationId?: string;
  send: HttpSend | RawSend;
  expect: Expectation;
  needs?: Need[];
}

/** The size of a body in bytes. */
export function bodyBytes(body: Body | undefined): number {
  if (!body) return 0;
  return body.kind === 'bytes' ? body.bytes.length : body.totalBytes;
}

/** The size of what a case sends, in bytes (for runners that skip the heaviest cases). */
export function caseBytes(c: HostileCase): number {
  return c.send.kind === 'raw' ? (typeof c.send.bytes === 'string' ? c.send.bytes.length : c.send.bytes.length) : bodyBytes(c.send.body);
}

/** A body of literal text (UTF-8). */
export const text = (value: string): Body => ({ kind: 'bytes', bytes: new TextEncoder().encode(value) });

/** A body of literal bytes. */
export const bytes = (value: Uint8Array): Body => ({ kind: 'bytes', bytes: value });

/**
 * A generated body of exactly `totalBytes`: `head`, then `fill` repeated, then `tail`.
 * @throws RangeError when head and tail alone are longer than `totalBytes`.
 */
export function generated(head: string, fill: string, tail: string, totalBytes: number): Body {
  const fixed = Buffer.byteLength(head) + Buffer.byteLength(tail);
  if (fixed > totalBytes) throw new RangeError(`head and tail (${fixed} bytes) do not fit in ${totalBytes} bytes`);
  if (fill.length !== 1 || fill.charCodeAt(0) > 0x7f) throw new RangeError('fill must be one ASCII character');
  return { kind: 'generated', head, fill, tail, totalBytes };
}
