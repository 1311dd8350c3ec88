/** The error tree: class by status, messages from either envelope, Retry-After, no key anywhere. */
import { describe, expect, it } from 'vitest';
import { BASE, json, recordingFetch, TEST_KEY } from '../test/helpers.js';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  createIdentityCallClient,
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
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const error = await client.operators.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(IdentityCallError);
    expect((error as APIError).status).toBe(status);
    expect((error as APIError).body).toEqual(body);
    expect((error as APIError).messages.length).toBe(1);
  });

  it('RateLimitError carries retryAfter from the header', async () => {
    const { fetch } = recordingFetch(json({ error: 'Rate limit exceeded' }, 429, { 'retry-after': '17' }));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const error = (await client.operators.list().catch((e: unknown) => e)) as RateLimitError;
    expect(error.retryAfter).toBe(17);
  });

  it('a refused connection becomes APIConnectionError with the request', async () => {
    const { fetch } = recordingFetch(new TypeError('fetch failed'));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const error = (await client.operators.get(1).catch((e: unknown) => e)) as APIConnectionError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.status).toBeUndefined();
    expect(error.message).toBe('Connection error: fetch failed (GET /operators/1)');
  });
});

describe('the API key never leaks', () => {
  it('is absent from message, toString, toJSON and JSON.stringify, even when the server echoes it', async () => {
    const { fetch } = recordingFetch(json({ error: `Invalid API key ${TEST_KEY}` }, 401));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const error = (await client.operators.list().catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    const surfaces = [error.message, String(error), JSON.stringify(error), JSON.stringify(error.toJSON()), error.stack ?? '', JSON.stringify(Object.entries(error))];
    for (const surface of surfaces) expect(surface).not.toContain(TEST_KEY);
    expect(error.messages).toEqual(['Invalid API key [REDACTED]']);
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
