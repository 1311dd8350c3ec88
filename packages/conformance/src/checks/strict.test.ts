/**
 * The strict checks on real traffic: a local node:http server answers a request with a status, a
 * media type or headers the spec does not document for the operation, the exchange is recorded as a
 * proxy would record it, matched to its operation, and `checkResponse` fails it under the named
 * check, saying what the spec documents. No status is tolerated because the request was invalid
 * (DECISIONS.md B25).
 */
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, exchangeOf, startCountingServer, validator } from '../../test/helpers.js';
import { evaluate } from '../engine/evaluate.js';
import { matchOperation, recordingFetch, type Exchange } from '../engine/exchange.js';
import { errorSchemas } from './error-envelope.js';
import { checkResponse, documentedStatuses } from './response.js';

/** What the server answers, by `METHOD path?query` of the request. */
const answers = new Map<string, Answer>();
let server: Awaited<ReturnType<typeof startCountingServer>>;

beforeAll(async () => {
  server = await startCountingServer((req: IncomingMessage) => {
    const path = (req.url ?? '').replace('/api/v1/public', '');
    return answers.get(`${req.method} ${path}`) ?? { status: 599, body: '{"error":"no answer configured"}' };
  });
});
afterAll(() => server.stop());

/** Sends one request to the local server answering `answer`, and checks the recorded exchange. */
async function observe(method: string, path: string, answer: Answer, init: RequestInit = {}) {
  answers.set(`${method} ${path}`, answer);
  const recorder = recordingFetch('/api/v1/public');
  await recorder.fetch(new Request(`${server.url}${path}`, { method, headers: { authorization: 'Bearer idc_x' }, ...init }));
  const exchange: Exchange = recorder.last();
  const op = matchOperation(validator.operations, exchange.request.method, exchange.request.path);
  if (!op) throw new Error(`${method} ${path} matches no operation`);
  return { op, failures: checkResponse(validator, op.operationId, exchange) };
}

const envelope = (error: string) => JSON.stringify({ error });

describe('status_code_conformance on observed traffic', () => {
  it.each([
    {
      name: 'a refused invalid operator_id answered 422 (Detach Operator documents 400, not 422)',
      method: 'DELETE',
      path: '/virtual_numbers/7/remove_operator?operator_id=abc',
      status: 422,
    },
    { name: 'a malformed path id answered 400 (Get Operator documents 404)', method: 'GET', path: '/operators/abc', status: 400 },
    { name: 'an HTTP-level 413 on a read', method: 'GET', path: '/operators/42', status: 413 },
    { name: 'a 415 on a delete that takes no body', method: 'DELETE', path: '/recordings/9', status: 415 },
    { name: 'a 409 on a create', method: 'POST', path: '/operators', status: 409 },
  ])('fails $name, listing the documented statuses', async ({ method, path, status }) => {
    const { op, failures } = await observe(method, path, { status, body: envelope('refused') });
    expect(failures.map((f) => f.check)).toEqual(['status_code_conformance']);
    expect(failures[0]!.message).toContain(
      `status ${status} is not documented (documented: ${documentedStatuses(validator, op.operationId)})`,
    );
    expect(documentedStatuses(validator, op.operationId)).not.toContain(String(status));
  });

  it('passes the refusals the spec now documents (V7 400, a 415 on a JSON body)', async () => {
    const detach = await observe('DELETE', '/virtual_numbers/7/remove_operator', {
      status: 400,
      body: envelope('operator_id is required'),
    });
    expect(detach.failures).toEqual([]);
    const update = await observe('PATCH', '/operators/42', { status: 415, body: envelope('Unsupported Content-Type: text/plain') });
    expect(update.failures).toEqual([]);
  });
});

describe('content_type_conformance on observed traffic', () => {
  it('fails a documented error answered in an undocumented media type, naming the documented one', async () => {
    const { failures } = await observe('GET', '/operators/abc', {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({ title: 'Not Found', status: 404 }),
    });
    expect(failures.map((f) => f.check)).toEqual(['content_type_conformance']);
    expect(failures[0]!.message).toMatch(/content-type application\/problem\+json, documented application\/json/);
  });

  it('fails a success answered as HTML', async () => {
    const { failures } = await observe('GET', '/projects', { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>ok</p>' });
    expect(failures.map((f) => f.check)).toEqual(['content_type_conformance']);
    expect(failures[0]!.message).toMatch(/content-type text\/html, documented application\/json/);
  });
});

describe('response_headers_conformance on observed traffic', () => {
  it('fails a 429 without the Retry-After the spec documents on it, naming the status', async () => {
    const { failures } = await observe('GET', '/operators', { status: 429, body: envelope('Rate limit exceeded') });
    expect(failures.map((f) => f.check)).toEqual(['response_headers_conformance']);
    expect(failures[0]!.message).toContain('header retry-after is missing (the spec requires it on 429)');
  });

  it('passes the same 429 with Retry-After', async () => {
    const { failures } = await observe('GET', '/operators', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: envelope('Rate limit exceeded'),
    });
    expect(failures).toEqual([]);
  });
});

describe('the engine holds negative cases to the same statuses', () => {
  const ctx = { validator, errorSchemas: errorSchemas(validator) };
  const op = validator.operation('getOperator');
  const refused = (status: number) => exchangeOf({ status, path: '/operators/abc', body: { error: 'id is not a valid id' } });

  it.each([400, 405, 413, 415, 422])('fails an invalid request refused with %i, which Get Operator does not document', (status) => {
    for (const kind of ['negative', 'unauthorized', 'contract'] as const) {
      const failed = evaluate(ctx, op, refused(status), { kind }).filter((e) => !e.passed);
      expect(failed.map((e) => e.check)).toContain('status_code_conformance');
      expect(failed.find((e) => e.check === 'status_code_conformance')!.message).toContain(
        `(documented: ${documentedStatuses(validator, op.operationId)})`,
      );
    }
  });

  it('passes the documented refusal (404) of the same request', () => {
    expect(evaluate(ctx, op, refused(404), { kind: 'negative' }).filter((e) => !e.passed)).toEqual([]);
  });
});
