/** The error tree: class by status, messages from either envelope, Retry-After, no key anywhere. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { json, recordingFetch, rejection, TEST_KEY, testClient } from '../test/helpers.js';
import {
  APIConnectionError,
  APIUserAbortError,
  APIError,
  AuthenticationError,
  BadRequestError,
  IdentityCallError,
  InternalServerError,
  NotFoundError,
  parseRetryAfter,
  PermissionError,
  RateLimitError,
  ValidationError,
} from './index.js';

describe('error classes by status', () => {
  it.each([
    { status: 400, cls: BadRequestError, body: { error: 'file is required' } },
    { status: 401, cls: AuthenticationError, body: { error: 'Invalid API key' } },
    { status: 403, cls: PermissionError, body: { error: 'Write permission required' } },
    { status: 404, cls: NotFoundError, body: { error: 'Resource not found' } },
    { status: 422, cls: ValidationError, body: { errors: ['Phone number is invalid'] } },
    { status: 429, cls: RateLimitError, body: { error: 'Rate limit exceeded' } },
    { status: 500, cls: InternalServerError, body: { error: 'boom' } },
    { status: 503, cls: InternalServerError, body: 'Service Unavailable' },
    { status: 409, cls: APIError, body: { error: 'conflict' } },
  ])('$status → $cls.name', async ({ status, cls, body }) => {
    const { fetch } = recordingFetch(typeof body === 'string' ? new Response(body, { status }) : json(body, status));
    const client = testClient(fetch, { maxRetries: 0 });
    const error = await client.operators.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(IdentityCallError);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).body).toEqual(body);
    expect((error as APIError).messages.length).toBe(1);
  });

  it('RateLimitError carries retryAfter from the header', async () => {
    const { fetch } = recordingFetch(json({ error: 'Rate limit exceeded' }, 429, { 'retry-after': '17' }));
    const client = testClient(fetch, { maxRetries: 0 });
    const error = (await client.operators.list().catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfter).toBe(17);
  });

  it('a refused connection becomes APIConnectionError with the request', async () => {
    const { fetch } = recordingFetch(new TypeError('fetch failed'));
    const client = testClient(fetch, { maxRetries: 0 });
    const error = (await client.operators.get(1).catch((e: unknown) => e)) as APIConnectionError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.status).toBeUndefined();
    expect(error.message).toBe('Connection error: fetch failed (GET /operators/1)');
  });
});

describe('the API key never leaks', () => {
  /** Every way an error can be looked at. */
  const surfaces = (error: Error) => [
    error.message,
    String(error),
    JSON.stringify(error),
    JSON.stringify((error as IdentityCallError).toJSON()),
    error.stack ?? '',
    JSON.stringify(Object.entries(error)),
    String((error as { cause?: unknown }).cause),
    ((error as { cause?: Error }).cause as Error | undefined)?.stack ?? '',
    inspect(error, { depth: 5 }),
  ];

  it('is absent from message, toString, toJSON and JSON.stringify, even when the server echoes it', async () => {
    const { fetch } = recordingFetch(json({ error: `Invalid API key ${TEST_KEY}` }, 401));
    const client = testClient(fetch, { maxRetries: 0 });
    const error = (await client.operators.list().catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const surface of surfaces(error)) expect(surface).not.toContain(TEST_KEY);
    expect(error.messages).toEqual(['Invalid API key [REDACTED]']);
  });

  it.each([
    {
      name: 'a fetch error that quotes the Authorization header',
      fetch: async (r: Request) => {
        throw new TypeError(`refused: ${r.headers.get('authorization')}`);
      },
      cls: APIConnectionError,
      expectCause: 'refused: Bearer [REDACTED]',
    },
    {
      name: 'a fetch error whose own cause holds the headers',
      fetch: async (r: Request) => {
        throw new TypeError('fetch failed', { cause: { headers: Object.fromEntries(r.headers) } });
      },
      cls: APIConnectionError,
      expectCause: 'fetch failed',
    },
  ])('is absent from $name', async ({ fetch, cls, expectCause }) => {
    const error = await rejection(testClient(fetch, { maxRetries: 0 }).operators.get(1));
    expect(error).toBeInstanceOf(cls);
    expect(((error as { cause?: Error }).cause as Error).message).toBe(expectCause);
    for (const surface of surfaces(error)) expect(surface).not.toContain(TEST_KEY);
  });

  it('is absent from a user abort whose reason quotes it', async () => {
    const controller = new AbortController();
    controller.abort(new Error(`stop ${TEST_KEY}`));
    const { fetch, sent } = recordingFetch(json({ data: [] }));
    const error = await rejection(testClient(fetch).operators.list({ signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(sent).toHaveLength(0);
    for (const surface of surfaces(error)) expect(surface).not.toContain(TEST_KEY);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it.each([
    { value: '120', expected: 120 },
    { value: ' 5 ', expected: 5 },
    { value: 'Mon, 30 Nov 2026 12:00:30 GMT', expected: 30 },
    { value: 'Mon, 30 Nov 2026 11:00:00 GMT', expected: 0 },
    { value: 'soon', expected: undefined },
    { value: null, expected: undefined },
  ])('$value → $expected', ({ value, expected }) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
