/** The request hook: one event per attempt with method, path, status, attempt and duration — and no key. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, recordingFetch, settle, TEST_KEY, testClient } from '../../test/helpers.js';
import { APIConnectionError, type RequestLogEvent } from '../index.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('onRequest', () => {
  it('sees every attempt: method, path, status, attempt, duration and the planned wait', async () => {
    const events: RequestLogEvent[] = [];
    const slow = (status: number, ms: number) => () => new Promise<Response>((r) => setTimeout(() => r(json({ error: 'x' }, status)), ms));
    const { fetch } = recordingFetch(slow(503, 120), new TypeError('fetch failed'), slow(200, 30));
    await settle(vi, testClient(fetch, { onRequest: (e) => events.push(e) }).operators.get(42));
    expect(
      events.map(({ method, path, url, attempt, status, durationMs, retryDelayMs }) => ({
        method,
        path,
        url,
        attempt,
        status,
        durationMs,
        retryDelayMs,
      })),
    ).toEqual([
      {
        method: 'GET',
        path: '/operators/42',
        url: 'https://api.example.test/api/v1/public/operators/42',
        attempt: 1,
        status: 503,
        durationMs: 120,
        retryDelayMs: 500,
      },
      {
        method: 'GET',
        path: '/operators/42',
        url: 'https://api.example.test/api/v1/public/operators/42',
        attempt: 2,
        status: undefined,
        durationMs: 0,
        retryDelayMs: 1000,
      },
      {
        method: 'GET',
        path: '/operators/42',
        url: 'https://api.example.test/api/v1/public/operators/42',
        attempt: 3,
        status: 200,
        durationMs: 30,
        retryDelayMs: undefined,
      },
    ]);
    expect(events[1]!.error).toBeInstanceOf(APIConnectionError);
    expect(events[0]!.error).toBeUndefined();
  });

  it('redacts the Authorization header and any header carrying the key, keeping the others', async () => {
    const events: RequestLogEvent[] = [];
    const { fetch, sent } = recordingFetch(json({ data: [] }));
    const client = testClient(fetch, {
      onRequest: (e) => events.push(e),
      headers: { 'X-Trace': 'abc', 'X-Echo': `k=${TEST_KEY}`, Cookie: 's=1' },
    });
    await settle(vi, client.operators.list());
    expect(sent[0]!.headers.get('authorization')).toBe(`Bearer ${TEST_KEY}`); // sent, but never shown
    expect(events[0]!.headers).toMatchObject({
      authorization: '[REDACTED]',
      'x-echo': '[REDACTED]',
      cookie: '[REDACTED]',
      'x-trace': 'abc',
    });
    expect(JSON.stringify(events)).not.toContain(TEST_KEY);
  });

  it('a throwing hook does not fail the request', async () => {
    const { fetch, sent } = recordingFetch(json({ data: [] }));
    const client = testClient(fetch, {
      onRequest: () => {
        throw new Error('logger down');
      },
    });
    const { value, error } = await settle(vi, client.operators.list());
    expect(error).toBeUndefined();
    expect(value).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
