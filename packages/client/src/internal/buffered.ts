/**
 * A response whose body the transport already read in full: its body readers (and `body`, for
 * openapi-fetch's `parseAs: 'stream'`) serve the text read, and `json()` turns a body that is not
 * JSON into an APIResponseError instead of a SyntaxError.
 *
 * The response keeps its identity and moves onto a prototype that holds these readers, rather than
 * being copied (building a Response costs more than the rest of the call) or given six own
 * closures per call. Status, headers and the rest still come from the platform's `Response`.
 * @see https://developer.mozilla.org/docs/Web/API/Response
 */
import { isJsonType, unexpectedBody, type BodyRead } from './response.js';

/** What a buffered response serves its readers from. */
export interface Buffered extends BodyRead {
  /** The response's `Content-Type`. */
  type: string | null;
  /** The key to mask in an error about this body. */
  secret: string;
}

const READ = Symbol('buffered body');
type BufferedResponse = Response & { [READ]: Buffered };

const blobOf = (response: BufferedResponse) => new Blob([response[READ].text], { type: response[READ].type ?? '' });

let proto: object | undefined;

/** The prototype of buffered responses, made once (and only where `Response` exists). */
function bufferedPrototype(): object {
  proto ??= Object.create(Response.prototype, {
    body: {
      get(this: BufferedResponse) {
        return blobOf(this).stream();
      },
      configurable: true,
    },
    text: {
      value: async function text(this: BufferedResponse) {
        return this[READ].text;
      },
      writable: true,
      configurable: true,
    },
    json: {
      value: async function json(this: BufferedResponse) {
        const read = this[READ];
        try {
          return JSON.parse(read.text) as unknown;
        } catch {
          throw unexpectedBody(read, this, read.secret, isJsonType(read.type) ? 'parse' : 'type');
        }
      },
      writable: true,
      configurable: true,
    },
    blob: {
      value: async function blob(this: BufferedResponse) {
        return blobOf(this);
      },
      writable: true,
      configurable: true,
    },
    arrayBuffer: {
      value: async function arrayBuffer(this: BufferedResponse) {
        return this[READ].bytes().slice().buffer;
      },
      writable: true,
      configurable: true,
    },
  }) as object;
  return proto;
}

/**
 * Turns `response`, whose body was read as `read.text`, into a buffered response (the same object).
 * A response without a body keeps its prototype; both carry `read` for {@link readOf}.
 */
export function buffer(response: Response, read: Buffered): Response {
  (response as BufferedResponse)[READ] = read;
  return response.body ? (Object.setPrototypeOf(response, bufferedPrototype()) as Response) : response;
}

/**
 * The read of a response the transport returned, kept on the response itself rather than in a
 * WeakMap: every call makes one, and a WeakMap entry per response is work for every garbage collection.
 */
export const readOf = (response: Response): Buffered | undefined => (response as Partial<BufferedResponse>)[READ];
