/** The exchange-level checks fail when a server or client departs from the spec, and say how. */
import { describe, expect, it } from 'vitest';
import { exchangeOf, validator } from '../../test/helpers.js';
import { documentedMethods, matchOperation } from '../engine/exchange.js';
import { CHECK_NAMES, CHECKS } from './catalogue.js';
import { checkRequest, checkResponse } from './response.js';

const jane = { id: 42, name: 'Jane Doe', phone_number: '+15551234567', email: null, active: true, initials: 'JD', virtual_numbers: [] };
const checksOf = (e: ReturnType<typeof exchangeOf>, op = 'getOperator', options = {}) =>
  checkResponse(validator, op, e, options).map((f) => f.check);

describe('the catalogue', () => {
  it('names the checks the README promises (Schemathesis names where they exist), each with a tier and a description', () => {
    for (const name of [
      'not_a_server_error',
      'status_code_conformance',
      'content_type_conformance',
      'response_schema_conformance',
      'response_headers_conformance',
      'negative_data_rejection',
      'positive_data_acceptance',
      'ignored_auth',
      'use_after_free',
      'ensure_resource_availability',
      'error_envelope',
    ]) {
      expect(CHECK_NAMES).toContain(name);
    }
    for (const name of CHECK_NAMES) expect(CHECKS[name].description.length).toBeGreaterThan(20);
  });
});

describe('checkResponse', () => {
  it('passes a conforming response', () => {
    expect(checkResponse(validator, 'getOperator', exchangeOf({}))).toEqual([]);
  });

  it.each([
    { name: 'undocumented status', e: exchangeOf({ status: 409, body: { error: 'x' } }), check: 'status_code_conformance' },
    { name: 'server error', e: exchangeOf({ status: 502, body: { error: 'x' } }), check: 'not_a_server_error' },
    { name: 'no response at all', e: exchangeOf({ error: 'no response within 10 ms' }), check: 'not_a_server_error' },
    { name: 'wrong content type', e: exchangeOf({ contentType: 'text/html' }), check: 'content_type_conformance' },
    { name: 'missing field', e: exchangeOf({ body: { data: { ...jane, initials: undefined } } }), check: 'response_schema_conformance' },
    { name: 'email not nullable', e: exchangeOf({ body: { data: { ...jane, email: 5 } } }), check: 'response_schema_conformance' },
    { name: 'error body without error', e: exchangeOf({ status: 404, body: { message: 'nope' } }), check: 'response_schema_conformance' },
    {
      name: '429 without Retry-After',
      e: exchangeOf({ status: 429, body: { error: 'slow down' } }),
      check: 'response_headers_conformance',
    },
    {
      name: 'Retry-After not a number or date',
      e: exchangeOf({ status: 429, body: { error: 's' }, headers: { 'retry-after': 'soon' } }),
      check: 'response_headers_conformance',
    },
  ])('flags $name as $check', ({ e, check }) => {
    expect(checksOf(e)).toContain(check);
  });

  it('accepts Retry-After as seconds or as an HTTP date', () => {
    expect(checksOf(exchangeOf({ status: 429, body: { error: 's' }, headers: { 'retry-after': '30' } }))).toEqual([]);
    expect(
      checksOf(exchangeOf({ status: 429, body: { error: 's' }, headers: { 'retry-after': 'Mon, 30 Nov 2026 12:00:30 GMT' } })),
    ).toEqual([]);
  });

  it('explains which statuses are documented', () => {
    const [failure] = checkResponse(validator, 'getOperator', exchangeOf({ status: 409, body: { error: 'x' } }));
    const documented = validator
      .operation('getOperator')
      .responses.map((r) => r.status)
      .join(', ');
    expect(failure!.message).toContain(`409 is not documented (documented: ${documented})`);
  });

  it('fails every undocumented status, the HTTP-level ones included, naming the documented ones', () => {
    const documented = validator
      .operation('getOperator')
      .responses.map((r) => r.status)
      .join(', ');
    for (const status of [400, 405, 409, 413, 415, 422]) {
      const failures = checkResponse(validator, 'getOperator', exchangeOf({ status, body: { error: 'x' } }));
      expect(failures.map((f) => f.check)).toEqual(['status_code_conformance']);
      expect(failures[0]!.message).toContain(`status ${status} is not documented (documented: ${documented})`);
    }
  });

  it('lets a documented 5xx through only when it was asked for', () => {
    const e = exchangeOf({ status: 500, body: { error: 'Internal server error' } });
    expect(checksOf(e)).toEqual(['not_a_server_error']);
    expect(checksOf(e, 'getOperator', { allowServerError: true })).toEqual([]);
  });
});

describe('checkRequest', () => {
  it('passes a conforming PATCH', () => {
    expect(checkRequest(validator, exchangeOf({ method: 'PATCH', requestBody: { active: false } }))).toEqual([]);
  });

  it.each([
    {
      name: 'a body its schema rejects',
      e: exchangeOf({ method: 'PATCH', requestBody: { active: 'no' } }),
      message: /\/active must be boolean/,
    },
    { name: 'no bearer token', e: exchangeOf({ auth: null }), message: /no bearer token/ },
    { name: 'an undocumented path', e: exchangeOf({ path: '/operatorz' }), message: /not an operation of the spec/ },
  ])('flags $name', ({ e, message }) => {
    const failures = checkRequest(validator, e);
    expect(failures.map((f) => f.check)).toEqual(['request_conformance']);
    expect(failures.map((f) => f.message).join('\n')).toMatch(message);
  });
});

describe('matching requests to the spec', () => {
  it.each([
    { method: 'GET', path: '/operators', id: 'listOperators' },
    { method: 'PATCH', path: '/operators/42', id: 'updateOperator' },
    { method: 'GET', path: '/virtual_numbers/available', id: 'listAvailableVirtualNumbers' },
    { method: 'PUT', path: '/operators/42', id: undefined },
    { method: 'GET', path: '/operators/42/extra', id: undefined },
  ])('$method $path → $id', ({ method, path, id }) => {
    expect(matchOperation(validator.operations, method, path)?.operationId).toBe(id);
  });

  it.each([
    { path: '/operators/1', methods: ['GET', 'PATCH', 'DELETE'] },
    { path: '/virtual_numbers/available', methods: ['GET'] },
    { path: '/virtual_numbers/1/remove_operator', methods: ['DELETE'] },
  ])('documents $methods on $path', ({ path, methods }) => {
    expect(documentedMethods(validator.operations, path).sort()).toEqual([...methods].sort());
  });
});
