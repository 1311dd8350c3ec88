/**
 * The guard's own answers: every refusal is a JSON body in the API's error envelope
 * (`{"error": "…"}`), with CORS headers so a browser client can read it like Prism's answers.
 * @see https://docs.identitycall.ai/api-reference/errors
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';

/** A request the guard answers itself, with `status` and `{"error": message}`. */
export class GuardError extends Error {
  override readonly name = 'GuardError';
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** Close the connection after answering (the rest of the request is not read). */
    readonly close = false,
  ) {
    super(message);
  }
}

/** Headers every guard answer carries, so cross-origin clients can read it (as Prism's do). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': '*',
};

/** The envelope body of `message`. */
export function envelope(message: string): string {
  return JSON.stringify({ error: message });
}

/**
 * Writes `error` as the answer to `res`, unless an answer was already started (then the
 * connection is cut, the only honest signal left). With `end: false` the whole answer is written
 * (its length is declared) but the response is left open for the caller to end.
 */
export function sendError(res: ServerResponse, error: GuardError, options: { end?: boolean } = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = envelope(error.message);
  res.writeHead(error.status, {
    ...CORS_HEADERS,
    ...error.headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...(error.close ? { connection: 'close' } : {}),
  });
  if (options.end === false) res.write(body);
  else res.end(body);
}

/**
 * A complete HTTP/1.1 answer as bytes, for sockets the HTTP parser gave up on (garbage, a header
 * block too large, a timeout) where no `ServerResponse` exists. Always closes the connection.
 */
export function rawAnswer(status: number, message: string, headers: Readonly<Record<string, string>> = {}): string {
  const body = envelope(message);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    ...Object.entries({ ...CORS_HEADERS, ...headers }).map(([k, v]) => `${k}: ${v}`),
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
