/**
 * Retries, backoff, Retry-After, timeouts and cancellation, seen through the public client with a
 * recording fetch on the fake clock (attempt times are exact), and over a real local server.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, never, recordingFetch, rejection, settle, startServer, TEST_KEY, testClient, type LocalServer } from '../../test/helpers.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  createIdentityCallClient,
  InternalServerError,
  RateLimitError,
  type IdentityCallClient,
} from '../index.js';

const operator = { id: 42, name: 'Jane Doe', phone_number: '+15551234567', email: null, active: true, initials: 'JD', virtual_numbers: [] };
const ok = () => json({ data: operator });
const unavailable = () => json({ error: 'Service Unavailable' }, 503);
type Fetch = (request: Request) => Promise<Response>;
const T0 = Date.parse('2026-11-30T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: backoff is exactly 500, 1000, 2000…
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Offsets (ms from T0) at which each attempt was sent. */
const times = (sent: { at: number }[]) => sent.map((s) => s.at - T0);

describe('retries', () => {
  it('retries a 429 after its Retry-After seconds, then returns the data', async () => {
    const { fetch, sent } = recordingFetch(json({ error: 'Rate limit exceeded' }, 429, { 'retry-after': '2' }), ok());
    const { value } = await settle(vi, testClient(fetch).operators.get(42));
    expect(value).toEqual(operator);
    expect(times(sent)).toEqual([0, 2000]);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const at = new Date(T0 + 3000).toUTCString();
    const { fetch, sent } = recordingFetch(json({ error: 'Rate limit exceeded' }, 429, { 'retry-after': at }), ok());
    const { value } = await settle(vi, testClient(fetch).operators.get(42));
    expect(value).toEqual(operator);
    expect(times(sent)).toEqual([0, 3000]);
  });

  it('succeeds after 503 three times with maxRetries 3, backing off 0.5 s, 1 s, 2 s', async () => {
    const { fetch, sent } = recordingFetch(unavailable(), unavailable(), unavailable(), ok());
    const { value } = await settle(vi, testClient(fetch, { maxRetries: 3 }).operators.get(42));
    expect(value).toEqual(operator);
    expect(times(sent)).toEqual([0, 500, 1500, 3500]);
  });

  it('throws the last error once the retries are exhausted (default maxRetries 2)', async () => {
    const { fetch, sent } = recordingFetch(unavailable());
    const { error } = await settle(vi, testClient(fetch).operators.get(42));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, method: 'GET', path: '/operators/42' });
    expect(times(sent)).toEqual([0, 500, 1500]);
  });

  it('caps the backoff at 8 s', async () => {
    const { fetch, sent } = recordingFetch(unavailable());
    await settle(vi, testClient(fetch, { maxRetries: 6 }).operators.get(42));
    const gaps = times(sent)
      .slice(1)
      .map((t, i) => t - times(sent)[i]!);
    expect(gaps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('jitters the backoff down by up to 25%', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    const { fetch, sent } = recordingFetch(unavailable());
    await settle(vi, testClient(fetch).operators.get(42));
    expect(times(sent).map(Math.round)).toEqual([0, 375, 1125]);
  });

  it('does not wait for a Retry-After over 60 s: the RateLimitError says how long', async () => {
    const { fetch, sent } = recordingFetch(json({ error: 'Rate limit exceeded' }, 429, { 'retry-after': '120' }));
    const { error } = await settle(vi, testClient(fetch).operators.get(42));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(sent).toHaveLength(1);
  });

  it.each([
    { status: 408, attempts: 3 },
    { status: 429, attempts: 3 },
    { status: 500, attempts: 3 },
    { status: 502, attempts: 3 },
    { status: 504, attempts: 3 },
    { status: 400, attempts: 1 },
    { status: 401, attempts: 1 },
    { status: 403, attempts: 1 },
    { status: 404, attempts: 1 },
    { status: 409, attempts: 1 },
    { status: 422, attempts: 1 },
  ])('status $status → $attempts attempt(s)', async ({ status, attempts }) => {
    const { fetch, sent } = recordingFetch(json({ error: 'x' }, status));
    const { error } = await settle(vi, testClient(fetch).operators.get(42));
    expect((error as InternalServerError).status).toBe(status);
    expect(sent).toHaveLength(attempts);
  });

  const mp3 = new Uint8Array([0xff, 0xfb, 0x90, 0x64]);
  it.each([
    { name: 'GET operators.get', call: (c: IdentityCallClient) => c.operators.get(42), attempts: 3 },
    { name: 'GET recordings.list', call: (c: IdentityCallClient) => c.recordings.list(), attempts: 3 },
    { name: 'PATCH operators.update', call: (c: IdentityCallClient) => c.operators.update(42, { active: false }), attempts: 3 },
    { name: 'PATCH projects.update', call: (c: IdentityCallClient) => c.projects.update(1, { name: 'x' }), attempts: 3 },
    { name: 'DELETE operators.delete', call: (c: IdentityCallClient) => c.operators.delete(42), attempts: 3 },
    { name: 'DELETE recordings.delete', call: (c: IdentityCallClient) => c.recordings.delete(1), attempts: 3 },
    { name: 'DELETE virtualNumbers.removeOperator', call: (c: IdentityCallClient) => c.virtualNumbers.removeOperator(7, 42), attempts: 3 },
    {
      name: 'POST operators.create',
      call: (c: IdentityCallClient) => c.operators.create({ name: 'J', phone_number: '+15551234567' }),
      attempts: 1,
    },
    { name: 'POST projects.create', call: (c: IdentityCallClient) => c.projects.create({ name: 'P', language: 'en' }), attempts: 1 },
    {
      name: 'POST virtualNumbers.purchase',
      call: (c: IdentityCallClient) => c.virtualNumbers.purchase({ phone_number: '+15551234567' }),
      attempts: 1,
    },
    {
      name: 'POST virtualNumbers.addOperator',
      call: (c: IdentityCallClient) => c.virtualNumbers.addOperator(7, { operator_id: 42 }),
      attempts: 1,
    },
    {
      name: 'POST upload without external_id',
      call: (c: IdentityCallClient) => c.recordings.upload({ file: mp3, filename: 'a.mp3', project_id: 1 }),
      attempts: 1,
    },
    {
      name: 'POST upload with external_id',
      call: (c: IdentityCallClient) => c.recordings.upload({ file: mp3, filename: 'a.mp3', project_id: 1, external_id: 'crm-1' }),
      attempts: 3,
    },
    { name: 'raw GET', call: (c: IdentityCallClient) => c.raw.GET('/operators'), attempts: 3 },
    { name: 'raw POST', call: (c: IdentityCallClient) => c.raw.POST('/projects', { body: { name: 'P', language: 'en' } }), attempts: 1 },
  ])('a 503 to $name → $attempts attempt(s)', async ({ call, attempts }) => {
    const { fetch, sent } = recordingFetch(unavailable());
    await settle(vi, call(testClient(fetch)) as Promise<unknown>);
    expect(sent).toHaveLength(attempts);
  });

  it('sends the same body again on every attempt (PATCH and the upload)', async () => {
    const { fetch, sent } = recordingFetch(unavailable(), unavailable(), json({ data: operator }));
    await settle(vi, testClient(fetch).operators.update(42, { email: 'jane@example.com' }));
    expect(sent.map((s) => s.body)).toEqual(Array(3).fill('{"email":"jane@example.com"}'));

    const upload = recordingFetch(unavailable(), json({ data: { id: 1, status: 'pending' } }, 201));
    const file = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 1, 2, 3]);
    await settle(vi, testClient(upload.fetch).recordings.upload({ file, filename: 'a.mp3', external_id: 'crm-1' }));
    expect(upload.sent).toHaveLength(2);
    for (const s of upload.sent) {
      expect(s.body).toContain('filename="a.mp3"');
      expect(s.body).toContain('name="external_id"\r\n\r\ncrm-1');
      expect(Buffer.from(s.bytes!).includes(Buffer.from(file))).toBe(true);
    }
  });

  it('retries a connection error, then succeeds', async () => {
    const { fetch, sent } = recordingFetch(new TypeError('fetch failed'), ok());
    const { value } = await settle(vi, testClient(fetch).operators.get(42));
    expect(value).toEqual(operator);
    expect(times(sent)).toEqual([0, 500]);
  });

  it('throws APIConnectionError when every attempt fails to connect', async () => {
    const { fetch, sent } = recordingFetch(new TypeError('fetch failed'));
    const { error } = await settle(vi, testClient(fetch).operators.get(42));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error!.message).toBe('Connection error: fetch failed (GET /operators/42)');
    expect(sent).toHaveLength(3);
  });

  it.each([
    { name: 'per call', make: (f: Fetch) => testClient(f).operators.get(42, { maxRetries: 0 }) },
    { name: 'with withOptions', make: (f: Fetch) => testClient(f).withOptions({ maxRetries: 0 }).operators.get(42) },
    { name: 'on the client', make: (f: Fetch) => testClient(f, { maxRetries: 0 }).operators.get(42) },
  ])('maxRetries can be set $name', async ({ make }) => {
    const { fetch, sent } = recordingFetch(unavailable());
    const { error } = await settle(vi, make(fetch));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(sent).toHaveLength(1);
  });

  it.each([
    { name: 'maxRetries -1', options: { maxRetries: -1 }, message: /maxRetries/ },
    { name: 'maxRetries 1.5', options: { maxRetries: 1.5 }, message: /maxRetries/ },
    { name: 'timeout 0', options: { timeout: 0 }, message: /timeout/ },
    { name: 'timeout NaN', options: { timeout: Number.NaN }, message: /timeout/ },
  ])('refuses $name on the client and per call', async ({ options, message }) => {
    expect(() => createIdentityCallClient({ apiKey: TEST_KEY, ...options })).toThrow(message);
    const { fetch } = recordingFetch(ok());
    await expect(testClient(fetch).operators.get(42, options)).rejects.toThrow(message);
  });
});

describe('timeouts', () => {
  it('aborts an attempt after 60 s by default and retries it', async () => {
    const { fetch, sent } = recordingFetch(never, ok());
    const pending = testClient(fetch).operators.get(42);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent[0]!.signal.aborted).toBe(true);
    expect((sent[0]!.signal.reason as Error).name).toBe('TimeoutError');
    const { value } = await settle(vi, pending);
    expect(value).toEqual(operator);
    expect(times(sent)).toEqual([0, 60_500]);
  });

  it('throws APITimeoutError when the last attempt times out', async () => {
    const { fetch, sent } = recordingFetch(never);
    const { error } = await settle(vi, testClient(fetch, { maxRetries: 1 }).operators.get(42, { timeout: 1000 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toMatchObject({ timeout: 1000, method: 'GET', path: '/operators/42' });
    expect(error!.message).toBe('Request timed out after 1000 ms (GET /operators/42)');
    expect(times(sent)).toEqual([0, 1500]);
  });

  it('covers the response body, and a fetch that ignores its signal', async () => {
    const stalled = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"data":')) }), { status: 200 });
    const deaf = () => new Promise<Response>(() => undefined);
    for (const answer of [stalled, deaf]) {
      const { fetch } = recordingFetch(answer);
      const { error } = await settle(vi, testClient(fetch, { maxRetries: 0, timeout: 5000 }).operators.get(42));
      expect(error).toBeInstanceOf(APITimeoutError);
    }
  });
});

describe('cancellation', () => {
  it('a user abort during an attempt throws APIUserAbortError and is never retried', async () => {
    const controller = new AbortController();
    const { fetch, sent } = recordingFetch(never);
    const pending = testClient(fetch, { maxRetries: 5 }).operators.get(42, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const { error } = await settle(vi, pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect(error!.message).toBe('Request aborted by the caller (GET /operators/42)');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.signal.aborted).toBe(true);
  });

  it('a user abort during the wait before a retry ends the wait', async () => {
    const controller = new AbortController();
    const { fetch, sent } = recordingFetch(unavailable());
    const pending = testClient(fetch).operators.get(42, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(200);
    controller.abort();
    const { error } = await settle(vi, pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(sent).toHaveLength(1);
    expect(Date.now() - T0).toBe(200);
  });

  it('an already aborted signal sends nothing', async () => {
    const { fetch, sent } = recordingFetch(ok());
    const error = await rejection(testClient(fetch).operators.get(42, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(sent).toHaveLength(0);
  });

  it('client.raw takes the signal from its init', async () => {
    const controller = new AbortController();
    const { fetch } = recordingFetch(never);
    const pending = testClient(fetch).raw.GET('/operators', { signal: controller.signal });
    controller.abort();
    const { error } = await settle(vi, pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });
});

describe('over a real HTTP server', () => {
  let server: LocalServer;
  let hits = 0;
  const bodies: string[] = [];
  let arrived: () => void = () => undefined;
  let closed: () => void = () => undefined;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      hits += 1;
      if (req.url === '/operators/5') {
        let text = '';
        req.on('data', (c: Buffer) => (text += c.toString()));
        req.on('end', () => {
          bodies.push(text);
          if (hits === 1) res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"error":"busy"}');
          else
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { ...operator, ...JSON.parse(text) } }));
        });
      } else if (req.url === '/operators/1' && hits === 1) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"error":"busy"}');
      } else if (req.url === '/operators/2') {
        req.socket.destroy(); // reset without answering
      } else if (req.url === '/operators/4') {
        req.socket.once('close', () => closed()); // never answer; tell the test when the client hangs up
        arrived();
      } else if (req.url === '/operators/3') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":');
        arrived(); // and never finish the body
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: operator }));
      }
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    vi.useRealTimers();
    hits = 0;
    bodies.length = 0;
  });

  const client = () => createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: server.url });

  it('re-sends the same JSON body when it retries a PATCH over the platform fetch', async () => {
    const updated = await client().operators.update(5, { active: false });
    expect(updated.active).toBe(false);
    expect(hits).toBe(2);
    expect(bodies).toEqual(['{"active":false}', '{"active":false}']);
  });

  it('retries a 503 with Retry-After: 0 and returns the data', async () => {
    expect(await client().operators.get(1)).toEqual(operator);
    expect(hits).toBe(2);
  });

  it('turns a reset connection into APIConnectionError', async () => {
    const error = await rejection(client().operators.get(2, { maxRetries: 0 }));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/^Connection error: .*\(GET \/operators\/2\)$/);
  });

  it('times out a body that never ends (on the fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const started = new Promise<void>((resolve) => (arrived = resolve));
    const pending = client()
      .operators.get(3, { maxRetries: 0, timeout: 30_000 })
      .catch((e: unknown) => e);
    await started;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toBeInstanceOf(APITimeoutError);
  });

  it('a user abort reaches the socket: the server sees the client hang up', async () => {
    const started = new Promise<void>((resolve) => (arrived = resolve));
    const hungUp = new Promise<void>((resolve) => (closed = resolve));
    const controller = new AbortController();
    const pending = client()
      .operators.get(4, { signal: controller.signal })
      .catch((e: unknown) => e);
    await started;
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    await hungUp;
    expect(hits).toBe(1);
  });

  it('a closed port gives APIConnectionError with the system code', async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    const error = await rejection(createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: closed.url, maxRetries: 0 }).operators.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
