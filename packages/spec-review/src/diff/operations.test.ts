/**
 * Operation rules from small spec pairs: added, removed, moved, operationId, deprecation, servers.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, rulesOf, specOf } from '../testing/helpers.js';

const get = (operationId: string, extra = {}) => ({
  operationId,
  summary: operationId,
  responses: { '200': { description: 'OK' } },
  ...extra,
});

const cases = [
  {
    name: 'operation added',
    base: { '/a': { get: get('getA') } },
    head: { '/a': { get: get('getA') }, '/b': { get: get('getB') } },
    expected: [{ rule: 'operation-added', severity: 'non-breaking' }],
  },
  {
    name: 'operation removed',
    base: { '/a': { get: get('getA'), delete: get('deleteA') } },
    head: { '/a': { get: get('getA') } },
    expected: [{ rule: 'operation-removed', severity: 'breaking' }],
  },
  {
    name: 'operation moved to another path',
    base: { '/a': { get: get('getA') } },
    head: { '/things/a': { get: get('getA') } },
    expected: [{ rule: 'operation-moved', severity: 'breaking' }],
  },
  {
    name: 'operationId changed',
    base: { '/a': { get: get('getA') } },
    head: { '/a': { get: get('fetchA') } },
    expected: [{ rule: 'operation-id-changed', severity: 'breaking' }],
  },
  {
    name: 'operation deprecated',
    base: { '/a': { get: get('getA') } },
    head: { '/a': { get: get('getA', { deprecated: true }) } },
    expected: [{ rule: 'operation-deprecated', severity: 'non-breaking' }],
  },
  {
    name: 'callbacks changed (not analysed)',
    base: { '/a': { get: get('getA', { callbacks: { x: {} } }) } },
    head: { '/a': { get: get('getA', { callbacks: { y: {} } }) } },
    expected: [{ rule: 'operation-field-changed', severity: 'possibly-breaking' }],
  },
];

describe('operation rules', () => {
  it.each(cases)('$name', ({ base, head, expected }) => {
    expect(rulesOf(diffDocs(specOf({ paths: base }), specOf({ paths: head })))).toEqual(expected);
  });

  it('treats a renamed path parameter as the same operation', () => {
    const op = (name: string) => ({
      [`/a/{${name}}`]: { get: get('getA', { parameters: [{ name, in: 'path', required: true, schema: { type: 'string' } }] }) },
    });
    const diff = diffDocs(specOf({ paths: op('id') }), specOf({ paths: op('aId') }));
    expect(rulesOf(diff)).toEqual([{ rule: 'path-parameter-renamed', severity: 'breaking' }]);
  });

  it.each([
    { name: 'server removed', base: ['https://a.example'], head: ['https://b.example'], expected: ['server-removed', 'server-added'] },
    { name: 'server added', base: ['https://a.example'], head: ['https://a.example', 'https://b.example'], expected: ['server-added'] },
  ])('$name', ({ base, head, expected }) => {
    const doc = (urls: string[]) => specOf({ extra: { servers: urls.map((url) => ({ url })) } });
    expect(diffDocs(doc(base), doc(head)).changes.map((c) => c.rule)).toEqual(expected);
  });

  it('names the operation by method, path and operationId', () => {
    const diff = diffDocs(specOf({ paths: {} }), specOf({ paths: { '/a': { post: get('createA') } } }));
    expect(diff.changes[0]!.operation).toEqual({ method: 'POST', path: '/a', operationId: 'createA' });
  });
});
