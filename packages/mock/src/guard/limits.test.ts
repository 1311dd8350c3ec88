/**
 * The guard as a server, in front of a stand-in upstream (no Prism): timeouts, the connection cap,
 * answers to broken HTTP, 503 while the upstream is away, and what reaches the upstream. Every wait
 * is for a socket event or an answer, never a sleep.
 */
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generated, http, type HttpSend } from '@identitycall/hostile-inputs';
import { getOperation } from '@identitycall/openapi';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, KEY, localServer, openSocket, send, untilClosed, waitFor } from '../../test/helpers.js';
import { bundledFacts } from '../facts.js';
import type { Upstream } from '../prism/supervisor.js';
import type { GuardLimits } from './limits.js';
import { createGuard, type Guard } from './server.js';

const facts = bundledFacts();
const base = facts.basePath;
const operatorPath = getOperation(facts.doc, 'getOperator').path.replace('{id}', '42');
const updateOperator = getOperation(facts.doc, 'updateOperator');

interface Running {
  guard: Guard;
  origin: string;
  basePath: string;
  suspected: number;
  logs: string[];
}

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

/** Starts a guard in front of `upstream` (a URL, or a fixed unavailable state). */
async function startGuard(upstream: string | Exclude<Upstream, { url: string }>, limits: Partial<GuardLimits> = {}): Promise<Running> {
  const state: Running = { guard: undefined as unknown as Guard, origin: '', basePath: base, suspected: 0, logs: [] };
  state.guard = createGuard({
    facts,
    upstream: () => (typeof upstream === 'string' ? { url: upstream } : upstream),
    suspect: () => state.suspected++,
    limits,
    log: (line) => state.logs.push(line),
  });
  state.guard.server.listen(0, '127.0.0.1');
  await once(state.guard.server, 'listening');
  state.origin = `http://127.0.0.1:${(state.guard.server.address() as AddressInfo).port}`;
  running.push({
    close: () =>
      new Promise<void>((resolve) => {
        state.guard.server.close(() => resolve());
        state.guard.server.closeAllConnections();
        state.guard.dispose();
      }),
  });
  return state;
}

/** A stand-in upstream that answers 200 `{"ok": true}` and records what it received. */
async function recordingUpstream() {
  const received: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }> = [];
  const server = await localServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  running.push(server);
  return { url: server.url, received };
}

const rawAnswer = (data: string) => ({
  status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]),
  body: data.slice(data.indexOf('\r\n\r\n') + 4),
});

describe('timeouts', () => {
  it('answers 408 in the envelope and closes a connection whose headers never finish', async () => {
    const { origin } = await startGuard('http://127.0.0.1:1', { headersTimeoutMs: 500 });
    const socket = await openSocket(origin);
    socket.write(`GET ${base}${operatorPath} HTTP/1.1\r\nHost: x\r\n`);
    const answer = rawAnswer(await untilClosed(socket));
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({
      error: 'The request did not arrive in time (headers within 500 ms, the whole request within 600 s)',
    });
  });

  it('closes a connection that never sends anything', async () => {
    const { origin } = await startGuard('http://127.0.0.1:1', { headersTimeoutMs: 500 });
    const socket = await openSocket(origin);
    expect(rawAnswer(await untilClosed(socket)).status).toBe(408);
  });

  it('answers 408 and closes when a body stops arriving before the request timeout', async () => {
    const { origin } = await startGuard('http://127.0.0.1:1', { requestTimeoutMs: 700, headersTimeoutMs: 500 });
    const socket = await openSocket(origin);
    socket.write(
      `PATCH ${base}${operatorPath} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na`,
    );
    const data = await untilClosed(socket);
    expect(data).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle keep-alive connection after an answer', async () => {
    const upstream = await recordingUpstream();
    const { origin } = await startGuard(upstream.url, { keepAliveTimeoutMs: 300 });
    const socket = await openSocket(origin);
    socket.write(`GET ${base}${operatorPath} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`);
    const data = await untilClosed(socket);
    expect(data).toMatch(/^HTTP\/1\.1 200 /);
    expect(data).toMatch(/keep-alive/i);
  });
});

describe('the connection cap', () => {
  it('answers connections over the cap with 503 and Retry-After, and serves again once one closes', async () => {
    const upstream = await recordingUpstream();
    const guard = await startGuard(upstream.url, { maxConnections: 2 });
    const first = await openSocket(guard.origin);
    const second = await openSocket(guard.origin);
    await waitFor('two open connections', () => (guard.guard.openConnections() === 2 ? true : undefined));
    const third = await openSocket(guard.origin);
    const refused = await untilClosed(third);
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(JSON.parse(rawAnswer(refused).body)).toEqual({ error: 'The mock serves at most 2 connections at once; retry shortly' });

    first.destroy();
    await waitFor('the first connection to be counted as closed', () => (guard.guard.openConnections() === 1 ? true : undefined));
    const res = await send(guard, http('GET', operatorPath));
    expect(res.status).toBe(200);
    second.destroy();
  });
});

describe('broken HTTP', () => {
  it.each([
    { name: 'garbage', bytes: 'THIS IS NOT HTTP\r\n\r\n', status: 400, message: /^Malformed HTTP request: / },
    {
      name: 'a header block over 16 KiB',
      bytes: `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
      status: 431,
      message: /larger than 16384 bytes/,
    },
    {
      name: 'CONNECT',
      bytes: 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      status: 405,
      message: /CONNECT is not supported/,
    },
    { name: 'no Host', bytes: `GET ${base}${operatorPath} HTTP/1.1\r\n\r\n`, status: 400, message: /needs a Host header/ },
    {
      name: 'two Hosts',
      bytes: `GET ${base}${operatorPath} HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n`,
      status: 400,
      message: /more than one Host header/,
    },
  ])('answers $name with $status in the envelope and closes', async ({ bytes, status, message }) => {
    const { origin } = await startGuard('http://127.0.0.1:1');
    const socket = await openSocket(origin);
    socket.write(bytes);
    const answer = rawAnswer(await untilClosed(socket));
    expect(answer.status).toBe(status);
    expect((JSON.parse(answer.body) as { error: string }).error).toMatch(message);
  });
});

describe('the upstream', () => {
  it('answers 503 with Retry-After while the upstream is restarting', async () => {
    const guard = await startGuard({ unavailable: "The mock's Prism process is restarting", retryAfterSeconds: 3 });
    const res = await send(guard, http('GET', operatorPath));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.json).toEqual({ error: "The mock's Prism process is restarting; retry in 3 s" });
  });

  it('answers 503 and reports the upstream when it refuses connections', async () => {
    const dead = await localServer(() => undefined);
    await dead.close();
    const guard = await startGuard(dead.url);
    const res = await send(guard, http('GET', operatorPath));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect((res.json as { error: string }).error).toMatch(/^Prism did not answer \(connect ECONNREFUSED/);
    expect(guard.suspected).toBe(1);
  });

  it('answers 503 when the upstream does not answer in time', async () => {
    const silent = await localServer(() => undefined);
    running.push(silent);
    const guard = await startGuard(silent.url, { upstreamTimeoutMs: 300 });
    const res = await send(guard, http('GET', operatorPath));
    expect(res.status).toBe(503);
    expect((res.json as { error: string }).error).toBe('Prism did not answer (no answer within 300 ms); retry in 1 s');
  });

  it.each([
    { status: 422, sent: 422, error: 'The mock could not answer this request: Invalid request: Request path parameter id must be integer' },
    { status: 500, sent: 400, error: 'The mock could not answer this request: Invalid request: Request path parameter id must be integer' },
  ])("rewrites Prism's own $status problem+json into the envelope ($sent)", async ({ status, sent, error }) => {
    const prism = await localServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          title: 'Invalid request',
          status,
          detail: 'x',
          validation: [{ message: 'Request path parameter id must be integer' }],
        }),
      );
    });
    running.push(prism);
    const guard = await startGuard(prism.url);
    const res = await send(guard, http('GET', operatorPath));
    expect(res.status).toBe(sent);
    expect(res.json).toEqual({ error });
    expect(guard.logs.join('\n')).toContain(`with its own ${status}`);
  });

  it('forwards a checked request with canonical path and query, without hop-by-hop headers or other preferences', async () => {
    const upstream = await recordingUpstream();
    const guard = await startGuard(upstream.url);
    const res = await send(
      guard,
      http('GET', `${operatorPath.replace('42', '%34%32')}?x=a+b`, {
        headers: [
          ['Prefer', 'return=minimal, code=404'],
          ['Keep-Alive', 'timeout=5'],
          ['Te', 'trailers'],
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const [got] = upstream.received;
    expect(got).toMatchObject({ method: 'GET', url: `${operatorPath}?x=a%20b` });
    expect(got!.headers).toMatchObject({ authorization: AUTH.Authorization, prefer: 'code=404' });
    expect(got!.headers['keep-alive']).toBeUndefined();
    expect(got!.headers.te).toBeUndefined();
  });

  it('forwards JSON as the text it parsed (a byte-order mark removed)', async () => {
    const upstream = await recordingUpstream();
    const guard = await startGuard(upstream.url);
    const path = updateOperator.path.replace('{id}', '42');
    const body = { kind: 'bytes' as const, bytes: new Uint8Array(Buffer.from('\ufeff{"active":false}')) };
    const res = await send(guard, http('PATCH', path, { headers: [['Content-Type', 'application/json']], body }));
    expect(res.status).toBe(200);
    expect(upstream.received[0]!.body.toString()).toBe('{"active":false}');
  });

  it('forwards an upload as a small form with the documented fields, a plain file name and the first bytes of the file', async () => {
    const upstream = await recordingUpstream();
    const guard = await startGuard(upstream.url);
    const format = facts.uploadFormats[0]!;
    const boundary = 'limitsTestBoundary';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="project_id"\r\n\r\n42\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="x;y=z"\r\n\r\nan undocumented field\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a;b=\\"c${format.extension}"\r\n\r\nID3`;
    const tail = `\r\n--${boundary}--\r\n`;
    const upload = http(facts.upload.operation.method.toUpperCase(), facts.upload.operation.path, {
      headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
      body: generated(head, 'x', tail, 3 * 1024 * 1024),
    });
    const res = await send(guard, upload);
    expect(res.status).toBe(200);
    const got = upstream.received[0]!;
    const form = await new Response(new Uint8Array(got.body), {
      headers: { 'content-type': String(got.headers['content-type']) },
    }).formData();
    expect([...form.keys()]).toEqual(['project_id', 'file']);
    expect(form.get('project_id')).toBe('42');
    const file = form.get('file') as File;
    // Prism's parser breaks on ";" and "=" in names: it gets a plain one.
    expect(file.name).toBe(`upload${format.extension}`);
    // The part had no Content-Type: the format's first media type is given to Prism.
    expect(file.type).toBe(format.mediaTypes[0]);
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe(`ID3${'x'.repeat(253)}`);
    expect(got.body.length).toBeLessThan(2048);
  });
});

describe('refusing a body early', () => {
  it('answers a 32 MiB JSON body with 413 before reading it, and the client gets the whole answer', async () => {
    const upstream = await recordingUpstream();
    const guard = await startGuard(upstream.url);
    const path = updateOperator.path.replace('{id}', '42');
    const big: HttpSend = http('PATCH', path, {
      headers: [['Content-Type', 'application/json']],
      body: generated('{"name":"', 'a', '"}', 32 * 1024 * 1024),
    });
    const res = await send(guard, big);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: facts.payloadTooLarge });
    expect(res.closed).toBe(true);
    expect(res.bytesSent).toBeLessThan(32 * 1024 * 1024);
    expect(upstream.received).toEqual([]);
    // …and keeps serving.
    expect((await send(guard, http('GET', operatorPath))).status).toBe(200);
  });

  it('answers a chunked JSON body with 413 as soon as it passes the limit', async () => {
    const upstream = await recordingUpstream();
    const guard = await startGuard(upstream.url);
    const path = updateOperator.path.replace('{id}', '42');
    const res = await send(
      guard,
      http('PATCH', path, {
        headers: [['Content-Type', 'application/json']],
        framing: 'chunked',
        body: generated('{"name":"', 'a', '"}', 4 * facts.jsonBodyLimit),
      }),
    );
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: facts.payloadTooLarge });
  });
});
