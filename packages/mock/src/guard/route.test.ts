/** The request target: decoding, the base path, documented paths and methods, path values, the query. */
import { errorMessages, getOperation } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { basePathOf, bundledFacts } from '../facts.js';
import { GuardError } from './errors.js';
import { checkQuery, parseQuery } from './query.js';
import { buildRoutes, checkPathParams, MAX_TARGET_BYTES, resolveRoute } from './route.js';

const facts = bundledFacts();
const routes = buildRoutes(facts);
const base = facts.basePath;
const getOperator = getOperation(facts.doc, 'getOperator');
/** Get Operator's path with `id`, e.g. `/operators/{id}` → `/operators/42`. */
const operatorPath = (id: string) => getOperator.path.replace('{id}', id);
const resolve = (method: string, target: string, headers: Record<string, string> = {}) =>
  resolveRoute(facts, routes, method, target, headers);

function refusal(fn: () => unknown): GuardError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GuardError) return error;
    throw error;
  }
  throw new Error('expected a GuardError');
}

describe('the base path', () => {
  it("is the path of the spec's first server URL", () => {
    expect(base).toBe(new URL(facts.doc.servers![0]!.url).pathname.replace(/\/$/, ''));
    expect(basePathOf({ ...facts.doc, servers: [{ url: 'https://h.example/x/y/' }] })).toBe('/x/y');
    expect(basePathOf({ ...facts.doc, servers: [] })).toBe('');
  });
});

describe('resolveRoute', () => {
  it.each([
    { name: 'at the root', target: operatorPath('42') },
    { name: 'under the base path', target: `${base}${operatorPath('42')}` },
    { name: 'as an absolute URL', target: `http://mock.example${base}${operatorPath('42')}` },
  ])('finds Get Operator $name', ({ target }) => {
    const match = resolve('GET', `${target}?x=1`);
    expect(match.operation.operationId).toBe('getOperator');
    expect(match.params).toEqual({ id: '42' });
    expect(match.upstreamPath).toBe(operatorPath('42'));
    expect(match.rawQuery).toBe('x=1');
  });

  it('prefers a literal segment over a parameter (GET /virtual_numbers/available is not an id)', () => {
    const available = facts.operations.find((o) => o.path.endsWith('/available'))!;
    expect(resolve('GET', available.path).operation.operationId).toBe(available.operationId);
  });

  it('re-encodes path values canonically for Prism', () => {
    expect(resolve('GET', operatorPath('%34%32')).upstreamPath).toBe(operatorPath('42'));
    expect(resolve('GET', operatorPath('a%2Fb')).upstreamPath).toBe(operatorPath('a%2Fb'));
  });

  it.each([
    { target: '/v1/operators', hint: `did you mean ${base}/operators?` },
    { target: `/api/v2/public${operatorPath('42')}`, hint: `did you mean ${base}${operatorPath('42')}?` },
  ])('answers $target (a wrong base path) with 404 naming the base path', ({ target, hint }) => {
    const error = refusal(() => resolve('GET', target));
    expect(error.status).toBe(404);
    expect(error.message).toBe(`${target} is not under the API's base path ${base}: ${hint}`);
  });

  it.each([
    { target: '/nothing', message: `No documented path matches /nothing; the API's paths are under ${base}` },
    { target: `${base}/nothing`, message: `No documented path matches ${base}/nothing` },
    { target: `${base}`, message: `No documented path matches ${base}` },
    {
      target: `${operatorPath('42')}/extra`,
      message: `No documented path matches ${operatorPath('42')}/extra; the API's paths are under ${base}`,
    },
    { target: `${operatorPath('')}`, message: `No documented path matches ${operatorPath('')}; the API's paths are under ${base}` },
  ])('answers $target with 404', ({ target, message }) => {
    const error = refusal(() => resolve('GET', target));
    expect(error).toMatchObject({ status: 404, message });
  });

  it('answers an undocumented method with 405 and Allow', () => {
    const methods = facts.operations.filter((o) => o.path === getOperator.path).map((o) => o.method.toUpperCase());
    const error = refusal(() => resolve('PUT', operatorPath('42')));
    expect(error.status).toBe(405);
    expect(error.headers.allow!.split(', ').sort()).toEqual(methods.sort());
    expect(error.message).toBe(`PUT is not a documented method of ${getOperator.path}; it allows ${error.headers.allow}`);
  });

  it('lets a CORS preflight through to Prism, and only a preflight', () => {
    expect(resolve('OPTIONS', operatorPath('42'), { origin: 'http://a.example', 'access-control-request-method': 'PATCH' }).preflight).toBe(
      true,
    );
    expect(refusal(() => resolve('OPTIONS', operatorPath('42'))).status).toBe(405);
  });

  it.each([
    { target: '/recordings/%ff', message: 'Malformed request path: "%ff" is not a valid percent-encoded UTF-8 sequence' },
    { target: '/recordings/%E0%A4%A', message: 'Malformed request path: "%E0%A4%A" is not a valid percent-encoded UTF-8 sequence' },
    { target: '/recordings/%zz', message: 'Malformed request path: "%zz" is not a valid percent-encoded UTF-8 sequence' },
    { target: '/recordings/%00', message: 'Malformed request path: "%00" encodes a control character' },
    { target: '/recordings/a\u00e9', message: /must be percent-encoded/ },
    { target: '*', message: /does not start with "\/"/ },
  ])('answers $target with 400 saying what is wrong', ({ target, message }) => {
    const error = refusal(() => resolve('GET', target));
    expect(error.status).toBe(400);
    expect(error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it(`answers a target over ${MAX_TARGET_BYTES} bytes with 414 and closes`, () => {
    const error = refusal(() => resolve('GET', operatorPath('1'.repeat(MAX_TARGET_BYTES))));
    expect(error).toMatchObject({ status: 414, close: true });
    // One byte under the limit is resolved as usual (the id is checked later).
    expect(resolve('GET', operatorPath('42').padEnd(MAX_TARGET_BYTES, '0')).operation.operationId).toBe('getOperator');
  });
});

describe('checkPathParams', () => {
  it.each(['42', '1', '9007199254740991'])('accepts the id %s', (id) => {
    expect(() => checkPathParams(facts, resolve('GET', operatorPath(id)))).not.toThrow();
  });

  it.each(['abc', '0', '-1', '1.5', '9007199254740992', '99999999999999999999', '42abc', '1e3', 'a%2Fb'])(
    'answers the id %s (refused by its schema) with 404 and the documented message',
    (id) => {
      const error = refusal(() => checkPathParams(facts, resolve('GET', operatorPath(id))));
      expect(error).toMatchObject({ status: 404, message: errorMessages(getOperator, 404)[0] });
    },
  );
});

describe('the query', () => {
  const listRecordings = getOperation(facts.doc, 'listRecordings');

  it('decodes pairs strictly, + as a space', () => {
    expect(parseQuery('a=1&b=x+y&c&&d=%C5%BE')).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['c', ''],
      ['d', 'ž'],
    ]);
  });

  it('re-encodes a valid query for Prism', () => {
    expect(checkQuery(facts, listRecordings, 'page=2&per_page=%32%30&x=a+b')).toBe('?page=2&per_page=20&x=a%20b');
    expect(checkQuery(facts, listRecordings, '')).toBe('');
  });

  it.each([
    { query: 'per_page=500', message: 'Query parameter "per_page" must be <= 100 (got "500")' },
    { query: 'page=abc', message: 'Query parameter "page" must be integer (got "abc")' },
    { query: 'page=1.5', message: 'Query parameter "page" must be integer (got "1.5")' },
    { query: 'status=nope', message: /^Query parameter "status" must be equal to one of the allowed values/ },
    { query: 'page=1&page=2', message: 'Query parameter "page" is given 2 times; give it once' },
    { query: 'page=%ff', message: 'Malformed query string: "%ff" is not a valid percent-encoded UTF-8 sequence' },
    { query: 'x=%00', message: 'Malformed query string: "%00" encodes a control character' },
    { query: 'x=\u00e9', message: /must be percent-encoded/ },
  ])('answers $query with 400', ({ query, message }) => {
    const error = refusal(() => checkQuery(facts, listRecordings, query));
    expect(error.status).toBe(400);
    expect(error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it('answers a missing required parameter with 400', () => {
    const withRequired = facts.operations.find((o) => o.parameters.some((p) => p.in === 'query' && p.required))!;
    const name = withRequired.parameters.find((p) => p.in === 'query' && p.required)!.name;
    expect(refusal(() => checkQuery(facts, withRequired, ''))).toMatchObject({
      status: 400,
      message: `Query parameter "${name}" is required`,
    });
  });
});
