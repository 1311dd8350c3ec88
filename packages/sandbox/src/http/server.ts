/**
 * The node:http server with limits, so a client cannot hold the process's sockets or file
 * descriptors: `headersTimeout` (also for a connection that never sends a byte, which node:http
 * alone would keep forever), `requestTimeout`, `keepAliveTimeout` between requests, and a cap on
 * open connections (`server.maxConnections`: past it, new connections are closed at once while
 * existing clients keep working). Protocol errors and CONNECT are answered in the generic error
 * envelope.
 * @see https://nodejs.org/docs/latest-v20.x/api/http.html#class-httpserver
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SANDBOX_MESSAGES } from '../errors/messages.js';

/** The connection limits of a sandbox, in milliseconds and connections. */
export interface ServerLimits {
  /** Time to receive a request's headers, counted from the connection (or from the request's first byte). */
  headersTimeout: number;
  /** Time to receive a whole request, body included. */
  requestTimeout: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeout: number;
  /** Open connections at most; more are closed as they arrive. */
  maxConnections: number;
}

/** The default limits: generous for a local client uploading 500 MiB, tight enough that idle sockets go away. */
export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = Object.freeze({
  headersTimeout: 20_000,
  requestTimeout: 300_000,
  keepAliveTimeout: 5_000,
  maxConnections: 1_000,
});

/**
 * The limits with `overrides` applied.
 * @throws RangeError naming the option when a value is not a positive whole number, or when
 * `headersTimeout` is longer than `requestTimeout` (node:http refuses that too).
 */
export function serverLimitsWith(overrides: Partial<Record<keyof ServerLimits, number | undefined>>): ServerLimits {
  const limits = { ...DEFAULT_SERVER_LIMITS };
  const flag = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} / ${name}`;
  for (const name of Object.keys(DEFAULT_SERVER_LIMITS) as Array<keyof ServerLimits>) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1)
      throw new RangeError(`${flag(name)}: expected a positive whole number, got ${String(value)}`);
    limits[name] = value;
  }
  if (limits.headersTimeout > limits.requestTimeout) {
    throw new RangeError(
      `${flag('headersTimeout')} (${limits.headersTimeout} ms) must not be longer than ${flag('requestTimeout')} (${limits.requestTimeout} ms)`,
    );
  }
  return limits;
}

/** A raw answer for a connection whose request never reached a handler. */
function protocolAnswer(status: number, reason: string, message: string, extra = ''): string {
  const body = JSON.stringify({ error: message });
  return `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${extra}Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Creates the server; `listener` gets every request that arrived whole enough to route. */
export function createHttpServer(limits: ServerLimits, listener: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const shortest = Math.min(limits.headersTimeout, limits.requestTimeout);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      keepAliveTimeout: limits.keepAliveTimeout,
      // node:http checks the two timeouts on this interval (30 s by default); a quarter of the
      // shortest keeps a cut-off close to its limit.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(shortest / 4))),
      // node:http would answer a missing Host with a bare 400; the Host guard answers it in the
      // envelope instead (./host-guard.ts).
      requireHostHeader: false,
    },
    (req, res) => {
      // The first request arrived: from here node:http's own timeouts govern the connection.
      if (fresh.delete(req.socket)) req.socket.setTimeout(0);
      listener(req, res);
    },
  );
  server.maxConnections = limits.maxConnections;

  // node:http starts timing headers at a request's first byte, so a connection that never sends
  // one would stay open for ever. An inactivity timeout covers it until its first request.
  const fresh = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    fresh.add(socket);
    socket.setTimeout(limits.headersTimeout);
  });

  // A request that never reaches the listener: answer it in the generic envelope instead of hanging.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.end(protocolAnswer(408, 'Request Timeout', SANDBOX_MESSAGES.requestTimeout));
    else if (err.code === 'HPE_HEADER_OVERFLOW')
      socket.end(protocolAnswer(431, 'Request Header Fields Too Large', SANDBOX_MESSAGES.headersTooLarge));
    else socket.end(protocolAnswer(400, 'Bad Request', SANDBOX_MESSAGES.malformedRequest));
  });

  // CONNECT asks for a tunnel to the authority it names; node:http hands the socket to this event
  // and, with no listener, closes it without a word. Its target names no resource here, so the
  // 405's Allow is empty ("allows no methods", RFC 9110 §10.2.1).
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    socket.end(protocolAnswer(405, 'Method Not Allowed', SANDBOX_MESSAGES.connectNotSupported, 'Allow: \r\n'));
  });
  return server;
}
