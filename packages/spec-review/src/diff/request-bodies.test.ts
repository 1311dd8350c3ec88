/**
 * Request body rules from small spec pairs.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, oneOperation, rulesOf } from '../testing/helpers.js';
import type { Node } from './types.js';

const schema = { type: 'object', properties: { name: { type: 'string' } } };
const op = (requestBody?: Node) =>
  oneOperation({ operationId: 'create', ...(requestBody ? { requestBody } : {}), responses: { '201': { description: 'Created' } } });
const body = (required: boolean, types = ['application/json']) => ({
  required,
  content: Object.fromEntries(types.map((t) => [t, { schema }])),
});

const cases = [
  { name: 'required body added', base: op(), head: op(body(true)), rule: 'request-body-added-required', severity: 'breaking' },
  { name: 'optional body added', base: op(), head: op(body(false)), rule: 'request-body-added-optional', severity: 'non-breaking' },
  { name: 'body removed', base: op(body(false)), head: op(), rule: 'request-body-removed', severity: 'breaking' },
  { name: 'body made required', base: op(body(false)), head: op(body(true)), rule: 'request-body-now-required', severity: 'breaking' },
  { name: 'body made optional', base: op(body(true)), head: op(body(false)), rule: 'request-body-now-optional', severity: 'non-breaking' },
  {
    name: 'media type removed',
    base: op(body(true, ['application/json', 'application/xml'])),
    head: op(body(true)),
    rule: 'request-media-type-removed',
    severity: 'breaking',
  },
  {
    name: 'media type added',
    base: op(body(true)),
    head: op(body(true, ['application/json', 'multipart/form-data'])),
    rule: 'request-media-type-added',
    severity: 'non-breaking',
  },
  {
    name: 'media type parameters changed',
    base: op(body(true)),
    head: op(body(true, ['application/json; charset=utf-8'])),
    rule: 'request-media-type-parameters-changed',
    severity: 'non-breaking',
  },
  {
    name: 'multipart encoding changed (not analysed)',
    base: op({ required: true, content: { 'multipart/form-data': { schema, encoding: { name: { contentType: 'text/plain' } } } } }),
    head: op({ required: true, content: { 'multipart/form-data': { schema, encoding: { name: { contentType: 'text/csv' } } } } }),
    rule: 'request-encoding-changed',
    severity: 'possibly-breaking',
  },
];

describe('request body rules', () => {
  it.each(cases)('$name', ({ base, head, rule, severity }) => {
    expect(rulesOf(diffDocs(base, head))).toEqual([{ rule, severity }]);
  });

  it('compares each media type schema as a request schema and says which media type', () => {
    const withField = (required: string[]) => op({ required: true, content: { 'application/json': { schema: { ...schema, required } } } });
    const diff = diffDocs(withField([]), withField(['name']));
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({
      rule: 'request-property-now-required',
      where: 'request body (application/json)',
      path: 'name',
    });
  });

  it('reports changed request examples as documentation', () => {
    const withExample = (value: string) => op({ required: true, content: { 'application/json': { schema, example: { name: value } } } });
    const diff = diffDocs(withExample('a'), withExample('b'));
    expect(diff.changes.map((c) => [c.family, c.rule])).toEqual([['documentation', 'request-examples-changed']]);
  });
});
