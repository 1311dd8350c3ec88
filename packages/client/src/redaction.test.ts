/**
 * The API key never reaches the caller: not through an error (its message, `toString()`,
 * `toJSON()`, stack, body, `cause` chain, `AggregateError.errors`, or anything `util.inspect` can
 * reach), nor through a hook event — whatever a server echoes or a fetch throws.
 */
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, recordingFetch, rejection, settle, TEST_KEY, testClient } from '../test/helpers.js';
import {
  APIConnectionError,
  APIResponseError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  type IdentityCallClient,
  type RequestLogEvent,
} from './index.js';

/** JSON.stringify, or its complaint (a cause that is its own cause cannot be serialised). */
function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return String(error);
  }
}

/** Every way a caller can look at a value, with hidden properties and no depth limit. */
function views(value: unknown): string[] {
  const error = value as Error;
  return [
    stringify(value),
    inspect(value, { depth: Infinity }),
    inspect(value, { depth: Infinity, showHidden: true }),
    String(value),
    error?.stack ?? '',
    error?.message ?? '',
  ];
}

function expectNoKey(value: unknown): void {
  for (const view of views(value)) expect(view).not.toContain(TEST_KEY);
}

/** A client whose hook events are kept, to be checked as well. */
function client(fetch: (request: Request) => Promise<Response>, events: RequestLogEvent[]): IdentityCallClient {
  return testClient(fetch, { maxRetries: 1, onRequest: (e) => events.push(e) });
}

const selfCaused = () => {
  const error = new Error(`loop ${TEST_KEY}`);
  (error as { cause?: unknown }).cause = error;
  return error;
};

describe('errors and hook events never hold the key', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each<{
    name: string;
    answer: Response | Error | (() => never);
    cls: abstract new (...args: never[]) => Error;
    check?: (e: Error) => void;
  }>([
    {
      name: 'a server echoing it as a JSON property name',
      answer: json({ error: 'Invalid API key', [TEST_KEY]: { [`k-${TEST_KEY}`]: [TEST_KEY] } }, 401),
      cls: AuthenticationError,
      check: (e) =>
        expect((e as AuthenticationError).body).toEqual({ error: 'Invalid API key', '[REDACTED]': { 'k-[REDACTED]': ['[REDACTED]'] } }),
    },
    {
      name: 'a server echoing it in a message',
      answer: json({ errors: [`key ${TEST_KEY} is revoked`] }, 401),
      cls: AuthenticationError,
      check: (e) => expect((e as AuthenticationError).messages).toEqual(['key [REDACTED] is revoked']),
    },
    {
      name: 'a server echoing it in an HTML error page',
      answer: new Response(`<p>${TEST_KEY}</p>`, { status: 500 }),
      cls: InternalServerError,
    },
    {
      name: 'a server echoing it in a success that is not JSON',
      answer: new Response(`<html>${TEST_KEY}</html>`, { headers: { 'content-type': 'text/html' } }),
      cls: APIResponseError,
      check: (e) => expect((e as APIResponseError).body).toBe('<html>[REDACTED]</html>'),
    },
    { name: 'a server echoing it as a property name of a success without `data`', answer: json({ [TEST_KEY]: 1 }), cls: APIResponseError },
    {
      name: 'a server echoing it right where the excerpt is cut',
      answer: new Response(`${'x'.repeat(490)}${TEST_KEY}`, { status: 404 }),
      cls: NotFoundError,
    },
    {
      name: 'an AggregateError whose errors quote it',
      answer: new AggregateError([new Error(`connect ${TEST_KEY}`), new TypeError('other')], 'all attempts failed'),
      cls: APIConnectionError,
      check: (e) => {
        const cause = (e as { cause?: AggregateError }).cause!;
        expect(cause).toBeInstanceOf(AggregateError);
        expect(cause.errors.map((x: Error) => x.message)).toEqual(['connect [REDACTED]', 'other']);
        expect(cause.errors[1]).toBeInstanceOf(TypeError);
      },
    },
    {
      name: 'a cause chain quoting it three levels down',
      answer: new TypeError('fetch failed', {
        cause: new Error('socket', { cause: new Error('tls', { cause: { header: `Bearer ${TEST_KEY}` } }) }),
      }),
      cls: APIConnectionError,
    },
    { name: 'an error that is its own cause', answer: selfCaused(), cls: APIConnectionError },
    {
      name: 'an error carrying the Request (its headers are not properties)',
      answer: Object.assign(new TypeError('refused'), {
        request: new Request('https://x.test', { headers: { authorization: `Bearer ${TEST_KEY}` } }),
      }),
      cls: APIConnectionError,
    },
    {
      name: 'an error carrying Headers',
      answer: Object.assign(new TypeError('refused'), { headers: new Headers({ authorization: `Bearer ${TEST_KEY}` }) }),
      cls: APIConnectionError,
    },
    {
      name: 'an error with the key as a property name',
      answer: Object.assign(new TypeError('refused'), { [TEST_KEY]: true }),
      cls: APIConnectionError,
    },
    {
      name: 'a thrown string quoting it',
      answer: () => {
        throw `refused for ${TEST_KEY}`;
      },
      cls: APIConnectionError,
    },
  ])('$name', async ({ answer, cls, check }) => {
    const events: RequestLogEvent[] = [];
    const { fetch } = recordingFetch(answer as Response);
    const { error } = await settle(vi, client(fetch, events).operators.list());
    expect(error).toBeInstanceOf(cls);
    expectNoKey(error);
    expectNoKey((error as { cause?: unknown }).cause);
    expectNoKey(events);
    expect(events.length).toBeGreaterThan(0);
    check?.(error!);
  });

  it('a caller abort whose reason is an AggregateError quoting it', async () => {
    const controller = new AbortController();
    controller.abort(new AggregateError([new Error(TEST_KEY)], 'stop'));
    const error = await rejection(testClient(recordingFetch(json({ data: [] })).fetch).operators.list({ signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expectNoKey(error);
  });

  it('a key used as a path id is masked in the error and in the events', async () => {
    const events: RequestLogEvent[] = [];
    const { fetch, sent } = recordingFetch(json({ error: 'Resource not found' }, 404));
    const { error } = await settle(vi, client(fetch, events).recordings.get(TEST_KEY));
    expect(sent[0]!.url).toContain(TEST_KEY); // sent as asked…
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ path: '/recordings/[REDACTED]' });
    expectNoKey(error); // …but never shown
    expectNoKey(events);
  });

  it('a header named after the key is masked in the events', async () => {
    const events: RequestLogEvent[] = [];
    const { fetch } = recordingFetch(json({ data: [] }));
    await settle(vi, testClient(fetch, { headers: { [`x-${TEST_KEY}`]: '1' }, onRequest: (e) => events.push(e) }).operators.list());
    expect(Object.keys(events[0]!.headers)).toContain('x-[REDACTED]');
    expectNoKey(events);
  });

  it('a clean fetch error is handed over as it was thrown (same object)', async () => {
    const thrown = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const { fetch } = recordingFetch(thrown);
    const { error } = await settle(vi, testClient(fetch, { maxRetries: 0 }).operators.list());
    expect((error as { cause?: unknown }).cause).toBe(thrown);
    expect(error!.message).toBe('Connection error: fetch failed (ECONNREFUSED) (GET /operators)');
  });
});
