/** The checks fail when a server or client departs from the spec, and say how. */
import { describe, expect, it } from 'vitest';
import { checkRequest, checkResponse } from './checks.js';
import { matchOperation, type Exchange } from './exchange.js';
import { specValidator } from './harness.js';

const validator = specValidator();
const jane = { id: 42, name: 'Jane Doe', phone_number: '+15551234567', email: null, active: true, initials: 'JD', virtual_numbers: [] };

function exchange(over: { status?: number; body?: unknown; contentType?: string | null; headers?: Record<string, string>; method?: string; path?: string; requestBody?: unknown; auth?: string | null }): Exchange {
  const headers = new Headers(over.headers);
  if (over.contentType !== null) headers.set('content-type', over.contentType ?? 'application/json');
  const reqHeaders = new Headers({ 'content-type': 'application/json' });
  if (over.auth !== null) reqHeaders.set('authorization', over.auth ?? 'Bearer idc_x');
  const body = over.body === undefined ? { data: jane } : over.body;
  return {
    request: {
      method: over.method ?? 'GET',
      url: 'http://x',
      path: over.path ?? '/operators/42',
      headers: reqHeaders,
      body: over.requestBody === undefined ? undefined : JSON.stringify(over.requestBody),
    },
    response: { status: over.status ?? 200, headers, text: body === '' ? '' : JSON.stringify(body), body: body === '' ? undefined : body },
  };
}

const checksOf = (e: Exchange, op = 'getOperator') => checkResponse(validator, op, e).map((f) => f.check);

describe('checkResponse', () => {
  it('passes a conforming response', () => {
    expect(checkResponse(validator, 'getOperator', exchange({}))).toEqual([]);
  });

  it.each([
    { name: 'undocumented status', e: exchange({ status: 409, body: { error: 'x' } }), check: 'status_code_conformance' },
    { name: 'server error', e: exchange({ status: 502, body: { error: 'x' } }), check: 'not_a_server_error' },
    { name: 'wrong content type', e: exchange({ contentType: 'text/html' }), check: 'content_type_conformance' },
    { name: 'missing field', e: exchange({ body: { data: { ...jane, initials: undefined } } }), check: 'response_schema_conformance' },
    { name: 'email not nullable', e: exchange({ body: { data: { ...jane, email: 5 } } }), check: 'response_schema_conformance' },
    { name: 'error body without error', e: exchange({ status: 404, body: { message: 'nope' } }), check: 'response_schema_conformance' },
    { name: '429 without Retry-After', e: exchange({ status: 429, body: { error: 'slow down' } }), check: 'response_headers_conformance' },
    { name: 'Retry-After not a number or date', e: exchange({ status: 429, body: { error: 's' }, headers: { 'retry-after': 'soon' } }), check: 'response_headers_conformance' },
  ])('flags $name as $check', ({ e, check }) => {
    expect(checksOf(e)).toContain(check);
  });

  it('accepts Retry-After as seconds or as an HTTP date', () => {
    expect(checksOf(exchange({ status: 429, body: { error: 's' }, headers: { 'retry-after': '30' } }))).toEqual([]);
    expect(checksOf(exchange({ status: 429, body: { error: 's' }, headers: { 'retry-after': 'Mon, 30 Nov 2026 12:00:30 GMT' } }))).toEqual([]);
  });

  it('explains which statuses are documented', () => {
    const [failure] = checkResponse(validator, 'getOperator', exchange({ status: 409, body: { error: 'x' } }));
    expect(failure!.message).toMatch(/409 is not documented \(documented: 200, 401, 403, 404, 429, 500\)/);
  });
});

describe('checkRequest', () => {
  it('passes a conforming PATCH', () => {
    expect(checkRequest(validator, exchange({ method: 'PATCH', requestBody: { active: false } }))).toEqual([]);
  });

  it.each([
    { name: 'a body its schema rejects', e: exchange({ method: 'PATCH', requestBody: { active: 'no' } }), message: /\/active must be boolean/ },
    { name: 'no bearer token', e: exchange({ auth: null }), message: /no bearer token/ },
    { name: 'an undocumented path', e: exchange({ path: '/operatorz' }), message: /not an operation of the spec/ },
  ])('flags $name', ({ e, message }) => {
    const failures = checkRequest(validator, e);
    expect(failures.map((f) => f.message).join('\n')).toMatch(message);
  });
});

describe('matchOperation', () => {
  it.each([
    { method: 'GET', path: '/operators', id: 'listOperators' },
    { method: 'PATCH', path: '/operators/42', id: 'updateOperator' },
    { method: 'PUT', path: '/operators/42', id: undefined },
    { method: 'GET', path: '/operators/42/extra', id: undefined },
  ])('$method $path → $id', ({ method, path, id }) => {
    expect(matchOperation(validator.operations, method, path)?.operationId).toBe(id);
  });
});
