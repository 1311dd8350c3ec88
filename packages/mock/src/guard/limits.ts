/**
 * The guard server's own limits: how long a client may take to send headers and a whole request,
 * how long an idle keep-alive connection stays open, how many connections are served at once, and
 * the answers (in the envelope) for requests Node's HTTP parser refuses.
 * @see https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener
 */
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { rawAnswer } from './errors.js';

/** Limits of the guard server (all durations in milliseconds). */
export interface GuardLimits {
  /** Time a client has to send the request headers (slow-headers defence). @default 20000 */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request, body included (the largest upload needs time). @default 600000 */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open after an answer. @default 5000 */
  keepAliveTimeoutMs: number;
  /** Connections served at once; more are answered 503 and closed. @default 256 */
  maxConnections: number;
  /** How long Prism may take to answer one request before the guard answers 503. @default 30000 */
  upstreamTimeoutMs: number;
  /** After refusing a body early, how long the guard keeps reading (and dropping) it so the client sees the answer instead of a reset. @default 2000 */
  lingerMs: number;
}

/** The defaults of {@link GuardLimits}. */
export const DEFAULT_LIMITS: Readonly<GuardLimits> = Object.freeze({
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 600_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  upstreamTimeoutMs: 30_000,
  lingerMs: 2_000,
});

/** Largest header block Node reads (its default, stated so the 431 answer can name it). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** The `createServer` options for `limits`. */
export function serverOptions(limits: GuardLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    // Node checks the two timeouts on this interval (30 s by default): short limits need it shorter.
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
  };
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/** The status and message for an error Node's HTTP parser raised on a connection. */
export function clientErrorAnswer(
  error: NodeJS.ErrnoException & { reason?: string },
  limits: GuardLimits,
): { status: number; message: string } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        message: `The request did not arrive in time (headers within ${seconds(limits.headersTimeoutMs)}, the whole request within ${seconds(limits.requestTimeoutMs)})`,
      };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: `The request line and headers are larger than ${MAX_HEADER_BYTES} bytes` };
    default: {
      const reason = error.reason ?? error.message;
      return { status: 400, message: `Malformed HTTP request: ${reason}` };
    }
  }
}

/**
 * Answers the connections the HTTP parser gives up on (in the envelope), caps concurrent
 * connections (503 with `Retry-After`), and refuses CONNECT.
 */
export function applyServerLimits(
  server: Server,
  limits: GuardLimits,
): { openConnections: () => number; isRefused: (socket: Socket) => boolean } {
  const refused = new WeakSet<Socket>();
  let open = 0;
  // Runs before Node's own listener, so a connection over the cap is answered before it is parsed.
  server.prependListener('connection', (socket: Socket) => {
    open++;
    socket.once('close', () => open--);
    if (open > limits.maxConnections) {
      refused.add(socket);
      socket.on('error', () => socket.destroy());
      socket.end(
        rawAnswer(503, `The mock serves at most ${limits.maxConnections} connections at once; retry shortly`, { 'retry-after': '1' }),
      );
    }
  });
  server.on('clientError', (error: NodeJS.ErrnoException & { reason?: string }, socket: Socket) => {
    // Nothing can be said on a connection that is gone, refused, or already carrying an answer
    // (Node's own handler makes the same check on the response it attached to the socket).
    const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || refused.has(socket) || current?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, message } = clientErrorAnswer(error, limits);
    socket.end(rawAnswer(status, message));
  });
  server.on('connect', (_req, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    socket.end(rawAnswer(405, 'CONNECT is not supported: this is an API server, not a proxy'));
  });
  return { openConnections: () => open, isRefused: (socket) => refused.has(socket) };
}
