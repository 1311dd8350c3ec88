/** The transport holds every request to the run's limits: budget, rate, timeout, dry run, 429. */
import { afterEach, describe, expect, it } from 'vitest';
import { doc, startCountingServer, validator } from '../../test/helpers.js';
import { BudgetExhaustedError } from '../errors.js';
import { exampleResponder } from './dry-run.js';
import { retryAfterMs, Transport } from './transport.js';

let server: Awaited<ReturnType<typeof startCountingServer>> | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const get = (base: string, path = '/operators') => new Request(`${base}${path}`);

describe('Transport', () => {
  it('sends at most --max-requests, then throws; exempt requests (cleanup) still go out', async () => {
    server = await startCountingServer();
    const transport = new Transport({ baseUrl: server.url, maxRequests: 3, timeoutMs: 60_000 });
    for (let i = 0; i < 3; i++) await transport.send(get(server.url));
    await expect(transport.send(get(server.url))).rejects.toBeInstanceOf(BudgetExhaustedError);
    await transport.send(get(server.url), { exempt: true });
    expect(server.received).toHaveLength(4);
    expect(transport.sent).toBe(4);
  });

  it('paces requests to --rate per second', async () => {
    server = await startCountingServer();
    // When each request leaves the transport (not when the server reads it: the first one also opens the connection).
    const sentAt: number[] = [];
    const transport = new Transport({
      baseUrl: server.url,
      rate: 20,
      timeoutMs: 60_000,
      fetch: (r) => (sentAt.push(performance.now()), fetch(r)),
    });
    for (let i = 0; i < 5; i++) await transport.send(get(server.url));
    // 20 per second: the fifth request leaves at least 4 × 50 ms after the first (a busy machine only adds to it).
    expect(sentAt.at(-1)! - sentAt[0]!).toBeGreaterThanOrEqual(4 * 50 - 5);
  });

  it('sends nothing in a dry run: the spec examples answer', async () => {
    server = await startCountingServer();
    const transport = new Transport({ baseUrl: server.url, timeoutMs: 60_000, responder: exampleResponder(doc, validator, server.url) });
    const [exchange] = await transport.send(get(server.url, '/operators/42'));
    expect(server.received).toHaveLength(0);
    expect(exchange!.response.status).toBe(200);
    expect((exchange!.response.body as { data: { name: string } }).data.name).toBe('Jane Doe');
  });

  it('waits as Retry-After says after a 429 and sends again', async () => {
    let calls = 0;
    server = await startCountingServer(() =>
      ++calls === 1
        ? { status: 429, headers: { 'retry-after': '0' }, body: '{"error":"Rate limit exceeded"}' }
        : { status: 200, body: '{"data":[]}' },
    );
    const attempts = await new Transport({ baseUrl: server.url, timeoutMs: 60_000 }).send(get(server.url));
    expect(attempts.map((a) => a.response.status)).toEqual([429, 200]);
  });

  it('turns a request that gets no answer in time into an exchange with an error', async () => {
    server = await startCountingServer(() => ({ status: 200, hang: true }));
    const [exchange] = await new Transport({ baseUrl: server.url, timeoutMs: 50 }).send(get(server.url));
    expect(exchange!.error).toBe('no response within 50 ms');
    expect(exchange!.request.path).toBe('/operators');
  });

  it.each([
    ['30', 30_000],
    ['Mon, 30 Nov 2026 12:00:30 GMT', 30_000],
    ['soon', undefined],
    [null, undefined],
  ])('reads Retry-After %s as %s ms', (value, ms) => {
    expect(retryAfterMs(value, Date.parse('Mon, 30 Nov 2026 12:00:00 GMT'))).toBe(ms);
  });
});
