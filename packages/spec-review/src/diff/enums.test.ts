/**
 * Enum rules, each from a small spec pair: the same enum edit is breaking in one position and not
 * in the other.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, oneOperation, operationWith, rulesOf } from '../testing/helpers.js';

const status = (values: string[] | undefined) => ({
  type: 'object',
  properties: { status: { type: 'string', ...(values ? { enum: values } : {}) } },
});
const inRequest = (values: string[] | undefined) => oneOperation(operationWith({ request: status(values) }));
const inResponse = (values: string[] | undefined) => oneOperation(operationWith({ response: status(values) }));
const inQuery = (values: string[] | undefined) =>
  oneOperation(
    operationWith({ parameters: [{ name: 'status', in: 'query', schema: { type: 'string', ...(values ? { enum: values } : {}) } }] }),
  );

const cases = [
  {
    name: 'request value removed',
    spec: inRequest,
    base: ['a', 'b'],
    head: ['a'],
    rule: 'request-enum-value-removed',
    severity: 'breaking',
  },
  {
    name: 'request value added',
    spec: inRequest,
    base: ['a'],
    head: ['a', 'b'],
    rule: 'request-enum-value-added',
    severity: 'non-breaking',
  },
  {
    name: 'response value added',
    spec: inResponse,
    base: ['a'],
    head: ['a', 'b'],
    rule: 'response-enum-value-added',
    severity: 'breaking',
  },
  {
    name: 'response value removed',
    spec: inResponse,
    base: ['a', 'b'],
    head: ['a'],
    rule: 'response-enum-value-removed',
    severity: 'non-breaking',
  },
  { name: 'query value removed', spec: inQuery, base: ['a', 'b'], head: ['b'], rule: 'request-enum-value-removed', severity: 'breaking' },
  { name: 'request enum introduced', spec: inRequest, base: undefined, head: ['a'], rule: 'request-enum-added', severity: 'breaking' },
  { name: 'request enum dropped', spec: inRequest, base: ['a'], head: undefined, rule: 'request-enum-removed', severity: 'non-breaking' },
  {
    name: 'response enum introduced',
    spec: inResponse,
    base: undefined,
    head: ['a'],
    rule: 'response-enum-added',
    severity: 'non-breaking',
  },
  { name: 'response enum dropped', spec: inResponse, base: ['a'], head: undefined, rule: 'response-enum-removed', severity: 'breaking' },
];

describe('enum rules', () => {
  it.each(cases)('$name is $severity', ({ spec, base, head, rule, severity }) => {
    const diff = diffDocs(spec(base), spec(head));
    const found = diff.changes.filter((c) => c.family === 'enums');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule, severity });
  });

  it('reports one change per value and names each value', () => {
    const diff = diffDocs(inResponse(['a']), inResponse(['a', 'b', 'c']));
    expect(diff.changes.map((c) => c.message)).toEqual([expect.stringContaining('`b`'), expect.stringContaining('`c`')]);
    expect(diff.changes.every((c) => c.path === 'status')).toBe(true);
  });

  it('treats const as a one-value enum and ignores reordering', () => {
    const constant = (v: string) => oneOperation(operationWith({ response: { type: 'object', properties: { kind: { const: v } } } }));
    expect(
      diffDocs(constant('x'), constant('y'))
        .changes.map((c) => c.rule)
        .sort(),
    ).toEqual(['response-enum-value-added', 'response-enum-value-removed']);
    expect(diffDocs(inResponse(['a', 'b']), inResponse(['b', 'a'])).changes).toEqual([]);
  });

  it('treats null in an enum as nullability, not as a value', () => {
    const diff = diffDocs(
      inResponse(['a']),
      oneOperation(operationWith({ response: { type: 'object', properties: { status: { enum: ['a', null] } } } })),
    );
    expect(diff.changes.map((c) => c.rule)).toEqual(['response-may-be-null']);
  });

  describe('x-extensible-enum (an open list of known values)', () => {
    const open = (values: string[] | undefined) => ({
      type: 'object',
      properties: { status: { type: 'string', ...(values ? { 'x-extensible-enum': values } : {}) } },
    });
    const req = (values: string[] | undefined) => oneOperation(operationWith({ request: open(values) }));
    const res = (values: string[] | undefined) => oneOperation(operationWith({ response: open(values) }));
    const query = (values: string[] | undefined) =>
      oneOperation(
        operationWith({
          parameters: [{ name: 'status', in: 'query', schema: { type: 'string', ...(values ? { 'x-extensible-enum': values } : {}) } }],
        }),
      );
    it.each([
      {
        name: 'request value removed',
        spec: req,
        base: ['a', 'b'],
        head: ['a'],
        rule: 'request-extensible-enum-value-removed',
        severity: 'breaking',
      },
      {
        name: 'query value removed',
        spec: query,
        base: ['a', 'b'],
        head: ['a'],
        rule: 'request-extensible-enum-value-removed',
        severity: 'breaking',
      },
      {
        name: 'request value added',
        spec: req,
        base: ['a'],
        head: ['a', 'b'],
        rule: 'request-extensible-enum-value-added',
        severity: 'non-breaking',
      },
      {
        name: 'response value added',
        spec: res,
        base: ['a'],
        head: ['a', 'b'],
        rule: 'response-extensible-enum-value-added',
        severity: 'non-breaking',
      },
      {
        name: 'response value removed',
        spec: res,
        base: ['a', 'b'],
        head: ['a'],
        rule: 'response-extensible-enum-value-removed',
        severity: 'non-breaking',
      },
      { name: 'list introduced', spec: req, base: undefined, head: ['a'], rule: 'extensible-enum-introduced', severity: 'non-breaking' },
      { name: 'list dropped', spec: res, base: ['a'], head: undefined, rule: 'extensible-enum-dropped', severity: 'non-breaking' },
    ])('$name is $severity', ({ spec, base, head, rule, severity }) => {
      expect(rulesOf(diffDocs(spec(base), spec(head)))).toEqual([{ rule, severity }]);
    });

    it('is read as values, not as an opaque extension', () => {
      const diff = diffDocs(req(['a', 'b']), req(['a']));
      expect(diff.changes.map((c) => c.family)).toEqual(['enums']);
      expect(diff.changes[0]!.message).toBe('`status` no longer supports `b` (x-extensible-enum); calls sending it may be refused.');
    });
  });
});
