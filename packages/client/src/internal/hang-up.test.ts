/**
 * What a per-attempt timeout and a caller's abort must do on the wire, whatever the success path
 * looks like: each ends the call with its typed error and lets the connection go, before the
 * headers and while the body is read. A path that sent without a signal would fail these: undici
 * cannot cancel a body that `text()` holds locked, and an abandoned request keeps its socket (and
 * the process) alive until the server answers.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_KEY, type LocalServer } from '../../test/helpers.js';
import { APITimeoutError, APIUserAbortError, createIdentityCallClient } from '../index.js';

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
