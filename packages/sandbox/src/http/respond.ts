/**
 * Writing answers: JSON in the documented envelopes (or nothing for 204), with a length, and
 * `Connection: close` when the request body was not read to its end.
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#class-httpserverresponse
 */
import type { ServerResponse } from 'node:http';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a JSON answer (or an empty one for 204). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  const all: Record<string, string | number> = { ...headers };
  if (text !== '') {
    all['content-type'] ??= JSON_TYPE;
    all['content-length'] = Buffer.byteLength(text);
  } else if (status !== 204) {
    all['content-length'] = 0;
  }
  if (close) all.connection = 'close';
  res.writeHead(status, all);
  res.end(text);
}
