/**
 * What the success path does without the general machinery, checked against that machinery: the
 * path cut from a URL equals the URL parser's, the route lookup by path segments equals the
 * documented routes, a buffered response reads like the one that arrived, and the per-attempt
 * control still times out and follows the caller with no closures of its own.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, recordingFetch, startServer, TEST_KEY, testClient, type LocalServer } from '../../test/helpers.js';
import { APITimeoutError, APIUserAbortError, createIdentityCallClient } from '../index.js';
import { SUCCESS_BODIES } from '../generated/spec.gen.js';
import { buffer } from './buffered.js';
import { expectedFields } from './response.js';
import { Attempt } from './timeout.js';
import { contextOfRequest, pathOf } from './transport.js';

describe('pathOf', () => {
  it.each([
    'https://api.example.test/api/v1/public/operators/42',
    'https://api.example.test/api/v1/public/operators/42?page=2#top',
    'http://127.0.0.1:8080/operators',
    'http://127.0.0.1:8080',
    'http://127.0.0.1:8080?x=1',
    'https://user:pw@api.example.test/a/b',
    'https://api.example.test/recordings/abc-123_x~y',
    "https://api.example.test/p/!$&'()*+,;=:@",
    'https://api.example.test/p/%41%2F%zz',
    'https://api.example.test/p/..',
    'https://api.example.test/p/./q',
    'https://api.example.test/p/%2e%2E/q',
    'https://api.example.test/p/.hidden',
    'https://api.example.test/p/a b',
    'https://api.example.test/p/"quoted"',
    'https://api.example.test/p/{x}|[y]^`z`',
    'https://api.example.test/p/naïve/日本',
    'https://api.example.test/p\\q',
    'https://api.example.test//double//slash/',
    'HTTPS://API.EXAMPLE.TEST/Case',
    'https://api.example.test/p/a\tb',
  ])('%s: the same path as new URL()', (url) => {
    expect(pathOf(url)).toBe(new URL(url).pathname);
  });

  it('gives the path below the base URL to error context, with the key masked', () => {
    const request = new Request(`https://api.example.test/api/v1/public/operators/${TEST_KEY}?q=1`);
    expect(contextOfRequest(request, '/api/v1/public', TEST_KEY)).toEqual({ method: 'GET', path: '/operators/[REDACTED]' });
  });
});

describe('expectedFields', () => {
  it('finds every documented route from a path of the same shape', () => {
    for (const [route, bodies] of Object.entries(SUCCESS_BODIES)) {
      const [method = '', template = ''] = route.split(' ');
      const path = template.replace(/\{[^}]+\}/g, '7');
      const [status] = Object.keys(bodies);
      expect(expectedFields({ method, path }, Number(status)), route).toEqual(bodies[status!]);
    }
  });

  it('lets a parameter take exactly one non-empty segment', () => {
    expect(expectedFields({ method: 'GET', path: '/operators/' }, 200)).toBeUndefined();
    expect(expectedFields({ method: 'GET', path: '/operators/42/extra' }, 200)).toBeUndefined();
    expect(expectedFields({ method: 'GET', path: '/operators//' }, 200)).toBeUndefined();
    expect(expectedFields({ method: 'TRACE', path: '/operators/42' }, 200)).toBeUndefined();
  });
});

describe('a buffered response', () => {
  const read = (text: string, type: string | null) => ({
    context: { method: 'GET', path: '/operators' },
    text,
    type,
    secret: TEST_KEY,
    bytes: () => new TextEncoder().encode(text),
  });

  it('is still the Response that arrived, and every reader serves the text read', async () => {
    const text = '{"data":[{"id":1,"name":"Zoë"}]}';
    const responses = Array.from(
      { length: 5 },
      () => new Response(text, { status: 201, headers: { 'content-type': 'application/json', 'x-a': '1' } }),
    );
    for (const response of responses) await response.text(); // consumed, as the transport leaves it
    const [a, b, c, d, e] = responses.map((r) => buffer(r, read(text, 'application/json')));
    expect(a).toBe(responses[0]);
    expect(a).toBeInstanceOf(Response);
    expect([a!.status, a!.ok, a!.headers.get('x-a')]).toEqual([201, true, '1']);
    expect(await a!.text()).toBe(text);
    expect(await b!.json()).toEqual({ data: [{ id: 1, name: 'Zoë' }] });
    expect(new TextDecoder().decode(await c!.arrayBuffer())).toBe(text);
    const blob = await d!.blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', text]);
    expect(await new Response(e!.body).text()).toBe(text);
  });

  it('turns a body that does not parse into an APIResponseError, the key masked', async () => {
    const text = `<p>${TEST_KEY}</p>`;
    const response = new Response(text, { headers: { 'content-type': 'text/html' } });
    await response.text();
    const error = await buffer(response, read(text, 'text/html'))
      .json()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'APIResponseError', contentType: 'text/html' });
    expect(String((error as Error).message)).not.toContain(TEST_KEY);
    expect((error as Error).message).toContain('[REDACTED]');
  });

  it('is what client.raw hands back, readable again after openapi-fetch parsed it', async () => {
    const { fetch } = recordingFetch(json({ data: [] }));
    const { data, response } = await testClient(fetch).raw.GET('/operators');
    expect(data).toEqual({ data: [] });
    expect(await response.json()).toEqual({ data: [] });
    expect(response.headers.get('content-type')).toBe('application/json');
  });
});

describe('Attempt', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('aborts its signal with a TimeoutError when the timeout runs out, and rejects what it guards', async () => {
    vi.useFakeTimers();
    const attempt = new Attempt(undefined, 1000);
    const guarded = attempt.guard(new Promise(() => undefined)).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    expect(attempt.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect([attempt.signal.aborted, attempt.timedOut]).toEqual([true, true]);
    expect(await guarded).toMatchObject({ name: 'TimeoutError', message: 'Timed out after 1000 ms' });
  });

  it("follows the caller's signal until done, then lets go of it", async () => {
    const caller = new AbortController();
    const first = new Attempt(caller.signal, 60_000);
    first.done();
    const second = new Attempt(caller.signal, 60_000);
    const guarded = second.guard(new Promise(() => undefined)).catch((e: unknown) => e);
    caller.abort(new Error('stop'));
    expect(await guarded).toMatchObject({ message: 'stop' });
    expect([first.signal.aborted, second.signal.aborted, second.timedOut]).toEqual([false, true, false]);
    second.done();
  });

  it('starts aborted for a caller signal that already is, and the timer no longer fires once done', async () => {
    vi.useFakeTimers();
    expect(new Attempt(AbortSignal.abort('early'), 1000).signal.reason).toBe('early');
    const attempt = new Attempt(undefined, 1000);
    attempt.done();
    await vi.advanceTimersByTimeAsync(5000);
    expect([attempt.signal.aborted, attempt.timedOut]).toEqual([false, false]);
  });
});

describe('timeouts and aborts over the platform fetch, on a real server', () => {
  /** A path whose answer the test writes itself: `arrived` gives it the response, `closed` says the client hung up. */
  interface Held {
    arrived: Promise<ServerResponse>;
    closed: Promise<void>;
    arrive(res: ServerResponse): void;
    close(): void;
  }
  const held = new Map<string, Held>();
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const entry = held.get(req.url ?? '');
      if (!entry) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"id":1}}');
      res.on('close', () => entry.close());
      entry.arrive(res);
    });
  });
  afterAll(() => server.close());

  function hold(path: string): Held {
    const entry = {} as Held;
    entry.arrived = new Promise((resolve) => (entry.arrive = resolve));
    entry.closed = new Promise((resolve) => (entry.close = resolve));
    held.set(path, entry);
    return entry;
  }
  const client = () => createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: server.url, maxRetries: 0 });

  it('a timeout fires before the headers when the call has no signal of its own, and the connection is let go', async () => {
    const answer = hold('/operators/11');
    const error = await client()
      .operators.get(11, { timeout: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({ timeout: 300, path: '/operators/11' });
    // Late headers and the start of a body: the client must not keep the connection for them.
    const res = await answer.arrived;
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).write('{"data":');
    await answer.closed;
  });

  it('a timeout fires while the body is read, and the connection is let go', async () => {
    const answer = hold('/operators/12');
    const pending = client()
      .operators.get(12, { timeout: 500 })
      .catch((e: unknown) => e);
    (await answer.arrived).writeHead(200, { 'content-type': 'application/json' }).write('{"data":');
    expect(await pending).toBeInstanceOf(APITimeoutError);
    await answer.closed;
  });

  it("a caller's abort while the body is read throws APIUserAbortError and hangs up", async () => {
    const answer = hold('/operators/13');
    const controller = new AbortController();
    const pending = client()
      .operators.get(13, { signal: controller.signal })
      .catch((e: unknown) => e);
    const res = await answer.arrived;
    res.writeHead(200, { 'content-type': 'application/json' });
    await new Promise<void>((resolve) => res.write('{"data":', () => resolve()));
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    await answer.closed;
  });

  it("a caller's abort before the headers throws APIUserAbortError and hangs up", async () => {
    const answer = hold('/operators/14');
    const controller = new AbortController();
    const pending = client()
      .operators.get(14, { signal: controller.signal, timeout: 60_000 })
      .catch((e: unknown) => e);
    await answer.arrived;
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    await answer.closed;
  });
});
