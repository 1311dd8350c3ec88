/**
 * Reading request bodies with limits. A body that breaks a limit is still read to its end (and
 * thrown away) up to a drain cap, so the client gets its answer on a connection that stays usable;
 * past the cap the connection is closed instead.
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#class-httpincomingmessage
 * @see ../../../../spec/DECISIONS.md (B18, B21)
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { jsonBodyLimit, loadSpec } from '@identitycall/openapi';
import { ApiError, bodyTooLarge, malformedJson } from '../errors/api-error.js';
import { SANDBOX_MESSAGES } from '../errors/messages.js';

/** The largest JSON body accepted: the spec's `x-max-bytes` (B21). */
export const JSON_BODY_LIMIT: number = jsonBodyLimit(loadSpec());

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

/** Reads a JSON body (at most `limit` bytes, UTF-8). Empty body → undefined. Throws 400 or 413. */
export async function readJson(req: IncomingMessage, limit: number = JSON_BODY_LIMIT): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit + DRAIN_CAP) {
    throw bodyTooLarge(true);
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
  const bytes = Buffer.concat(chunks, size);
  // Decoding would turn each bad byte into U+FFFD and store that as if the client had sent it.
  if (!isUtf8(bytes)) throw malformedJson(SANDBOX_MESSAGES.notUtf8);
  const text = bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw malformedJson((e as Error).message);
  }
}
