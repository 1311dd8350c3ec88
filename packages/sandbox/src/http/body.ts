/**
 * Reading request bodies with limits. A body that breaks a limit is still read to its end (and
 * thrown away) up to a drain cap, so the client gets its answer on a connection that stays usable;
 * past the cap the connection is closed instead. A JSON body is read only when its `Content-Type`
 * says it is JSON (a request without a body needs none).
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#class-httpincomingmessage
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3
 * @see ../../../../spec/DECISIONS.md (B18, B21)
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { jsonBodyLimit, loadSpec } from '@identitycall/openapi';
import { ApiError, bodyTooLarge, malformedJson } from '../errors/api-error.js';
import { SANDBOX_MESSAGES } from '../errors/messages.js';
import { MediaTypeError, parseMediaType } from './content-type.js';

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
export function consume(req: IncomingMessage, onChunk: (chunk: Buffer) => void, drainCap: number = DRAIN_CAP): Promise<ConsumeResult> {
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

/** Whether the request's headers announce a body: a length above 0, or a transfer coding. */
export function announcesBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Why a body with this `Content-Type` cannot be read as JSON: 400 for a header outside the
 * media-type grammar, 415 for none, another type, or a charset other than UTF-8 (JSON text is
 * UTF-8, RFC 8259 §8.1). Undefined when it can.
 */
export function jsonTypeRefusal(contentType: string | undefined): ApiError | undefined {
  const unsupported = (why: string) => new ApiError(415, { error: `${SANDBOX_MESSAGES.unsupportedContentType}: ${why}` });
  if (contentType === undefined || contentType.trim() === '') {
    return unsupported('the request has a body but no Content-Type; send it as application/json');
  }
  let media;
  try {
    media = parseMediaType(contentType);
  } catch (e) {
    if (e instanceof MediaTypeError) return new ApiError(400, { error: `${SANDBOX_MESSAGES.malformedContentType}: ${e.message}` });
    throw e;
  }
  if (media.essence !== 'application/json') return unsupported(`${media.essence} is not accepted here; the body must be application/json`);
  const charset = media.params.get('charset');
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) return unsupported(`charset ${charset} is not accepted; JSON bodies are UTF-8`);
  return undefined;
}

/**
 * Reads the rest of a body that is refused for `error` (up to the drain cap, so the connection
 * stays usable) and throws `error`, asking for the connection to be closed when the cap was hit.
 */
async function refuseBody(req: IncomingMessage, error: ApiError): Promise<never> {
  const result = await consume(req, () => {
    throw error;
  });
  throw new ApiError(error.status, error.body, error.headers, result.close || error.closeConnection);
}

/**
 * Reads a JSON body (at most `limit` bytes, UTF-8, declared as JSON). Empty body → undefined.
 * Throws 400, 413 or 415.
 */
export async function readJson(req: IncomingMessage, limit: number = JSON_BODY_LIMIT): Promise<unknown> {
  if (announcesBody(req)) {
    const refusal = jsonTypeRefusal(req.headers['content-type']);
    if (refusal) await refuseBody(req, refusal);
  }
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
