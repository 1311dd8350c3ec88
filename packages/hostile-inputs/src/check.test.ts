/**
 * `checkCase` against small local servers: one that answers well, one that refuses outside the
 * envelope, and one that stops serving after the hostile request.
 */
import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertFuzzed, checkCase, type HostileCase, http, type Target } from './index.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => (s.closeAllConnections(), new Promise((resolve) => s.close(resolve)))));
});

async function serve(listener: RequestListener): Promise<{ target: Target; server: Server }> {
  const server = createServer(listener);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const target = { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, basePath: '/base', authorization: 'Bearer k' };
  return { target, server };
}

const bad: HostileCase = {
  id: 'test.bad',
  family: 'json',
  title: 'a request to refuse',
  send: http('GET', '/bad'),
  expect: { statuses: [400], envelope: true },
};
const alive: HostileCase = {
  id: 'test.alive',
  family: 'json',
  title: 'a good request',
  send: http('GET', '/good'),
  expect: { statuses: [200], envelope: false },
};

const answer = (res: Parameters<RequestListener>[1], status: number, type: string, body: string) =>
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);

describe('checkCase', () => {
  it('finds nothing wrong with a server that refuses in the envelope and keeps serving', async () => {
    const { target } = await serve((req, res) =>
      req.url === '/base/bad'
        ? answer(res, 400, 'application/json', '{"error":"bad"}')
        : answer(res, 200, 'application/json', '{"data":1}'),
    );
    const { problems, result } = await checkCase(target, bad, alive, { timeoutMs: 30_000 });
    expect(problems).toEqual([]);
    expect(result.status).toBe(400);
  });

  it('names a refusal outside the envelope', async () => {
    const { target } = await serve((req, res) =>
      req.url === '/base/bad' ? answer(res, 400, 'text/plain', 'nope') : answer(res, 200, 'application/json', '{"data":1}'),
    );
    const { problems } = await checkCase(target, bad, alive, { timeoutMs: 30_000, label: 'the mock' });
    expect(problems.some((p) => p.startsWith('the mock answered 400 outside the envelope'))).toBe(true);
  });

  it('names a server that stops answering after the case', async () => {
    const { target, server } = await serve((req, res) => {
      if (req.url !== '/base/bad') return answer(res, 200, 'application/json', '{"data":1}');
      answer(res, 400, 'application/json', '{"error":"bad"}');
      server.close(); // no new connections: the good request that follows gets none
    });
    const { problems } = await checkCase(target, bad, alive, { timeoutMs: 30_000 });
    expect(problems.some((p) => p.startsWith('afterwards, the good request failed'))).toBe(true);
  });
});

describe('assertFuzzed', () => {
  const cases = fc.constantFrom(bad, alive);

  it('passes when no fuzzed case has a problem', async () => {
    await expect(assertFuzzed(cases, async () => [], { seed: 1, numRuns: 20 })).resolves.toBeUndefined();
  });

  it('throws with the failing case and its problems, and the seed that replays it', async () => {
    const check = async (c: HostileCase) => (c === bad ? ['answered 500'] : []);
    await expect(assertFuzzed(cases, check, { seed: 7, numRuns: 20 })).rejects.toThrow(
      /^a request to refuse: answered 500 \(replay with seed 7, path "\d+"\)$/,
    );
  });
});
