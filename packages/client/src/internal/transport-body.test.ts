/**
 * The response body is part of the attempt: it is read under the attempt's timeout, and a body
 * that stalls or breaks off fails the attempt like headers that never come — retried by the same
 * rule, with the same error class when the retries run out. Over a real local server (counts of
 * attempts and error classes, never elapsed times) and on the fake clock (exact events).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, recordingFetch, settle, startServer, TEST_KEY, testClient, type LocalServer } from '../../test/helpers.js';
import { APIConnectionError, APITimeoutError, createIdentityCallClient, type RequestLogEvent } from '../index.js';

const operator = { id: 42, name: 'Jane Doe', phone_number: '+15551234567', email: null, active: true, initials: 'JD', virtual_numbers: [] };

describe('over a real HTTP server', () => {
  let server: LocalServer;
  /** Requests seen, by path. */
  const hits = new Map<string, number>();
  /** Paths whose body stalls on this many first attempts (Infinity: always). */
  const stalls = new Map<string, number>();

  beforeAll(async () => {
    server = await startServer((req, res) => {
      const path = req.url ?? '/';
      const n = (hits.get(path) ?? 0) + 1;
      hits.set(path, n);
      req.resume();
      if (path === '/operators/6') {
        // Headers and half a body, then the connection breaks.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":', () => setImmediate(() => req.socket.destroy()));
      } else if (n <= (stalls.get(path) ?? 0)) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":'); // and never finish: the socket closes when the client gives up
      } else {
        res.writeHead(path === '/operators' && req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: operator }));
      }
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    hits.clear();
    stalls.clear();
  });

  /** A client on the server that records every hook event; timeouts well under the test's own. */
  const client = (events: RequestLogEvent[] = []) =>
    createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: server.url, timeout: 400, onRequest: (e) => events.push(e) });

  it('retries a GET whose body stalls past the timeout, then returns the data', async () => {
    stalls.set('/operators/1', 1);
    const events: RequestLogEvent[] = [];
    expect(await client(events).operators.get(1, { maxRetries: 4 })).toEqual(operator);
    expect(hits.get('/operators/1')).toBeGreaterThanOrEqual(2);
    expect(events[0]!.error).toBeInstanceOf(APITimeoutError);
    expect(events[0]!.retryDelayMs).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ status: 200, error: undefined, retryDelayMs: undefined });
  });

  it('throws APITimeoutError after maxRetries + 1 attempts whose bodies all stall', async () => {
    stalls.set('/operators/2', Infinity);
    const events: RequestLogEvent[] = [];
    const error = await client(events)
      .operators.get(2, { maxRetries: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({ timeout: 400, method: 'GET', path: '/operators/2' });
    expect(hits.get('/operators/2')).toBe(3);
    expect(events.map((e) => e.error?.name)).toEqual(['APITimeoutError', 'APITimeoutError', 'APITimeoutError']);
    expect(events.map((e) => e.retryDelayMs === undefined)).toEqual([false, false, true]);
  });

  it('does not retry a POST whose body stalls: one attempt, APITimeoutError', async () => {
    stalls.set('/operators', Infinity);
    const error = await client()
      .operators.create({ name: 'Jane Doe', phone_number: '+15551234567' }, { maxRetries: 3 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(hits.get('/operators')).toBe(1);
  });

  it('retries a body cut off by a broken connection, then throws APIConnectionError', async () => {
    const error = await client()
      .operators.get(6, { maxRetries: 2, timeout: 30_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect(hits.get('/operators/6')).toBe(3);
  });

  it('times out the body on the fake clock too: the timer covers it, not just the headers', async () => {
    stalls.set('/operators/3', Infinity);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let headers: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (headers = resolve));
      // An injected fetch tells the test when the response headers reached the client.
      const fetch = async (request: Request) => {
        const response = await globalThis.fetch(request);
        headers();
        return response;
      };
      const pending = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: server.url, fetch, maxRetries: 0 })
        .operators.get(3, { timeout: 30_000 })
        .catch((e: unknown) => e);
      await arrived;
      await vi.advanceTimersByTimeAsync(30_000);
      expect(await pending).toBeInstanceOf(APITimeoutError);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('on the fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const stalled = () =>
    new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"data":')) }), { status: 200 });

  it('a stalled body is an attempt that timed out with status 200, retried after the backoff', async () => {
    const events: RequestLogEvent[] = [];
    const { fetch, sent } = recordingFetch(stalled, stalled, json({ data: operator }));
    const { value } = await settle(vi, testClient(fetch, { timeout: 1000, onRequest: (e) => events.push(e) }).operators.get(42));
    expect(value).toEqual(operator);
    expect(sent.map((s) => s.at)).toEqual([0, 1500, 3500]); // 1 s timeout, 0.5 s wait; 1 s timeout, 1 s wait
    expect(events.map(({ status, error, retryDelayMs }) => ({ status, error: error?.name, retryDelayMs }))).toEqual([
      { status: 200, error: 'APITimeoutError', retryDelayMs: 500 },
      { status: 200, error: 'APITimeoutError', retryDelayMs: 1000 },
      { status: 200, error: undefined, retryDelayMs: undefined },
    ]);
    expect(sent.slice(0, 2).map((s) => s.signal.aborted)).toEqual([true, true]);
  });

  it('a stalled body on the last attempt throws APITimeoutError', async () => {
    const { fetch, sent } = recordingFetch(stalled);
    const { error } = await settle(vi, testClient(fetch, { timeout: 1000, maxRetries: 1 }).operators.list());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(sent).toHaveLength(2);
  });

  it('client.raw retries a stalled body the same way', async () => {
    const { fetch, sent } = recordingFetch(stalled, json({ data: [operator] }));
    const { value } = await settle(vi, testClient(fetch, { timeout: 1000 }).raw.GET('/operators'));
    expect(value?.data?.data).toEqual([operator]);
    expect(sent).toHaveLength(2);
  });
});
