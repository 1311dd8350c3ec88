/**
 * Request bodies other than uploads: JSON bodies are read up to the spec's limit (`x-max-bytes`,
 * checked against `Content-Length` first and counted as they stream), then must be UTF-8 and JSON;
 * a body sent to an operation that takes none is read up to the same limit and dropped.
 * @see ../../../../spec/DECISIONS.md (B18, B21)
 */
import type { IncomingMessage } from 'node:http';
import type { SpecFacts } from '../facts.js';
import { GuardError } from './errors.js';

/** The client went away before its body arrived: nothing to answer. */
export class ClientGone extends Error {
  override readonly name = 'ClientGone';
}

/**
 * Streams the body of `req` into `onChunk`; resolves at its end. When `onChunk` throws, reading
 * stops and the promise rejects with that error (the caller answers and closes the connection).
 */
export function readBody(req: IncomingMessage, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (error) {
        finish(error);
      }
    };
    req.on('data', onData);
    req.once('end', () => finish());
    req.once('error', () => finish(new ClientGone('the client aborted the request')));
    req.once('close', () => finish(req.complete ? undefined : new ClientGone('the client closed the connection mid-body')));
  });
}

/** Whether a request carries a body (a non-zero Content-Length, or chunked transfer coding). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

function tooLarge(facts: SpecFacts): GuardError {
  return new GuardError(413, facts.payloadTooLarge, {}, true);
}

/** Refuses a body whose declared `Content-Length` is over the JSON limit, before reading it. */
function checkDeclaredLength(facts: SpecFacts, req: IncomingMessage): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > facts.jsonBodyLimit) throw tooLarge(facts);
}

/**
 * Reads a JSON body and returns it as UTF-8 text that parses (empty when no body was sent).
 * @throws GuardError 413 (over the limit, with `PayloadTooLarge`'s message) or 400 (not UTF-8 or
 * not JSON, with `MalformedJson`'s template and the parser's message as the detail).
 */
export async function readJsonBody(facts: SpecFacts, req: IncomingMessage): Promise<string> {
  checkDeclaredLength(facts, req);
  const chunks: Buffer[] = [];
  let size = 0;
  await readBody(req, (chunk) => {
    size += chunk.length;
    if (size > facts.jsonBodyLimit) throw tooLarge(facts);
    chunks.push(chunk);
  });
  if (size === 0) return '';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    throw new GuardError(400, facts.malformedJson.format({ detail: 'the body is not valid UTF-8' }));
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new GuardError(400, facts.malformedJson.format({ detail: (error as Error).message }));
  }
  // The decoded text, not the raw bytes: a byte-order mark is gone, so Prism parses what we parsed.
  return text;
}

/**
 * Reads and drops the body of a request to an operation that takes none, up to the JSON limit.
 * @throws GuardError 413 past the limit.
 */
export async function discardBody(facts: SpecFacts, req: IncomingMessage): Promise<void> {
  checkDeclaredLength(facts, req);
  let size = 0;
  await readBody(req, (chunk) => {
    size += chunk.length;
    if (size > facts.jsonBodyLimit) throw tooLarge(facts);
  });
}
