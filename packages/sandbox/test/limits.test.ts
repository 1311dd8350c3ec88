/**
 * Request and connection limits: a JSON body one byte over the spec's `x-max-bytes` gets 413 with
 * the spec's own words, a client that sends its headers one byte at a time is cut off, a connection
 * that never sends anything and an idle keep-alive connection are closed, and at the connection
 * cap new connections are closed while existing clients keep working, until slots free up again.
 * Each test runs a sandbox with small limits and waits for the socket's `close` event itself; the
 * limits bound how long that takes, and no assertion depends on how fast the machine is.
 */
import { connect, type Socket } from 'node:net';
import { jsonBodyLimit } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { KEYS, eventually, spec, useSandbox, type Api } from './helpers.js';

const API_PATH = '/api/v1/public/operators/42';

/** Opens a TCP connection to the sandbox; resolves once it is connected. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything a socket received until it closed (errors such as a reset count as the close). */
function closed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
    socket.on('error', () => undefined);
    if (socket.destroyed) resolve(data);
    else socket.once('close', () => resolve(data));
  });
}

/** Sends one keep-alive GET on `socket` and resolves with the whole answer (status line to body). */
function requestOn(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (d: Buffer): void => {
      data += d.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(data)?.[1] ?? NaN);
      if (end >= 0 && data.length >= end + 4 + length) {
        socket.off('data', onData);
        resolve(data);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`closed before the answer: ${JSON.stringify(data)}`)));
    socket.write(`GET ${API_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEYS.full}\r\n\r\n`);
  });
}

const portOf = (api: Api): number => Number(new URL(api.sandbox.url).port);

describe('headers timeout', () => {
  // Only clients that never finish their headers talk to this sandbox: with so short a limit, a
  // starved event loop could otherwise cut off a real request too.
  const { api } = useSandbox({ headersTimeout: 300, requestTimeout: 5_000 });

  it('cuts off a client that sends its headers one byte at a time', async () => {
    const socket = await open(portOf(api()));
    // Headers that never end: one more header line, byte by byte, for as long as the server listens.
    const head = `GET ${API_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n`;
    let sent = 0;
    const trickle = setInterval(() => {
      if (!socket.writable) return;
      socket.write(sent < head.length ? head[sent]! : 'x');
      sent++;
    }, 10);
    const answer = await closed(socket).finally(() => clearInterval(trickle));
    // Cut off by the headers timeout (408, or a bare close when the reset wins the race), not by
    // node's 16 KiB header limit and not because the headers ever completed.
    expect(answer === '' || /^HTTP\/1\.1 408 /.test(answer), answer).toBe(true);
    expect(sent).toBeLessThan(16 * 1024);
  });

  it('closes a connection that never sends a byte', async () => {
    const socket = await open(portOf(api()));
    // Which of node's two clocks fires first (the socket's idle timer or its request check) depends
    // on the machine's load: the connection is closed either way, silently or after a 408.
    const answer = await closed(socket);
    expect(answer === '' || /^HTTP\/1\.1 408 /.test(answer), answer).toBe(true);
  });
});

describe('keep-alive timeout', () => {
  const { api } = useSandbox({ keepAliveTimeout: 200 });

  it('closes an idle keep-alive connection after its answer', async () => {
    const socket = await open(portOf(api()));
    const ended = closed(socket);
    const answer = await requestOn(socket);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/\r\nkeep-alive: timeout=\d+/i);
    await ended;
    expect(socket.destroyed).toBe(true);
    // The server is still there for the next client.
    expect((await api().get('/operators/42')).status).toBe(200);
  });
});

describe('JSON body limit', () => {
  const { api } = useSandbox();
  const limit = jsonBodyLimit(spec);
  const bodyOf = (bytes: number) => `{"name":"${'a'.repeat(bytes - 11)}"}`;

  it("answers a body one byte over x-max-bytes with 413 and PayloadTooLarge's text, and takes one at the limit", async () => {
    expect(bodyOf(limit)).toHaveLength(limit);
    const over = await api().call('PATCH', '/operators/42', { rawBody: bodyOf(limit + 1) });
    expect(over.status).toBe(413);
    expect(over.body).toEqual({ error: 'Request body is larger than 1 MiB' });
    expect((await api().call('PATCH', '/operators/42', { rawBody: bodyOf(limit) })).status).toBe(200);
  });
});

describe('limit options', () => {
  it('refuses limits that cannot work together, naming the flag and the option', async () => {
    await expect(startSandbox({ port: 0, headersTimeout: 2_000, requestTimeout: 1_000 })).rejects.toThrow(
      /--headers-timeout \/ headersTimeout \(2000 ms\) must not be longer than --request-timeout \/ requestTimeout/,
    );
    await expect(startSandbox({ port: 0, maxConnections: 0 })).rejects.toThrow(
      /--max-connections \/ maxConnections: expected a positive whole number/,
    );
  });
});

describe('connection cap', () => {
  const { api } = useSandbox({ maxConnections: 2, headersTimeout: 60_000, keepAliveTimeout: 60_000 });

  it('closes new connections at the cap, keeps serving the open ones, and serves again once they leave', async () => {
    const port = portOf(api());
    const first = await open(port);
    const second = await open(port);
    // A whole request on each proves the server has counted both.
    expect(await requestOn(first)).toMatch(/^HTTP\/1\.1 200 /);
    expect(await requestOn(second)).toMatch(/^HTTP\/1\.1 200 /);

    const third = connect(port, '127.0.0.1');
    expect(await closed(third)).toBe('');
    expect(await requestOn(first)).toMatch(/^HTTP\/1\.1 200 /);

    first.destroy();
    second.destroy();
    // The server sees the closes a moment after the client does.
    await eventually('a new connection is served', async () => (await api().get('/operators/42')).status === 200);
  });
});

describe('idle connections free the cap', () => {
  const { api } = useSandbox({ maxConnections: 1, headersTimeout: 60_000, keepAliveTimeout: 200 });

  it('serves a new client once the server has closed the idle one', async () => {
    const port = portOf(api());
    const idle = await open(port);
    const ended = closed(idle);
    expect(await requestOn(idle)).toMatch(/^HTTP\/1\.1 200 /);
    await ended;
    await eventually('a new connection is served', async () => (await api().get('/operators/42')).status === 200);
  });
});
