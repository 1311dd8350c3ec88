/**
 * The runner against small local servers that misbehave on purpose: answers framed by length,
 * chunks or close, 100 Continue, early answers to big bodies, silence, hang-ups. Waits are for
 * socket events and the runner's own deadline.
 */
import { once } from 'node:events';
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyPieces, generated, http, requestHead, sendCase, text, type Target } from './index.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function httpServer(listener: RequestListener): Promise<Target> {
  const server = createHttpServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, basePath: '/base', authorization: 'Bearer k' };
}

/** A TCP server that hands each connection to `onSocket` (for answers no HTTP server would give). */
async function tcpServer(onSocket: (socket: Socket, data: () => string) => void): Promise<Target> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    let data = '';
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', () => undefined);
    onSocket(socket, () => data);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, basePath: '/base', authorization: 'Bearer k' };
}

describe('requestHead', () => {
  it('adds Host, credentials, Connection: close and the length, and keeps the case headers in order', () => {
    const head = requestHead(
      { origin: 'http://127.0.0.1:4010', basePath: '/api', authorization: 'Bearer k' },
      http('PATCH', '/x?y=1', {
        headers: [
          ['X-A', '1'],
          ['Content-Type', 'application/json'],
        ],
        body: text('{}'),
      }),
    );
    expect(head).toBe(
      'PATCH /api/x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:4010\r\nX-A: 1\r\nContent-Type: application/json\r\nAuthorization: Bearer k\r\nConnection: close\r\nContent-Length: 2\r\n\r\n',
    );
  });

  it('leaves out what the case gives itself, and the base path for absolute paths', () => {
    const head = requestHead(
      { origin: 'http://h:1', basePath: '/api', authorization: 'Bearer k' },
      {
        ...http('POST', '/v9/x', {
          auth: true,
          headers: [
            ['host', 'other'],
            ['Authorization', 'Basic x'],
            ['Connection', 'keep-alive'],
          ],
          body: text('abc'),
          framing: 'chunked',
        }),
        absolute: true,
      },
    );
    expect(head).toBe(
      'POST /v9/x HTTP/1.1\r\nhost: other\r\nAuthorization: Basic x\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
  });
});

describe('bodyPieces', () => {
  it('generates exactly the declared size, head and tail included, in pieces of the asked size', () => {
    const pieces = [...bodyPieces(generated('HEAD', 'x', 'TAIL', 200_000), 7_000)];
    const all = Buffer.concat(pieces);
    expect(all.length).toBe(200_000);
    expect(all.subarray(0, 5).toString()).toBe('HEADx');
    expect(all.subarray(-5).toString()).toBe('xTAIL');
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(7_000);
  });

  it('refuses a generated body its head and tail do not fit in', () => {
    expect(() => generated('abc', 'x', 'def', 5)).toThrow(RangeError);
  });
});

describe('sendCase', () => {
  it('reads a length-framed JSON answer and sees the server close', async () => {
    const target = await httpServer((req, res) =>
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no ${req.url}` })),
    );
    const result = await sendCase(target, http('GET', '/x'));
    expect(result).toMatchObject({ status: 404, json: { error: 'no /base/x' }, closed: true, hung: false });
    expect(result.headers['content-type']).toBe('application/json');
  });

  it('reads a chunked answer, and one framed by the end of the connection', async () => {
    const chunked = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('one ');
      res.end('two');
    });
    expect((await sendCase(chunked, http('GET', '/'))).body).toBe('one two');
    const byClose = await tcpServer((socket, data) => {
      socket.on('data', () => {
        if (data().includes('\r\n\r\n')) socket.end('HTTP/1.1 400 Bad Request\r\n\r\nplain words');
      });
    });
    expect(await sendCase(byClose, { kind: 'raw', bytes: 'GET / HTTP/1.1\r\nHost: {host}\r\n\r\n' })).toMatchObject({
      status: 400,
      body: 'plain words',
      closed: true,
    });
  });

  it('fills in {host} and {base} in raw bytes', async () => {
    let seen = '';
    const target = await tcpServer((socket, data) =>
      socket.on('data', () => {
        seen = data();
        if (seen.includes('\r\n\r\n')) socket.end('HTTP/1.1 204 No Content\r\n\r\n');
      }),
    );
    await sendCase(target, { kind: 'raw', bytes: 'GET {base}/x HTTP/1.1\r\nHost: {host}\r\n\r\n' });
    expect(seen).toBe(`GET /base/x HTTP/1.1\r\nHost: ${new URL(target.origin).host}\r\n\r\n`);
  });

  it('skips 100 Continue', async () => {
    const target = await tcpServer((socket, data) =>
      socket.on('data', () => {
        if (data().includes('\r\n\r\n')) socket.end('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok');
      }),
    );
    expect(await sendCase(target, http('POST', '/'))).toMatchObject({ status: 201, body: 'ok' });
  });

  it('stops sending a big body once the server has answered', async () => {
    const target = await httpServer((_req, res) => {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end('{"error":"too big"}');
    });
    const result = await sendCase(target, http('POST', '/', { body: generated('{', 'a', '}', 256 * 1024 * 1024) }));
    expect(result).toMatchObject({ status: 413, json: { error: 'too big' } });
    expect(result.bytesSent).toBeLessThan(256 * 1024 * 1024);
  });

  it('reports a server that never answers as hung, at its deadline', async () => {
    const target = await tcpServer(() => undefined);
    const result = await sendCase(target, http('GET', '/'), { timeoutMs: 300 });
    expect(result).toMatchObject({ hung: true, status: undefined, error: 'no complete answer within 300 ms' });
  });

  it('reports a server that hangs up without answering', async () => {
    const target = await tcpServer((socket, data) => socket.on('data', () => data().includes('\r\n\r\n') && socket.destroy()));
    const result = await sendCase(target, http('GET', '/'));
    expect(result).toMatchObject({
      hung: false,
      status: undefined,
      closed: true,
      error: 'the server closed the connection without an answer',
    });
  });

  it('reports an answer that is cut off, and one left open after a complete answer', async () => {
    const cut = await tcpServer((socket, data) =>
      socket.on('data', () => data().includes('\r\n\r\n') && socket.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')),
    );
    expect(await sendCase(cut, http('GET', '/'))).toMatchObject({
      status: 200,
      error: 'the server closed the connection in the middle of its answer',
    });
    const open = await tcpServer((socket, data) =>
      socket.on('data', () => data().includes('\r\n\r\n') && socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')),
    );
    expect(await sendCase(open, http('GET', '/'), { closeWaitMs: 200 })).toMatchObject({
      status: 200,
      body: 'ok',
      closed: false,
      hung: false,
    });
  });

  it('reports a refused connection', async () => {
    const target = await tcpServer(() => undefined);
    await closers.pop()!();
    expect(await sendCase(target, http('GET', '/'))).toMatchObject({ status: undefined, error: 'ECONNREFUSED' });
  });

  it('sends chunked bodies in the chunked coding, whatever the piece size', async () => {
    let received = '';
    const target = await httpServer((req, res) => {
      req.setEncoding('utf8');
      req.on('data', (d: string) => (received += d));
      req.on('end', () => res.end(JSON.stringify({ chunked: req.headers['transfer-encoding'] })));
    });
    const result = await sendCase(target, http('POST', '/', { body: text('hello chunked world'), framing: 'chunked', chunkBytes: 3 }));
    expect(result.json).toEqual({ chunked: 'chunked' });
    expect(received).toBe('hello chunked world');
  });
});
