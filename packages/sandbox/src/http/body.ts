/**
 * The node:http edge: reading request bodies with limits and writing JSON answers. A body that
 * breaks a limit is still read to its end (and thrown away) up to a drain cap, so the client gets
 * its answer on a connection that stays usable; past the cap the connection is closed instead.
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, bodyTooLarge, malformedJson } from '../errors/api-error.js';

/** The largest JSON body accepted (1 MiB). */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** How much of a rejected body is read and discarded before the connection is closed instead. */
export const DRAIN_CAP = 8 * 1024 * 1024;

/** The client went away before its request was read; there is nobody to answer. */
export class ClientGoneError extends Error {
  constructor() {
    super('client closed the connection');
    this.name = 'ClientGoneError';
  }
}

/** The outcome of reading a body: the first error `onChunk` threw, and whether to close after answering. */
export interface ConsumeResult {
  error?: unknown;
  close: boolean;
}

/**
 * Reads `req` to its end, handing each chunk to `onChunk`. Once `onChunk` throws, the rest is read
 * and discarded; if that passes `drainCap` bytes the read stops early and `close` is set.
 */
export function consume(
  req: IncomingMessage,
  onChunk: (chunk: Buffer) => void,
  drainCap: number = DRAIN_CAP,
): Promise<ConsumeResult> {
  return new Promise((resolve, reject) => {
    let error: unknown;
    let failed = false;
    let discarded = 0;
    let settled = false;
    const done = (result: ConsumeResult | Error): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onClose);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      if (!failed) {
        try {
          onChunk(chunk);
          return;
        } catch (e) {
          failed = true;
          error = e;
          if (e instanceof ApiError && e.closeConnection) return done({ error, close: true });
          return;
        }
      }
      discarded += chunk.length;
      if (discarded > drainCap) done({ error, close: true });
    };
    const onEnd = (): void => done(failed ? { error, close: false } : { close: false });
    const onGone = (): void => done(new ClientGoneError());
    const onClose = (): void => {
      if (!req.complete) done(new ClientGoneError());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onClose);
  });
}

/** Reads a JSON body (at most `limit` bytes). Empty body → undefined. Throws 400 or 413. */
export async function readJson(req: IncomingMessage, limit: number = JSON_BODY_LIMIT): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit + DRAIN_CAP) {
    throw new ApiError(413, bodyTooLarge().body, {}, true);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const result = await consume(req, (chunk) => {
    size += chunk.length;
    if (size > limit) throw bodyTooLarge();
    chunks.push(chunk);
  });
  if (result.error !== undefined) {
    const e = result.error;
    throw e instanceof ApiError ? new ApiError(e.status, e.body, e.headers, result.close) : e;
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks, size).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw malformedJson((e as Error).message);
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a JSON answer (or an empty one for 204). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  close = false,
): void {
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
