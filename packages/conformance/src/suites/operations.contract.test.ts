/**
 * Every operation of the spec, derived from the spec itself: the documented answer without a key
 * (401), to a body its schema rejects (422), to malformed JSON (400), and — on the mock, which can
 * produce any documented status on request — every other documented status. Each response is
 * checked against the spec.
 */
import { describe, expect, inject, it } from 'vitest';
import { resolveRef, loadSpec, type JsonSchema } from '@identitycall/openapi';
import { checkResponse, formatFailures } from '../checks.js';
import { parseBody, type Exchange } from '../exchange.js';
import { specValidator } from '../harness.js';
import { buildRequest, invalidBody } from '../requests.js';

const target = inject('target');
const validator = specValidator();
const doc = loadSpec();
const resolve = (schema: JsonSchema) => resolveRef<JsonSchema>(doc, schema);
// On a real deployment, requests that a broken server might act on use an id that cannot exist.
const safeId = target.kind === 'external' ? 2_147_483_000 : undefined;

async function send(request: Request): Promise<Exchange> {
  const body = request.body ? await request.clone().text() : undefined;
  const response = await fetch(request, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  const path = new URL(request.url).pathname.slice(new URL(target.baseUrl).pathname.replace(/\/$/, '').length);
  return {
    request: { method: request.method, url: request.url, path, headers: request.headers, body },
    response: { status: response.status, headers: response.headers, text, body: parseBody(text, response.headers.get('content-type')) },
  };
}

function expectStatus(operationId: string, exchange: Exchange, status: number) {
  // A documented 5xx asked for with Prefer is the contract, not a server error.
  const failures = checkResponse(validator, operationId, exchange).filter(
    (f) => !(f.check === 'not_a_server_error' && status >= 500),
  );
  expect(formatFailures(failures)).toBe('');
  expect(exchange.response.status, exchange.response.text).toBe(status);
}

const secured = validator.operations.filter((op) => op.secured);
const withJsonBody = validator.operations.filter((op) => op.requestBody?.content.some((m) => m.contentType === 'application/json'));
const preferCases = validator.operations.flatMap((op) =>
  op.responses
    .filter((r) => /^\d{3}$/.test(r.status))
    .map((r) => ({ operationId: op.operationId, status: Number(r.status), op })),
);

describe(`every operation against the ${target.kind}`, () => {
  it.each(secured)('$operationId answers 401 without an API key', async (op) => {
    const exchange = await send(buildRequest(op, { baseUrl: target.baseUrl, apiKey: undefined, pathValue: safeId }));
    expectStatus(op.operationId, exchange, 401);
    expect((exchange.response.body as { error?: unknown }).error).toEqual(expect.any(String));
  });

  it.for(withJsonBody)('$operationId answers 422 to a body its schema rejects', async (op, ctx) => {
    ctx.skip(target.kind === 'external', 'sends an invalid body to an existing id: only on the mock and the sandbox');
    const invalid = invalidBody(op, resolve);
    expect(invalid, `no typed property to violate in ${op.operationId}'s body`).toBeDefined();
    const exchange = await send(buildRequest(op, { baseUrl: target.baseUrl, apiKey: target.apiKey, body: invalid!.body }));
    expectStatus(op.operationId, exchange, 422);
  });

  it.each(withJsonBody)('$operationId answers 400 to malformed JSON', async (op) => {
    const exchange = await send(
      buildRequest(op, { baseUrl: target.baseUrl, apiKey: target.apiKey, rawBody: '{"name": ', pathValue: safeId }),
    );
    expectStatus(op.operationId, exchange, 400);
    expect((exchange.response.body as { error?: unknown }).error).toMatch(/JSON/i);
  });

  it.for(preferCases)('$operationId answers its documented $status on request', async ({ op, operationId, status }, ctx) => {
    ctx.skip(target.kind !== 'mock', 'Prefer: code=NNN is a Prism feature; other targets are checked by flows');
    const exchange = await send(
      buildRequest(op, { baseUrl: target.baseUrl, apiKey: target.apiKey, headers: { Prefer: `code=${status}` } }),
    );
    expectStatus(operationId, exchange, status);
  });
});
