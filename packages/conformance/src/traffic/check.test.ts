/**
 * The traffic checker on exchanges built by hand: which named check each kind of defect lands
 * under, that keys never reach a report, that nothing seen is never a pass, and that a check that
 * throws is counted as not checked instead of breaking the caller.
 */
import { describe, expect, it, vi } from 'vitest';
import { doc, exchangeOf, validator } from '../../test/helpers.js';
import { errorMessages, getOperation } from '@identitycall/openapi';
import { toJsonReport } from '../report/json.js';
import { toJUnitXml } from '../report/junit.js';
import { createTrafficChecker } from './check.js';

const checker = () => createTrafficChecker({ baseUrl: 'http://x/api/v1/public', basePath: '/api/v1/public' });
const notFound = errorMessages(getOperation(doc, 'getOperator'), 404)[0]!;
const unauthorized = errorMessages(getOperation(doc, 'getOperator'), 401)[0]!;

describe('checking one exchange at a time', () => {
  it('passes a documented answer and counts every check it evaluated', () => {
    const c = checker();
    expect(c.add(exchangeOf({}))).toEqual([]);
    const report = c.report();
    expect(report.outcome).toBe('passed');
    expect(report.cases.map((r) => r.id)).toEqual(['traffic/getOperator']);
    const evaluated = report.checks.filter((s) => s.passed > 0).map((s) => s.name);
    expect(evaluated).toEqual(
      expect.arrayContaining(['request_conformance', 'not_a_server_error', 'status_code_conformance', 'response_schema_conformance']),
    );
  });

  it.each([
    { defect: 'a body that breaks the schema', over: { body: { data: { id: 'x' } } }, check: 'response_schema_conformance' },
    { defect: 'an undocumented status', over: { status: 418, body: { error: 'teapot' } }, check: 'status_code_conformance' },
    { defect: 'a 5xx', over: { status: 500, body: { error: 'boom' } }, check: 'not_a_server_error' },
    { defect: 'the wrong content type', over: { contentType: 'text/plain' }, check: 'content_type_conformance' },
    { defect: 'a wrong not-found message', over: { status: 404, body: { error: 'Not found' } }, check: 'error_envelope' },
    { defect: 'an error outside the envelope', over: { status: 404, body: { message: notFound } }, check: 'error_envelope' },
    { defect: 'a request without a key answered 200', over: { auth: null }, check: 'ignored_auth' },
    { defect: 'a request without a key', over: { auth: null, status: 401, body: { error: unauthorized } }, check: 'request_conformance' },
    {
      defect: 'an invalid body accepted',
      over: { method: 'POST', path: '/operators', requestBody: { name: 42 }, status: 201 },
      check: 'negative_data_rejection',
    },
    { defect: 'a path the spec does not have', over: { path: '/nowhere' }, check: 'request_conformance' },
    {
      defect: 'an undocumented method answered 404',
      over: { method: 'PUT', status: 404, body: { error: notFound } },
      check: 'unsupported_method',
    },
    {
      defect: 'a 405 without the documented Allow',
      over: { method: 'PUT', status: 405, body: { error: 'Method not allowed' }, headers: { allow: 'GET' } },
      check: 'unsupported_method',
    },
  ])('reports $defect under $check', ({ over, check }) => {
    const c = checker();
    const violations = c.add(exchangeOf(over));
    expect(violations.map((v) => v.check)).toContain(check);
    expect(c.report().outcome).toBe('failed');
    expect(c.stats).toMatchObject({ exchanges: 1, checked: 1, violating: 1 });
  });

  it('accepts the documented not-found answer', () => {
    const c = checker();
    expect(c.add(exchangeOf({ status: 404, body: { error: notFound } }))).toEqual([]);
  });

  it('says a JSON body over x-max-bytes breaks the spec without reading it', () => {
    const c = checker();
    const e = exchangeOf({ method: 'PATCH', status: 413, body: { error: 'too large' } });
    const violations = c.add(
      { ...e, request: { ...e.request, body: '{"name":"' } },
      { requestBytes: 5_000_000, requestBodyComplete: false },
    );
    expect(violations.map((v) => v.check)).toContain('request_conformance');
    expect(violations.find((v) => v.check === 'request_conformance')!.message).toContain('x-max-bytes');
  });
});

describe('what a report over traffic says', () => {
  it('is INCOMPLETE, never passed, when no exchange with the API was seen', () => {
    const c = checker();
    c.addOutside();
    const report = c.report();
    expect(report.outcome).toBe('incomplete');
    expect(report.passed).toBe(false);
    expect(report.skips.map((s) => [s.kind, s.deliberate])).toEqual([
      ['no-traffic', false],
      ['outside-api', true],
    ]);
    expect(c.stats).toMatchObject({ exchanges: 1, checked: 0, outsideBasePath: 1 });
  });

  it('counts a response body it could not see whole, and does not pass the checks that read it', () => {
    const c = checker();
    c.add(exchangeOf({ body: { data: { id: 'not an operator' } } }), { responseBodyComplete: false });
    const report = c.report();
    expect(report.checks.find((s) => s.name === 'response_schema_conformance')).toMatchObject({ passed: 0, failed: 0 });
    expect(report.outcome).toBe('incomplete');
  });

  it('keeps every key seen in an Authorization header out of violations, JSON and JUnit', () => {
    const c = checker();
    const key = 'idc_secretKeyThatMustNotLeak0000000';
    const e = exchangeOf({ auth: `Bearer ${key}`, status: 404, body: { error: `no key ${key}` } });
    const violations = c.add(e);
    expect(violations.length).toBeGreaterThan(0);
    const report = c.report();
    const outputs = [JSON.stringify(violations), JSON.stringify(toJsonReport(report)), toJUnitXml(report)];
    for (const text of outputs) {
      expect(text).not.toContain(key);
      expect(text).toContain('[api-key]');
    }
  });

  it('counts an exchange whose check throws as not checked, and keeps going', () => {
    const c = checker();
    const spy = vi.spyOn(validator, 'validateResponse').mockImplementationOnce(() => {
      throw new Error('a bug in a check');
    });
    try {
      expect(c.add(exchangeOf({}))).toEqual([]);
      expect(c.add(exchangeOf({}))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    expect(c.stats).toMatchObject({ exchanges: 2, checked: 1, unchecked: 1 });
    const report = c.report();
    expect(report.outcome).toBe('incomplete');
    expect(report.skips.find((s) => s.kind === 'other')!.reasons[0]).toContain('a bug in a check');
  });

  it('keeps a bounded number of failures per operation and counts the rest', () => {
    const c = createTrafficChecker({ baseUrl: 'http://x', basePath: '', maxFailuresPerOperation: 3 });
    for (let i = 0; i < 10; i++) c.add(exchangeOf({ status: 500, body: { error: 'boom' } }));
    const [result] = c.report().cases;
    expect(result!.failures).toHaveLength(3);
    expect(result!.checks.not_a_server_error).toEqual({ passed: 0, failed: 10 });
    expect(result!.title).toContain('more failure(s) counted');
  });
});
