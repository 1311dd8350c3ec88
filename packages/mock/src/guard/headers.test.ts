/** Header checks: Content-Type syntax and boundaries, bearer credentials, Prism's Prefer. */
import { errorMessages, getOperation } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { bundledFacts } from '../facts.js';
import { GuardError } from './errors.js';
import { boundaryProblem, checkAuthorization, checkContentType, checkPrefer, parseMediaType } from './headers.js';

const facts = bundledFacts();
const op = (id: string) => getOperation(facts.doc, id);
const jsonOp = facts.operations.find((o) => o.requestBody?.content.some((m) => m.contentType === 'application/json'))!;
const upload = facts.upload.operation;

/** The GuardError `fn` throws (fails the test when it throws nothing else). */
function refusal(fn: () => unknown): GuardError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GuardError) return error;
    throw error;
  }
  throw new Error('expected a GuardError');
}

describe('parseMediaType', () => {
  it.each([
    { value: 'application/json', essence: 'application/json', params: {} },
    { value: 'Application/JSON; Charset=UTF-8', essence: 'application/json', params: { charset: 'UTF-8' } },
    { value: 'multipart/form-data; boundary="a b:c"', essence: 'multipart/form-data', params: { boundary: 'a b:c' } },
    { value: 'multipart/form-data;boundary=x;;', essence: 'multipart/form-data', params: { boundary: 'x' } },
    { value: 'text/plain ; q="a\\"b"', essence: 'text/plain', params: { q: 'a"b' } },
  ])('reads $value', ({ value, essence, params }) => {
    const parsed = parseMediaType(value);
    expect(parsed).toEqual({ essence, params: new Map(Object.entries(params)) });
  });

  it.each([
    { value: 'application/json, multipart/form-data', why: /unexpected ","/ },
    { value: 'application/', why: /has no subtype/ },
    { value: '/json', why: /does not start with a type/ },
    { value: 'json', why: /no "\/subtype"/ },
    { value: 'application/json; charset', why: /no "=value"/ },
    { value: 'application/json; charset=', why: /empty value/ },
    { value: 'multipart/form-data; boundary="abc', why: /unterminated/ },
    { value: 'multipart/form-data; boundary=a; boundary=b', why: /given twice/ },
  ])('explains what is wrong with $value', ({ value, why }) => {
    expect(parseMediaType(value)).toMatch(why);
  });
});

describe('boundaryProblem', () => {
  it.each([
    { boundary: '----WebKitFormBoundary7MA4YWxkTrZu0gW', problem: undefined },
    { boundary: "a'()+_,-./:=? b", problem: undefined },
    { boundary: '', problem: /empty/ },
    { boundary: 'b'.repeat(71), problem: /71 characters/ },
    { boundary: 'a"b', problem: /does not allow/ },
    { boundary: 'ab ', problem: /ends with a space/ },
  ])('$boundary', ({ boundary, problem }) => {
    const found = boundaryProblem(boundary);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});

describe('checkContentType', () => {
  it('accepts JSON (with a UTF-8 charset) and a multipart type with a boundary', () => {
    expect(checkContentType(jsonOp, 'application/json')).toEqual({ kind: 'json' });
    expect(checkContentType(jsonOp, 'application/json; charset=utf-8')).toEqual({ kind: 'json' });
    expect(checkContentType(upload, 'multipart/form-data; boundary=xyz')).toEqual({ kind: 'multipart', boundary: 'xyz' });
  });

  it.each([
    { name: 'no type', op: jsonOp, value: undefined, status: 415, message: /no Content-Type/ },
    {
      name: 'two types',
      op: upload,
      value: 'application/json, multipart/form-data',
      status: 400,
      message: /^Malformed Content-Type header: unexpected ","/,
    },
    {
      name: 'an empty boundary',
      op: upload,
      value: 'multipart/form-data; boundary=',
      status: 400,
      message: /^Malformed Content-Type header: parameter "boundary" has an empty value/,
    },
    { name: 'no boundary', op: upload, value: 'multipart/form-data', status: 400, message: /needs a boundary/ },
    { name: 'a bad boundary', op: upload, value: `multipart/form-data; boundary=${'b'.repeat(71)}`, status: 400, message: /71 characters/ },
    {
      name: 'a type the operation does not take',
      op: jsonOp,
      value: 'text/plain',
      status: 415,
      message: /text\/plain is not accepted here; .* takes application\/json/,
    },
    { name: 'JSON to an upload', op: upload, value: 'application/json', status: 415, message: /takes multipart\/form-data/ },
    { name: 'another charset', op: jsonOp, value: 'application/json; charset=latin1', status: 415, message: /charset latin1/ },
  ])('refuses $name with $status', ({ op: o, value, status, message }) => {
    const error = refusal(() => checkContentType(o, value));
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });
});

describe('checkAuthorization', () => {
  const secured = facts.operations.find((o) => o.secured)!;

  it.each(['Bearer idc_abcdefghijklmnopqrstuvwxyz012345', 'bearer abc.def-ghi_jkl~mno+pq/rs==', 'Bearer  x'])('accepts %s', (header) => {
    expect(() => checkAuthorization(facts, secured, header)).not.toThrow();
  });

  it.each([undefined, '', 'Basic aGk6dGhlcmU=', 'Bearer', 'Bearer ', 'Bearer a b', 'Bearer "quoted"', 'Token abc'])(
    'refuses %j with 401 and the documented message',
    (header) => {
      const error = refusal(() => checkAuthorization(facts, secured, header));
      expect(error.status).toBe(401);
      expect(error.message).toBe(errorMessages(secured, 401)[0]);
      expect(error.headers['www-authenticate']).toBe('Bearer');
    },
  );
});

describe('checkPrefer', () => {
  const getOperator = op('getOperator');
  const documented = getOperator.responses.map((r) => r.status);
  const notFoundExample = getOperator.responses.find((r) => r.status === '404')!.content[0]!.examples[0]!.name;

  it.each([
    { header: undefined, forwarded: undefined },
    { header: `code=${documented[1]}`, forwarded: `code=${documented[1]}` },
    { header: `Code=404, example=${notFoundExample}`, forwarded: `code=404, example=${notFoundExample}` },
    { header: 'dynamic=true', forwarded: 'dynamic=true' },
    { header: 'return=minimal; respond-async', forwarded: undefined },
    { header: 'return=minimal, code=404', forwarded: 'code=404' },
  ])('forwards $header as $forwarded', ({ header, forwarded }) => {
    expect(checkPrefer(getOperator, header)).toBe(forwarded);
  });

  it.each([
    {
      header: 'code=418',
      message: new RegExp(`code=418 is not a documented status of getOperator \\(documented: ${documented.join(', ')}\\)`),
    },
    { header: 'code=abc', message: /code=abc is not a documented status/ },
    { header: 'example=nope', message: /example=nope is not a documented example/ },
    { header: 'code=200, code=404', message: /code is given twice/ },
    { header: 'dynamic=maybe', message: /dynamic must be true or false/ },
  ])('refuses $header with 400', ({ header, message }) => {
    const error = refusal(() => checkPrefer(getOperator, header));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });
});
